import { funnelChartModel, heatmapModel, type SvgNode, xmrChartModel } from "@complaints/charts";
import { describe, expect, it } from "vitest";
import { samplePack } from "../testing/index.ts";
import { drawnElements, skippedElements, svgSize } from "./pdf-svg.ts";

function tags(node: SvgNode, into = new Set<string>()): Set<string> {
  into.add(node.tag);
  if (typeof node.children !== "string") for (const child of node.children) tags(child, into);
  return into;
}

describe("drawing the portal's charts in the PDF", () => {
  const trees = samplePack().narrative.flatMap((b) => {
    if (b.kind !== "figure") return [];
    const c = b.chart;
    return [c.kind === "xmr" ? xmrChartModel(c.data).tree : c.kind === "funnel" ? funnelChartModel(c.data).tree : heatmapModel(c.data).tree];
  });

  it("knows every element the three chart kinds use (a new one must be drawn or skipped on purpose)", () => {
    expect(trees).toHaveLength(3);
    const used = new Set(trees.flatMap((t) => [...tags(t)]));
    for (const tag of used) expect(drawnElements.has(tag) || skippedElements.has(tag), `<${tag}>`).toBe(true);
    for (const tag of ["path", "rect", "text", "g", "clipPath"]) expect(used).toContain(tag);
  });

  it("reads each chart's size from its viewBox", () => {
    for (const tree of trees) {
      const { width, height } = svgSize(tree);
      expect(width).toBeGreaterThan(0);
      expect(height).toBeGreaterThan(0);
    }
    expect(() => svgSize({ tag: "svg", attrs: {}, children: [] })).toThrow(/viewBox/);
  });
});
