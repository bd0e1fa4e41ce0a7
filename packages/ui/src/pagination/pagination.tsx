import { Link } from "../shared/link.tsx";

/**
 * The page numbers GOV.UK's pagination shows (design system, "Pagination": the first and last page,
 * the current one and those either side, gaps as an ellipsis). `null` is an ellipsis.
 */
export function pageItems(current: number, pages: number): (number | null)[] {
  const shown = [...new Set([1, current - 1, current, current + 1, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const page of shown) {
    const previous = out.at(-1);
    if (typeof previous === "number" && page - previous === 2) out.push(previous + 1);
    else if (typeof previous === "number" && page - previous > 2) out.push(null);
    out.push(page);
  }
  return out;
}

const prevIcon = (
  <svg className="govuk-pagination__icon govuk-pagination__icon--prev" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
    <path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z" />
  </svg>
);
const nextIcon = (
  <svg className="govuk-pagination__icon govuk-pagination__icon--next" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
    <path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z" />
  </svg>
);

/** govuk-frontend's pagination with numbered pages, as `govukPagination` writes it with `items`, `previous` and `next`. */
export function Pagination({ current, pages, href, label }: { current: number; pages: number; href: (page: number) => string; label: string }) {
  if (pages <= 1) return null;
  return (
    <nav className="govuk-pagination" aria-label={label}>
      {current > 1 ? (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" href={href(current - 1)} rel="prev">
            {prevIcon}
            <span className="govuk-pagination__link-title">
              Previous<span className="govuk-visually-hidden"> page</span>
            </span>
          </Link>
        </div>
      ) : null}
      <ul className="govuk-pagination__list">
        {pageItems(current, pages).map((page, i) =>
          page === null ? (
            <li key={`gap-${i}`} className="govuk-pagination__item govuk-pagination__item--ellipses">
              &ctdot;
            </li>
          ) : (
            <li key={page} className={`govuk-pagination__item${page === current ? " govuk-pagination__item--current" : ""}`}>
              <Link className="govuk-link govuk-pagination__link" href={href(page)} aria-label={`Page ${page}`} {...(page === current ? { "aria-current": "page" as const } : {})}>
                {String(page)}
              </Link>
            </li>
          ),
        )}
      </ul>
      {current < pages ? (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" href={href(current + 1)} rel="next">
            <span className="govuk-pagination__link-title">
              Next<span className="govuk-visually-hidden"> page</span>
            </span>
            {nextIcon}
          </Link>
        </div>
      ) : null}
    </nav>
  );
}
