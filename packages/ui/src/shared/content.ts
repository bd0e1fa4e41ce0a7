import type { ReactNode } from "react";

/** The text, html and (our addition) children options most govuk-frontend macros take. */
export interface GovukContent {
  text?: string | number;
  html?: string;
  /** Our addition: React content in place of `text` or `html`. */
  children?: ReactNode;
}

/**
 * An element's whole content as React props: children first, then raw `html` (trimmed, as the
 * templates' `html | safe | trim`), then `text` (React escapes it as Nunjucks' autoescape does).
 */
export function contentProps(content: GovukContent): { children?: ReactNode; dangerouslySetInnerHTML?: { __html: string } } {
  if (content.children !== undefined) return { children: content.children };
  if (content.html) return { dangerouslySetInnerHTML: { __html: content.html.trim() } };
  return { children: content.text };
}

/** Whether the options give any content (the templates' `params.html or params.text`). */
export function hasContent(content: GovukContent | undefined): content is GovukContent {
  return Boolean(content && (content.children !== undefined || content.html || content.text));
}

/** Text escaped for raw HTML we assemble, as Nunjucks' autoescape would escape it. */
export function escapeHtml(text: string | number): string {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
