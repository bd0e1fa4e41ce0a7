import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";

/** Server-rendered HTML of a component, with small finders for the tests' checks (no DOM needed). */
export function render(element: ReactElement) {
  const html = renderToStaticMarkup(element);
  const escapeId = (id: string) => id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return {
    html,
    /** The opening tag of the element with this id, or undefined. */
    tag(id: string): string | undefined {
      return new RegExp(`<[a-z]+[^>]*\\sid="${escapeId(id)}"[^>]*>`).exec(html)?.[0];
    },
    /** The text of the label for this id. */
    label(id: string): string | undefined {
      const m = new RegExp(`<label[^>]*for="${escapeId(id)}"[^>]*>([\\s\\S]*?)</label>`).exec(html);
      return m?.[1]?.replace(/<[^>]+>/g, "");
    },
    /** The text of the element with this id (first level of nesting only). */
    text(id: string): string | undefined {
      const m = new RegExp(`<([a-z]+)[^>]*\\sid="${escapeId(id)}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html);
      return m?.[2]?.replace(/<[^>]+>/g, "").replace(/&#x27;/g, "'");
    },
    /** The `govuk-form-group` opening tag that immediately holds the element with this id. */
    formGroupOf(id: string): boolean {
      const at = html.indexOf(`id="${id}"`);
      const open = html.lastIndexOf('class="govuk-form-group', at);
      return open >= 0 && at > open;
    },
  };
}

export const attribute = (tag: string | undefined, name: string) => (tag ? new RegExp(`\\s${name}="([^"]*)"`, "i").exec(tag)?.[1] : undefined);
