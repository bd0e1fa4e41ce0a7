import { describe, expect, it } from "vitest";
import { contrastRatio, colours, funnelChartModel, funnelSummary, heatmapModel, pathData, renderAssuranceIconSvg, renderFunnelSvg, renderHeatmapSvg, renderVariationIconSvg, renderXmrSvg, toSvgString, variationSide, xmrChartModel, xmrSummary, el } from "./index.ts";
import { decimalFormat, funnelExample, heatmapExample, percentFormat, xmrExample, xmrTrialExample } from "./testing/examples.ts";
import { fontSize, textWidth } from "./style.ts";

const finitePath = /^(?:[MLCZHVQAmlczhvqa]|-?\d+(?:\.\d+)?|[ ,])*$/;

function expectFinitePaths(svg: ReturnType<typeof el>) {
  const paths = pathData(svg);
  expect(paths.length).toBeGreaterThan(0);
  for (const d of paths) {
    expect(d, d).toMatch(finitePath);
    expect(d).not.toMatch(/NaN|Infinity|undefined/);
  }
}

describe("XmR chart geometry", () => {
  const model = xmrChartModel(xmrExample, { width: 640, idPrefix: "t" });

  it("marks special-cause points by shape, common cause as circles", () => {
    expect(model.points.filter((p) => p.shape !== "circle").map((p) => p.period)).toEqual(["2026-27 Q1", "2026-27 Q2"]);
    expect(model.points.filter((p) => p.shape === "circle")).toHaveLength(10);
    expect(model.points.at(-1)!.label).toBe("improving: above the upper process limit");
  });

  it("draws the mean and limits at their values, higher values higher up", () => {
    const yOf = (d: string | null) => Number(/^M[\d.]+,([\d.]+)L/.exec(d ?? "")?.[1]);
    expect(yOf(model.upperLimitPath)).toBeLessThan(yOf(model.meanPath));
    expect(yOf(model.meanPath)).toBeLessThan(yOf(model.lowerLimitPath));
    const above = model.points.at(-1)!;
    expect(above.y).toBeLessThan(yOf(model.upperLimitPath));
  });

  it("has finite path data, an accessible root, and no trial note with 12 points", () => {
    expectFinitePaths(model.tree);
    const svg = toSvgString(model.tree);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 640 \d+" width="100%" role="img" aria-labelledby="t-title t-desc"/);
    expect(svg).toContain('<title id="t-title">Closed within timescale</title>');
    expect(model.trialNote).toBeNull();
    expect(svg).not.toContain("trial");
  });

  it("says so in words when limits are trial limits, and leaves a gap for a missing quarter", () => {
    const trial = xmrChartModel(xmrTrialExample, { width: 320 });
    expect(trial.trialNote).toMatch(/^These are trial limits/);
    expect(renderXmrSvg(xmrTrialExample, { width: 320 })).toContain("These are trial limits");
    // Two separate runs of the line: M…L…M…
    expect(trial.linePath.match(/M/g)).toHaveLength(2);
    expect(trial.points).toHaveLength(5);
    expectFinitePaths(trial.tree);
  });

  it("summarises in plain English", () => {
    expect(xmrSummary(xmrExample)).toBe(
      "12 quarters with values, from Oct to Dec 2023 to Jul to Sep 2026. The latest, Jul to Sep 2026, is 88.0%. The mean is 74.1% and the process limits are 65.9% to 82.2%. 2 quarters show special cause variation: Apr to Jun 2026 (improving: above the upper process limit) and Jul to Sep 2026 (improving: above the upper process limit). Special cause variation: improving (higher values).",
    );
    expect(xmrSummary(xmrTrialExample)).toContain("These are trial limits");
    expect(xmrSummary({ ...xmrExample, points: [], chart: null })).toBe("Closed within timescale: no values to show.");
    // A proportion's limits stop at 0% and 100%: a limit beyond cannot be crossed, and the line is not drawn.
    const wide = { ...xmrExample, chart: { ...xmrExample.chart!, upperLimit: 1.08, lowerLimit: 0.4 } };
    expect(xmrSummary(wide)).toContain("the process limits are 40.0% to 100.0%.");
    expect(xmrChartModel(wide).upperLimitPath).toBeNull();
    expect(xmrSummary({ ...xmrTrialExample, chart: { ...xmrTrialExample.chart!, lowerLimit: -0.7 } })).toContain("process limits are 0.0 to 5.0");
  });

  it("fits 320 units wide with quarter labels that do not collide", () => {
    const narrow = xmrChartModel(xmrExample, { width: 320 });
    expect(narrow.width).toBe(320);
    const ats = narrow.xTicks.map((t) => t.at);
    for (let i = 1; i < ats.length; i++) expect(ats[i]! - ats[i - 1]!).toBeGreaterThanOrEqual(28);
    for (const p of narrow.points) expect(p.x).toBeLessThanOrEqual(320);
  });
});

describe("funnel plot geometry", () => {
  const model = funnelChartModel(funnelExample, { width: 640, idPrefix: "f" });

  it("marks bodies outside the limits by shape: triangles pointing the way they lie", () => {
    const shape = (code: string) => model.points.find((p) => p.organisationCode === code)!.shape;
    expect(shape("A1")).toBe("circle");
    expect(shape("A2")).toBe("triangle-up");
    expect(shape("A3")).toBe("triangle-up");
    expect(shape("A4")).toBe("triangle-down");
    expect(shape("A5")).toBe("triangle-down");
    expect(renderFunnelSvg(funnelExample)).toContain('data-organisation="A4" data-shape="triangle-down" data-status="below-998"');
  });

  it("draws four finite limit curves with different dash patterns, inside a clip path", () => {
    expectFinitePaths(model.tree);
    for (const d of Object.values(model.limitPaths)) expect(d.split("L").length).toBeGreaterThan(50);
    const svg = toSvgString(model.tree);
    expect(svg.match(/class="app-chart__limit-95"[^>]*stroke-dasharray="8 5"/g)).toHaveLength(2);
    expect(svg.match(/class="app-chart__limit-998"[^>]*stroke-dasharray="2 4"/g)).toHaveLength(2);
    expect(svg).toContain('clip-path="url(#f-clip)"');
    expect(svg).toContain(">95% limits</text>");
    expect(svg).toContain(">99.8% limits</text>");
  });

  it("puts a body below the lower curve at its size when it is below the limits", () => {
    // Lower 99.8% limit at n = 100 on the curve is under A1 (on the average) and above A4.
    const a1 = model.points.find((p) => p.organisationCode === "A1")!;
    const a4 = model.points.find((p) => p.organisationCode === "A4")!;
    expect(a4.y).toBeGreaterThan(a1.y);
  });

  it("summarises who is outside which limit", () => {
    expect(funnelSummary(funnelExample)).toBe(
      "6 bodies are plotted. The department average is 80.0%. 1 body is above the 99.8% limit: Agency Three (84.0% of 2,000). 1 body is above the 95% limit but within the 99.8% limit: Agency Two (85.0% of 200). 1 body is below the 95% limit but within the 99.8% limit: Agency Five (76.0% of 500). 1 body is below the 99.8% limit: Agency Four (30.0% of 100). 2 bodies are within the 95% limits.",
    );
    expect(funnelSummary({ ...funnelExample, overdispersion: { phi: 2.345, tau2: 0.01 } })).toContain("widened for over-dispersion (the bodies vary 2.3 times as much as chance alone would give)");
  });

  it("draws on a logarithmic size axis too", () => {
    const log = funnelChartModel(funnelExample, { width: 320, xScale: "log" });
    expectFinitePaths(log.tree);
    const xs = log.points.map((p) => p.x);
    for (const x of xs) expect(x).toBeGreaterThanOrEqual(log.plot.left);
    for (const x of xs) expect(x).toBeLessThanOrEqual(log.plot.right);
  });
});

describe("heat map geometry", () => {
  const model = heatmapModel(heatmapExample, { width: 640, idPrefix: "h" });
  it("prints every cell's number, marks emerging cells with a triangle and a border", () => {
    expect(model.cells.map((c) => c.text)).toEqual(["42.5", "12.5", "0.0", "–", "20.0", "31.2", "5.5", "2.0"]);
    const svg = toSvgString(model.tree);
    expect(svg.match(/data-emerging="true"/g)).toHaveLength(1);
    expect(model.cells.filter((c) => c.emerging).map((c) => [c.row, c.column])).toEqual([["A1", "theme_delay"]]);
  });
  it("chooses text colour with at least 4.5:1 contrast on every shade", () => {
    for (const c of model.cells) expect(contrastRatio(c.fill, c.textColour)).toBeGreaterThanOrEqual(4.5);
  });
  it("shades a part of a heat map on the whole map's scale when given its largest value", () => {
    const part = { ...heatmapExample, rows: heatmapExample.rows.slice(1) };
    const fill = (m: typeof model, column: string) => m.cells.find((c) => c.row === "A2" && c.column === column)!.fill;
    const shared = heatmapModel(part, { maxValue: 42.5 });
    for (const column of ["theme_delay", "theme_communication", "theme_staff_conduct"]) expect(fill(shared, column)).toBe(fill(model, column));
    // On its own scale the part's largest value, 31.2, would take the darkest shade.
    expect(fill(heatmapModel(part), "theme_communication")).toBe(colours.heatHigh);
    expect(fill(shared, "theme_communication")).not.toBe(colours.heatHigh);
    expect(toSvgString(shared.tree)).toContain("Lighter to darker: 0 to 42.5");
  });
  it("grows wider than a narrow screen rather than shrinking cells below 52 units", () => {
    const narrow = heatmapModel(heatmapExample, { width: 320 });
    expect(narrow.cellWidth).toBeGreaterThanOrEqual(52);
    expectFinitePaths(narrow.tree);
    expect(renderHeatmapSvg(heatmapExample)).toContain("Driver and Vehicle");
  });
  it("summarises the highest rates and the emerging themes", () => {
    expect(model.summary).toBe(
      "2 rows of bodies by 4 themes, each cell a rate per 100 complaints received. Highest: Delay at Agency One, 42.5, Communication at Driver and Vehicle Standards Agency of Somewhere Long, 31.2 and Delay at Driver and Vehicle Standards Agency of Somewhere Long, 20.0. 1 emerging theme is marked with a triangle: Delay at Agency One.",
    );
  });
});

describe("heat map of themes by quarters", () => {
  const quarters = ["Oct to Dec 2025", "Jan to Mar 2026", "Apr to Jun 2026", "Jul to Sep 2026"];
  const data = {
    title: "Agency One: themes by quarter",
    orientation: "themes-by-quarters" as const,
    format: decimalFormat,
    columns: quarters.map((q) => ({ id: q, label: q })),
    rows: [
      { id: "theme_delay", label: "Delay", cells: [{ value: 30 }, { value: 31 }, { value: 33 }, { value: 40, emerging: true }] },
      { id: "theme_communication", label: "Communication", cells: [{ value: 20 }, { value: 22 }, { value: 21 }, { value: 24 }] },
    ],
  };
  it("names each cell theme first, then its quarter: 'Delay in Jul to Sep 2026', not 'Jul to Sep 2026 at Delay'", () => {
    expect(heatmapModel(data).summary).toBe(
      "2 themes by 4 quarters, each cell a rate per 100 complaints received. Highest: Delay in Jul to Sep 2026, 40.0, Delay in Apr to Jun 2026, 33.0 and Delay in Jan to Mar 2026, 31.0. 1 emerging theme is marked with a triangle: Delay in Jul to Sep 2026.",
    );
  });
  it("leaves room for a theme's name on a 320 px screen rather than cutting it to a word", () => {
    const svg = toSvgString(heatmapModel(data, { width: 290 }).tree);
    expect(svg).toContain(">Communication</text>");
  });
  it("keeps every turned column label, the last one too, inside the width it was given when the cells can narrow", () => {
    for (const width of [640, 960]) {
      const model = heatmapModel(data, { width });
      expect(model.width).toBe(width);
      const svg = toSvgString(model.tree);
      const columns = svg.slice(svg.indexOf('class="app-chart__columns"'), svg.indexOf('class="app-chart__rows"'));
      const xs = [...columns.matchAll(/<text x="([\d.]+)"/g)].map((m) => Number(m[1]));
      expect(xs).toHaveLength(4);
      // A label turned 45° reaches right by its length × cos 45°.
      const reach = textWidth("Jul to Sep 2026", fontSize.label) * Math.SQRT1_2;
      expect(xs.at(-1)! + reach).toBeLessThanOrEqual(width);
    }
  });
});

describe("Making Data Count icons", () => {
  it("are decorative SVGs; their words come separately", () => {
    const svg = renderVariationIconSvg("concern", "high");
    expect(svg).toContain('aria-hidden="true"');
    expect(svg).toContain(">H</text>");
    expect(renderVariationIconSvg("common-cause")).not.toMatch(/>[HL]<\/text>/);
    expect(renderAssuranceIconSvg("pass")).toContain(">P</text>");
    expect(renderAssuranceIconSvg("hit-and-miss")).toContain(">?</text>");
  });
  it("puts H or L on the side of the special cause", () => {
    expect(variationSide("improvement", "decrease", 3, 5)).toBe("low");
    expect(variationSide("concern", "decrease", 9, 5)).toBe("high");
    expect(variationSide("neither", "neither", 9, 5)).toBe("high");
    expect(variationSide("common-cause", "increase", 9, 5)).toBeNull();
  });
  it("uses colours with at least 3:1 contrast on white for everything that carries meaning", () => {
    for (const c of [colours.commonCause, colours.improvement, colours.concern, colours.neither, colours.outside95, colours.outside998, colours.inside, colours.limit]) {
      expect(contrastRatio(c, "#ffffff"), c).toBeGreaterThanOrEqual(3);
    }
  });
});

describe("charts with nothing to show", () => {
  it("draw an empty frame and say so in words, without throwing", () => {
    const funnel = funnelChartModel({ title: "Closed within timescale", pooledProportion: null, points: [], curve: [], format: percentFormat, formatRatio: decimalFormat });
    expect(funnel.summary).toBe("Closed within timescale: no bodies to plot.");
    expect(toSvgString(funnel.tree)).not.toMatch(/NaN|Infinity/);
    const xmr = xmrChartModel({ title: "Delay", kind: "count", format: decimalFormat, points: [{ period: "2026-27 Q1", periodLabel: "Apr to Jun 2026", value: null, specialCause: null, variation: "common-cause" }], chart: null });
    expect(xmr.linePath).toBe("");
    expect(xmr.summary).toBe("Delay: no values to show.");
    expect(toSvgString(xmr.tree)).not.toMatch(/NaN|Infinity/);
    const heat = heatmapModel({ title: "Themes", columns: [], rows: [], format: decimalFormat });
    expect(heat.summary).toBe("Themes: no figures to show.");
  });
});
