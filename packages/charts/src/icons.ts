import type { Assurance, Variation } from "@complaints/stats";
import { assuranceWords, variationWords, type VariationSide } from "./mdc.ts";
import { colours, fontFamily } from "./style.ts";
import { el, polyline, type SvgNode } from "./svg.ts";

/**
 * Making Data Count's variation and assurance icons (NHS England, "Making data count:
 * strengthening your decisions", 2019): a ring in the variation's colour with a small run of
 * points, H or L for the side of a special cause; assurance P (passes), F (fails) or ? (hit and
 * miss). They are decoration beside their words: the SVG is aria-hidden and the words are always
 * printed next to it.
 */
export interface IconModel {
  readonly words: string;
  readonly tree: SvgNode;
}

const size = 40;

function ring(colour: string, children: readonly (SvgNode | null)[], label: string): SvgNode {
  return el(
    "svg",
    { xmlns: "http://www.w3.org/2000/svg", viewBox: `0 0 ${size} ${size}`, width: size, height: size, "aria-hidden": "true", focusable: "false", class: "app-mdc-icon__svg", "data-icon": label, "font-family": fontFamily },
    [el("circle", { cx: 20, cy: 20, r: 18, fill: "#ffffff", stroke: colour, "stroke-width": 3 }), ...children],
  );
}

function dots(points: readonly (readonly [number, number])[], colour: string, highlightFrom: number, highlight: string): SvgNode[] {
  return [
    el("path", { d: polyline(points), stroke: colours.secondaryText, "stroke-width": 1, fill: "none" }),
    ...points.map(([x, y], i) => el("circle", { cx: x, cy: y, r: 2.2, fill: i >= highlightFrom ? highlight : colour })),
  ];
}

/** The variation icon and its words; `side` puts H or L on a special cause. */
export function variationIcon(variation: Variation, side: VariationSide | null = null): IconModel {
  const colour = variation === "common-cause" ? colours.commonCause : variation === "improvement" ? colours.improvement : variation === "concern" ? colours.concern : colours.neither;
  const flat: [number, number][] = [
    [9, 22],
    [14, 19],
    [19, 23],
    [24, 20],
    [29, 22],
  ];
  const rising: [number, number][] = side === "low"
    ? [
        [9, 17],
        [14, 19],
        [19, 18],
        [24, 24],
        [29, 27],
      ]
    : [
        [9, 24],
        [14, 22],
        [19, 23],
        [24, 17],
        [29, 14],
      ];
  const letter = variation === "common-cause" || !side ? null : el("text", { x: 20, y: side === "high" ? 12 : 34, "text-anchor": "middle", "dominant-baseline": "central", "font-size": 10, "font-weight": "bold", fill: colour }, side === "high" ? "H" : "L");
  const series = variation === "common-cause" ? dots(flat, colours.commonCause, 99, colour) : dots(rising, colours.commonCause, 3, colour);
  return { words: variationWords(variation, side), tree: ring(colour, [...series, letter], `variation-${variation}${side ? `-${side}` : ""}`) };
}

/** The assurance icon and its words. */
export function assuranceIcon(assurance: Assurance): IconModel {
  const colour = assurance === "pass" ? colours.improvement : assurance === "fail" ? colours.concern : colours.commonCause;
  const letter = assurance === "pass" ? "P" : assurance === "fail" ? "F" : "?";
  return {
    words: assuranceWords(assurance),
    tree: ring(
      colour,
      [
        el("path", { d: "M8,29L32,29", stroke: colours.text, "stroke-width": 1.5, "stroke-dasharray": "3 2" }),
        el("text", { x: 20, y: 18, "text-anchor": "middle", "dominant-baseline": "central", "font-size": 16, "font-weight": "bold", fill: colour }, letter),
      ],
      `assurance-${assurance}`,
    ),
  };
}
