import { parseColour, type SvgNode } from "@complaints/charts";
import { winAnsi } from "./pdf-layout.ts";

/**
 * Draws a chart's SVG tree (the one the portal renders, from `@complaints/charts`) with pdfkit
 * as vector graphics, so the PDF shows the same picture as the browser. Text stays text (selectable,
 * found by search). Only what the charts use is drawn: `svg`, `g`, `path`, `rect`, `circle`,
 * `line`, `polyline`, `polygon` and `text`, with fill, stroke, stroke width, dash pattern, opacity,
 * transforms and rectangular or path clip paths (SVG 1.1 sections 7.6, 8, 10, 11, 14.3). `title`
 * and `desc` are skipped (the figure's alternative text and caption carry them) and unknown
 * elements are ignored rather than failing the pack.
 */

/** Elements drawn, and elements deliberately not drawn (the rest are unknown and ignored). */
export const drawnElements: ReadonlySet<string> = new Set(["svg", "g", "a", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text"]);
export const skippedElements: ReadonlySet<string> = new Set(["title", "desc", "defs", "clipPath", "metadata", "style"]);

/** What the drawing needs from a pdfkit document (its own methods, named here so tests can see the contract). */
type Doc = PDFKit.PDFDocument;

/** Presentation attributes that children inherit (SVG 1.1 section 6.15: fill, stroke and font properties are inherited). */
interface Inherited {
  fill: string;
  stroke: string;
  strokeWidth: number;
  dash: string;
  fillOpacity: number;
  strokeOpacity: number;
  fontSize: number;
  fontWeight: string;
  textAnchor: string;
  dominantBaseline: string;
  lineCap: string;
  lineJoin: string;
}

/** SVG's initial values: black fill, no stroke, 1 unit wide, 16 px text (SVG 1.1 appendix N). */
const initial: Inherited = {
  fill: "#000000",
  stroke: "none",
  strokeWidth: 1,
  dash: "none",
  fillOpacity: 1,
  strokeOpacity: 1,
  fontSize: 16,
  fontWeight: "normal",
  textAnchor: "start",
  dominantBaseline: "auto",
  lineCap: "butt",
  lineJoin: "miter",
};

export interface ChartFonts {
  regular: string;
  bold: string;
}

/** The viewBox of a chart's root (`0 0 640 400`) as its width and height in chart units. */
export function svgSize(root: SvgNode): { width: number; height: number } {
  const box = (root.attrs.viewBox ?? "").trim().split(/[\s,]+/).map(Number);
  const [, , width, height] = box;
  if (box.length !== 4 || !(width! > 0) || !(height! > 0)) throw new Error(`The chart has no usable viewBox ("${root.attrs.viewBox ?? ""}")`);
  return { width: width!, height: height! };
}

/**
 * Draws `root` with its viewBox's top left at (x, y) on the page, `scale` points to a chart unit.
 * Leaves the document's cursor (doc.x, doc.y), font and graphics state as they were.
 */
export function drawSvg(doc: Doc, root: SvgNode, x: number, y: number, scale: number, fonts: ChartFonts): void {
  const clips = new Map<string, SvgNode>();
  collectClipPaths(root, clips);
  const cursor = { x: doc.x, y: doc.y };
  doc.save();
  doc.translate(x, y);
  doc.scale(scale);
  const box = (root.attrs.viewBox ?? "0 0 0 0").trim().split(/[\s,]+/).map(Number);
  if (box[0] || box[1]) doc.translate(-(box[0] ?? 0), -(box[1] ?? 0));
  drawChildren(doc, root, inherit(initial, root.attrs), clips, fonts);
  doc.restore();
  doc.x = cursor.x;
  doc.y = cursor.y;
}

function collectClipPaths(node: SvgNode, clips: Map<string, SvgNode>): void {
  if (node.tag === "clipPath" && node.attrs.id) clips.set(node.attrs.id, node);
  if (typeof node.children !== "string") for (const child of node.children) collectClipPaths(child, clips);
}

function inherit(parent: Inherited, attrs: Readonly<Record<string, string>>): Inherited {
  const style = { ...parent };
  const a = attrs;
  if (a.fill !== undefined) style.fill = a.fill;
  if (a.stroke !== undefined) style.stroke = a.stroke;
  if (a["stroke-width"] !== undefined) style.strokeWidth = Number.parseFloat(a["stroke-width"]);
  if (a["stroke-dasharray"] !== undefined) style.dash = a["stroke-dasharray"];
  if (a["stroke-linecap"] !== undefined) style.lineCap = a["stroke-linecap"];
  if (a["stroke-linejoin"] !== undefined) style.lineJoin = a["stroke-linejoin"];
  if (a["fill-opacity"] !== undefined) style.fillOpacity = Number.parseFloat(a["fill-opacity"]);
  if (a["stroke-opacity"] !== undefined) style.strokeOpacity = Number.parseFloat(a["stroke-opacity"]);
  if (a["font-size"] !== undefined) style.fontSize = Number.parseFloat(a["font-size"]);
  if (a["font-weight"] !== undefined) style.fontWeight = a["font-weight"];
  if (a["text-anchor"] !== undefined) style.textAnchor = a["text-anchor"];
  if (a["dominant-baseline"] !== undefined) style.dominantBaseline = a["dominant-baseline"];
  // `opacity` is not inherited in SVG but multiplies down the tree: folding it into both
  // opacities gives the same picture for the charts' shapes, which never overlap within a group.
  if (a.opacity !== undefined) {
    const o = Number.parseFloat(a.opacity);
    style.fillOpacity *= o;
    style.strokeOpacity *= o;
  }
  return style;
}

function drawChildren(doc: Doc, node: SvgNode, style: Inherited, clips: Map<string, SvgNode>, fonts: ChartFonts): void {
  if (typeof node.children === "string") return;
  for (const child of node.children) drawNode(doc, child, style, clips, fonts);
}

function drawNode(doc: Doc, node: SvgNode, parent: Inherited, clips: Map<string, SvgNode>, fonts: ChartFonts): void {
  const a = node.attrs;
  if (a.display === "none" || a.visibility === "hidden") return;
  switch (node.tag) {
    case "svg":
    case "g":
    case "a": {
      const style = inherit(parent, a);
      doc.save();
      applyTransform(doc, a.transform);
      applyClip(doc, a["clip-path"], clips);
      drawChildren(doc, node, style, clips, fonts);
      doc.restore();
      return;
    }
    case "path":
      if (a.d) paint(doc, node, parent, clips, () => doc.path(a.d!));
      return;
    case "rect": {
      const [x, y, w, h] = [num(a.x), num(a.y), num(a.width), num(a.height)];
      if (w > 0 && h > 0) paint(doc, node, parent, clips, () => doc.rect(x, y, w, h));
      return;
    }
    case "circle": {
      const r = num(a.r);
      if (r > 0) paint(doc, node, parent, clips, () => doc.circle(num(a.cx), num(a.cy), r));
      return;
    }
    case "ellipse": {
      const [rx, ry] = [num(a.rx), num(a.ry)];
      if (rx > 0 && ry > 0) paint(doc, node, parent, clips, () => doc.ellipse(num(a.cx), num(a.cy), rx, ry));
      return;
    }
    case "line":
      paint(doc, node, parent, clips, () => doc.moveTo(num(a.x1), num(a.y1)).lineTo(num(a.x2), num(a.y2)));
      return;
    case "polyline":
    case "polygon": {
      const points = pointList(a.points);
      if (points.length < 2) return;
      paint(doc, node, parent, clips, () => {
        doc.moveTo(...points[0]!);
        for (const p of points.slice(1)) doc.lineTo(...p);
        if (node.tag === "polygon") doc.closePath();
      });
      return;
    }
    case "text":
      drawText(doc, node, inherit(parent, a), clips, fonts);
      return;
    default:
      // title, desc, defs, clipPath (drawn only through clip-path), metadata and anything unknown.
      return;
  }
}

/** Fills and strokes one shape with its own and inherited attributes. */
function paint(doc: Doc, node: SvgNode, parent: Inherited, clips: Map<string, SvgNode>, outline: () => void): void {
  const style = inherit(parent, node.attrs);
  const fill = colour(style.fill);
  const stroke = style.strokeWidth > 0 ? colour(style.stroke) : null;
  if (!fill && !stroke) return;
  doc.save();
  applyTransform(doc, node.attrs.transform);
  applyClip(doc, node.attrs["clip-path"], clips);
  if (fill) doc.fillColor(fill, clampOpacity(style.fillOpacity));
  if (stroke) {
    doc.strokeColor(stroke, clampOpacity(style.strokeOpacity));
    doc.lineWidth(style.strokeWidth);
    const dash = dashArray(style.dash);
    // pdfkit's dash() takes an array of lengths (pdfkit vector.js); @types/pdfkit 0.17 only knows one length.
    if (dash) doc.dash(dash as unknown as number, {});
    if (style.lineCap === "round" || style.lineCap === "square") doc.lineCap(style.lineCap);
    if (style.lineJoin === "round" || style.lineJoin === "bevel") doc.lineJoin(style.lineJoin);
  }
  outline();
  if (fill && stroke) doc.fillAndStroke();
  else if (fill) doc.fill();
  else doc.stroke();
  doc.restore();
}

/** Text as real text in the standard font, anchored and aligned to its baseline as SVG does. */
function drawText(doc: Doc, node: SvgNode, style: Inherited, clips: Map<string, SvgNode>, fonts: ChartFonts): void {
  const text = winAnsi(textContent(node).replace(/\s+/g, " ").trim());
  const fill = colour(style.fill);
  if (!text || !fill) return;
  const bold = style.fontWeight === "bold" || Number.parseInt(style.fontWeight, 10) >= 600;
  doc.save();
  applyTransform(doc, node.attrs.transform);
  applyClip(doc, node.attrs["clip-path"], clips);
  doc.font(bold ? fonts.bold : fonts.regular).fontSize(style.fontSize);
  doc.fillColor(fill, clampOpacity(style.fillOpacity));
  const width = doc.widthOfString(text);
  const anchorShift = style.textAnchor === "middle" ? width / 2 : style.textAnchor === "end" ? width : 0;
  const x = firstNumber(node.attrs.x) + length(node.attrs.dx, style.fontSize);
  const y = firstNumber(node.attrs.y) + length(node.attrs.dy, style.fontSize);
  doc.text(text, x - anchorShift, y, { lineBreak: false, baseline: baseline(style.dominantBaseline) });
  doc.restore();
}

/** pdfkit's names for SVG's dominant-baseline values (pdfkit's `_fragment` has the SVG ones). */
function baseline(value: string): "alphabetic" | "svg-central" | "svg-middle" | "hanging" | "top" | "bottom" | "mathematical" {
  switch (value) {
    case "central":
      return "svg-central";
    case "middle":
      return "svg-middle";
    case "hanging":
      return "hanging";
    case "text-before-edge":
    case "text-top":
      return "top";
    case "text-after-edge":
    case "text-bottom":
    case "ideographic":
      return "bottom";
    case "mathematical":
      return "mathematical";
    default:
      return "alphabetic";
  }
}

function textContent(node: SvgNode): string {
  if (typeof node.children === "string") return node.children;
  return node.children
    .filter((c) => c.tag === "tspan" || c.tag === "textPath")
    .map(textContent)
    .join("");
}

/** Applies an SVG transform list (SVG 1.1 section 7.6) in order, as nested coordinate systems. */
function applyTransform(doc: Doc, transform: string | undefined): void {
  if (!transform) return;
  for (const match of transform.matchAll(/(matrix|translate|scale|rotate|skewX|skewY)\s*\(([^)]*)\)/g)) {
    const args = (match[2] ?? "")
      .trim()
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    const [p = 0, q, r, s, t, u] = args;
    switch (match[1]) {
      case "matrix":
        if (args.length === 6) doc.transform(p, q!, r!, s!, t!, u!);
        break;
      case "translate":
        doc.translate(p, q ?? 0);
        break;
      case "scale":
        doc.scale(p, q ?? p);
        break;
      case "rotate":
        // pdfkit's page space is y-down like SVG's, and its rotate uses the same matrix (cos, sin, −sin, cos).
        if (q !== undefined && r !== undefined) doc.rotate(p, { origin: [q, r] });
        else doc.rotate(p);
        break;
      case "skewX":
        doc.transform(1, 0, Math.tan((p * Math.PI) / 180), 1, 0, 0);
        break;
      case "skewY":
        doc.transform(1, Math.tan((p * Math.PI) / 180), 0, 1, 0, 0);
        break;
    }
  }
}

/** `clip-path="url(#id)"`: intersects the clip with the clipPath's shapes (rects and paths, in user space). */
function applyClip(doc: Doc, ref: string | undefined, clips: Map<string, SvgNode>): void {
  if (!ref) return;
  const id = /^url\(\s*#([^)\s]+)\s*\)$/.exec(ref.trim())?.[1];
  const clip = id ? clips.get(id) : undefined;
  if (!clip || typeof clip.children === "string") return;
  let shapes = 0;
  for (const shape of clip.children) {
    const a = shape.attrs;
    if (shape.tag === "rect") doc.rect(num(a.x), num(a.y), num(a.width), num(a.height));
    else if (shape.tag === "path" && a.d) doc.path(a.d);
    else if (shape.tag === "circle") doc.circle(num(a.cx), num(a.cy), num(a.r));
    else continue;
    shapes++;
  }
  if (shapes > 0) doc.clip();
}

/** A colour pdfkit understands, or null for none (`#rgb`, `#rrggbb`, `rgb()` from d3-interpolate, or a few names). */
function colour(value: string): string | [number, number, number] | null {
  const v = value.trim();
  if (v === "none" || v === "transparent" || v === "") return null;
  if (v.startsWith("#")) return v;
  if (v.startsWith("rgb(")) return parseColour(v);
  if (v === "currentColor") return "#0b0c0c";
  return /^[a-z]+$/i.test(v) ? v.toLowerCase() : null;
}

function dashArray(value: string): number[] | null {
  if (value === "none") return null;
  const parts = value
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  if (parts.length === 0 || !parts.every((n) => Number.isFinite(n) && n > 0)) return null;
  // SVG repeats an odd-length list to make it even (SVG 1.1 section 11.4).
  return parts.length % 2 === 1 ? [...parts, ...parts] : parts;
}

function pointList(value: string | undefined): [number, number][] {
  const n = (value ?? "").trim().split(/[\s,]+/).filter(Boolean).map(Number);
  const points: [number, number][] = [];
  for (let i = 0; i + 1 < n.length; i += 2) points.push([n[i]!, n[i + 1]!]);
  return points;
}

function clampOpacity(o: number): number {
  return Number.isFinite(o) ? Math.max(0, Math.min(1, o)) : 1;
}

function num(value: string | undefined): number {
  const n = Number.parseFloat(value ?? "0");
  return Number.isFinite(n) ? n : 0;
}

function firstNumber(value: string | undefined): number {
  return num(value?.trim().split(/[\s,]+/)[0]);
}

/** A length in user units; `em` is relative to the font size. */
function length(value: string | undefined, fontSize: number): number {
  if (!value) return 0;
  const n = Number.parseFloat(value);
  if (!Number.isFinite(n)) return 0;
  return value.trim().endsWith("em") ? n * fontSize : n;
}
