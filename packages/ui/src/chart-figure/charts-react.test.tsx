import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { renderAssuranceIconSvg, renderFunnelSvg, renderHeatmapSvg, renderVariationIconSvg, renderXmrSvg, toSvgString, xmrChartModel } from "@complaints/charts";
import { funnelExample, heatmapExample, xmrExample, xmrTrialExample } from "@complaints/charts/testing";
import { FunnelChart } from "../funnel-chart/funnel-chart.tsx";
import { AssuranceIcon, VariationIcon } from "../mdc-icon/mdc-icon.tsx";
import { ThemeHeatmap } from "../theme-heatmap/theme-heatmap.tsx";
import { XmrChart } from "../xmr-chart/xmr-chart.tsx";
import { SvgNodeView } from "./svg-node-view.tsx";

/** The first <svg>…</svg> of a chart figure (icons come before the chart only in XmrChart, so pick by role). */
function chartSvg(html: string): string {
  const start = html.indexOf('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640');
  expect(start).toBeGreaterThanOrEqual(0);
  const end = html.indexOf("</svg>", start);
  return html.slice(start, end + "</svg>".length);
}

describe("React charts draw the same SVG as the string renderer", () => {
  it("SvgNodeView writes a tree exactly as toSvgString does (attribute names, escaping)", () => {
    const tree = xmrChartModel({ ...xmrExample, title: `Quotes "and" <angles> & 'apostrophes'` }, { idPrefix: "x" }).tree;
    expect(renderToStaticMarkup(<SvgNodeView node={tree} />)).toBe(toSvgString(tree));
  });

  it("XmrChart", () => {
    const html = renderToStaticMarkup(<XmrChart {...xmrExample} idPrefix="x1" />);
    expect(chartSvg(html)).toBe(renderXmrSvg(xmrExample, { width: 640, idPrefix: "x1" }));
  });

  it("FunnelChart", () => {
    const html = renderToStaticMarkup(<FunnelChart {...funnelExample} idPrefix="f1" />);
    expect(chartSvg(html)).toBe(renderFunnelSvg(funnelExample, { width: 640, idPrefix: "f1" }));
  });

  it("ThemeHeatmap", () => {
    const html = renderToStaticMarkup(<ThemeHeatmap {...heatmapExample} idPrefix="h1" />);
    const start = html.indexOf("<svg");
    expect(html.slice(start, html.indexOf("</svg>", start) + 6)).toBe(renderHeatmapSvg(heatmapExample, { width: 640, idPrefix: "h1" }));
  });

  it("VariationIcon and AssuranceIcon", () => {
    expect(renderToStaticMarkup(<VariationIcon variation="improvement" side="low" />)).toContain(renderVariationIconSvg("improvement", "low"));
    expect(renderToStaticMarkup(<AssuranceIcon assurance="fail" />)).toContain(renderAssuranceIconSvg("fail"));
  });
});

describe("chart figures", () => {
  it("XmrChart: figure with a visible title, the summary, MDC icons with words, and the data table in Details", () => {
    const html = renderToStaticMarkup(<XmrChart {...xmrExample} headingLevel={3} idPrefix="x2" />);
    expect(html).toMatch(/^<figure class="app-chart [^"]*app-chart--xmr"><figcaption><h3 class="govuk-heading-s govuk-!-margin-bottom-2">Closed within timescale<\/h3><\/figcaption>/);
    expect(html).toContain('<p class="govuk-body app-chart__summary">12 quarters with values');
    expect(html).toContain("Special cause variation: improving (higher values)</span>");
    // Many charts on a page: each "Show the data as a table" names its chart to a screen reader.
    expect(html).toContain('<span class="govuk-details__summary-text">Show the data as a table<span class="govuk-visually-hidden">: Closed within timescale</span></span>');
    expect(html).toContain('<caption class="govuk-table__caption govuk-table__caption--s">Closed within timescale: values by quarter</caption>');
    expect(html).toContain('<th scope="row" class="govuk-table__header">Jul to Sep 2026</th><td class="govuk-table__cell govuk-table__cell--numeric">88.0%</td><td class="govuk-table__cell">improving: above the upper process limit</td>');
    expect(html).toContain("65.9% to 82.2%");
  });

  it("XmrChart with trial limits says so, with the table shown openly when asked", () => {
    const html = renderToStaticMarkup(<XmrChart {...xmrTrialExample} tableVisible />);
    expect(html).toContain("These are trial limits");
    expect(html).toContain("Process limits (trial)");
    expect(html).not.toContain("govuk-details");
    expect(html).toContain("<td class=\"govuk-table__cell govuk-table__cell--numeric\">no data</td>");
  });

  it("FunnelChart: table lists outliers first, with their position in words, names rendered by the caller", () => {
    const html = renderToStaticMarkup(<FunnelChart {...funnelExample} renderName={(p) => <a href={`/bodies/${p.organisationCode}`}>{p.name}</a>} />);
    const rows = [...html.matchAll(/<th scope="row" class="govuk-table__header"><a href="\/bodies\/(A\d)">/g)].map((m) => m[1]);
    expect(rows).toEqual(["A3", "A2", "A4", "A5", "A1", "A6"]);
    expect(html).toContain("below the 99.8% limit</td>");
    expect(html).toContain("1 body is above the 99.8% limit: Agency Three (84.0% of 2,000).");
  });

  it("ThemeHeatmap: scrolls in a focusable labelled region; the table marks emerging cells in words", () => {
    const html = renderToStaticMarkup(<ThemeHeatmap {...heatmapExample} width={320} />);
    expect(html).toContain('role="region" aria-label="Themes per 100 complaints received (scrolls sideways)" tabindex="0"');
    expect(html).toContain(">42.5 (emerging)</td>");
    expect(html).toContain('<th scope="col" class="govuk-table__header">Body</th>');
  });

  it("ThemeHeatmap of themes by quarters: its table's first column is headed Theme, not Body", () => {
    const html = renderToStaticMarkup(<ThemeHeatmap {...heatmapExample} orientation="themes-by-quarters" />);
    expect(html).toContain('<th scope="col" class="govuk-table__header">Theme</th>');
    expect(html).not.toContain(">Body</th>");
  });

  it("icons keep their words visible beside an aria-hidden picture", () => {
    const html = renderToStaticMarkup(<AssuranceIcon assurance="hit-and-miss" />);
    expect(html).toContain('aria-hidden="true"');
    expect(html).toContain('<span class="govuk-body-s govuk-!-margin-0">Assurance: hit and miss, the target may or may not be met</span>');
  });
});
