import { createElement, type ReactElement } from "react";
import type { SvgNode } from "@complaints/charts";

/** SVG attribute names as React props: `class` → `className`, `stroke-width` → `strokeWidth`; `data-*` and `aria-*` stay as they are. */
export function reactPropName(name: string): string {
  if (name === "class") return "className";
  if (name.startsWith("data-") || name.startsWith("aria-")) return name;
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Draws a chart's SVG tree (from `@complaints/charts`) as React elements. React writes each
 * prop back under its SVG name, so `renderToStaticMarkup(<SvgNodeView node={n} />)` equals
 * `toSvgString(n)` (tested), and the browser shows exactly what the server renders.
 */
export function SvgNodeView({ node }: { node: SvgNode }): ReactElement {
  return build(node, undefined);
}

function build(node: SvgNode, key: number | undefined): ReactElement {
  const props: Record<string, unknown> = key === undefined ? {} : { key };
  for (const [name, value] of Object.entries(node.attrs)) props[reactPropName(name)] = value;
  const children = typeof node.children === "string" ? node.children : node.children.map((child, i) => build(child, i));
  return createElement(node.tag, props, children);
}
