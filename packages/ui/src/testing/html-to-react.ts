import { createElement, type ReactNode } from "react";
import { parseFragment, type DefaultTreeAdapterMap } from "parse5";

type Node = DefaultTreeAdapterMap["childNode"];

/** React's names for the HTML attributes it renames (those that occur in govuk-frontend fixtures). */
const reactNames: Record<string, string> = { class: "className", for: "htmlFor", tabindex: "tabIndex", hreflang: "hrefLang", colspan: "colSpan", rowspan: "rowSpan", viewbox: "viewBox", "stroke-width": "strokeWidth" };

/**
 * A fixture's HTML string as React elements, for options our components take as React nodes where
 * the macro takes HTML that sits beside other content (slots): React can only set an element's whole
 * content from an HTML string. Tests only; apps pass JSX.
 */
export function htmlToReact(html: string): ReactNode {
  return parseFragment(html).childNodes.map((node, index) => toReact(node, index));
}

function toReact(node: Node, key: number): ReactNode {
  if (node.nodeName === "#text") return (node as DefaultTreeAdapterMap["textNode"]).value;
  if (node.nodeName === "#comment") return null;
  const element = node as DefaultTreeAdapterMap["element"];
  const props: Record<string, unknown> = { key };
  for (const attr of element.attrs) props[reactNames[attr.name] ?? attr.name] = attr.value;
  const children = element.childNodes.map((child, index) => toReact(child, index));
  return createElement(element.tagName, props, ...(children.length ? children : []));
}
