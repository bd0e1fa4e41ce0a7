import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Link, LinkProvider, type LinkProps } from "./link.tsx";

describe("Link", () => {
  it("is a plain anchor without a LinkProvider", () => {
    expect(renderToStaticMarkup(<Link href="/returns" className="govuk-link">Returns</Link>)).toBe('<a href="/returns" class="govuk-link">Returns</a>');
  });

  it("renders through the app's renderLink, with every prop passed on", () => {
    const seen: LinkProps[] = [];
    const renderLink = ({ href, ...rest }: LinkProps) => {
      seen.push({ href, ...rest });
      return <a data-router="" href={`/app${href}`} {...rest} />;
    };
    const html = renderToStaticMarkup(
      <LinkProvider renderLink={renderLink}>
        <Link href="/returns" className="govuk-link" aria-current="page" dangerouslySetInnerHTML={{ __html: "<b>Returns</b>" }} />
      </LinkProvider>,
    );
    expect(html).toBe('<a data-router="" href="/app/returns" class="govuk-link" aria-current="page"><b>Returns</b></a>');
    expect(seen).toEqual([{ href: "/returns", className: "govuk-link", "aria-current": "page", dangerouslySetInnerHTML: { __html: "<b>Returns</b>" } }]);
  });
});
