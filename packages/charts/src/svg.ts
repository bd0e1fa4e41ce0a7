/**
 * A tiny SVG element tree: the chart models build it, `toSvgString` writes it out for the server
 * (board packs) and `SvgNodeView` (React, in ../shared/svg-node.tsx) draws the same tree in the
 * browser. Attribute names are written as in SVG (kebab case); values are strings, already
 * rounded, so both renderers print identical text.
 */
export interface SvgNode {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string>>;
  /** Child elements, or one text string (never two texts side by side: React would separate them). */
  readonly children: readonly SvgNode[] | string;
}

type AttrValue = string | number | null | undefined | false;

/** An element; attributes that are null, undefined or false are left out, numbers are rounded to 2 places. */
export function el(tag: string, attrs: Record<string, AttrValue> = {}, children: readonly (SvgNode | null | false | undefined)[] | string = []): SvgNode {
  const clean: Record<string, string> = {};
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    clean[name] = typeof value === "number" ? num(value) : value;
  }
  return { tag, attrs: clean, children: typeof children === "string" ? children : children.filter((c): c is SvgNode => Boolean(c)) };
}

/** A number as SVG text: at most 2 decimal places, no trailing zeros, never "-0". */
export function num(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite coordinate: ${n}`);
  const r = Math.round(n * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

/** Escapes text as React's server renderer does (escapeTextForBrowser), so both outputs match byte for byte. */
export function escapeText(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[c]!);
}

/** The tree as markup: every element has an end tag, as React's renderToStaticMarkup writes SVG. */
export function toSvgString(node: SvgNode): string {
  const attrs = Object.entries(node.attrs)
    .map(([k, v]) => ` ${k}="${escapeText(v)}"`)
    .join("");
  const inner = typeof node.children === "string" ? escapeText(node.children) : node.children.map(toSvgString).join("");
  return `<${node.tag}${attrs}>${inner}</${node.tag}>`;
}

/** A path through points (straight segments); `M x y L x y …`. */
export function polyline(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y], i) => `${i === 0 ? "M" : "L"}${num(x)},${num(y)}`).join("");
}

/** Every string of `d` attributes in a tree (for tests and for pdfkit, whose doc.path takes SVG path data). */
export function pathData(node: SvgNode): string[] {
  const own = node.attrs.d === undefined ? [] : [node.attrs.d];
  return typeof node.children === "string" ? own : [...own, ...node.children.flatMap(pathData)];
}
