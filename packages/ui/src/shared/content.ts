import type { ReactNode } from "react";

/** A macro's `text` and `html` options, and (our addition) React `children` in their place. */
export interface GovukContent {
  text?: string | number;
  html?: string;
  /** Our addition: React content in place of `text` or `html`. */
  children?: ReactNode;
}

/**
 * Content as the props of the element that holds it: React children first, then `html` as raw HTML
 * (`params.html | safe | trim if params.html else params.text` in the templates), then `text`,
 * which React escapes as Nunjucks' autoescape does.
 */
export function contentProps(content: GovukContent | undefined, fallbackText?: string): { children?: ReactNode; dangerouslySetInnerHTML?: { __html: string } } {
  if (content?.children !== undefined && content.children !== null) return { children: content.children };
  if (content?.html) return { dangerouslySetInnerHTML: { __html: content.html.trim() } };
  const text = content?.text;
  return { children: text === undefined || text === null || text === "" ? fallbackText : text };
}

/** Whether the content option is given at all (templates test `params.text or params.html`). */
export function hasContent(content: GovukContent | undefined): content is GovukContent {
  return Boolean(content && ((content.children !== undefined && content.children !== null && content.children !== false) || content.html || (content.text !== undefined && content.text !== null && content.text !== "")));
}

/** Text made safe to put in an HTML string, as Nunjucks' autoescape does. */
export function escapeHtml(text: string | number): string {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
