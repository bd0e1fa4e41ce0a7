import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { normaliseHtml } from "../testing/govuk-fixtures.ts";
import { Timeline, type TimelineProps } from "./timeline.tsx";

/**
 * MOJ Frontend ships no fixtures. Each case is options from the timeline's README.md example (MOJ
 * Frontend 11.1, moj/components/timeline/) with the HTML its template.njk gives for them, written out by
 * hand; the dates are what MOJ's filters give in UK time (see moj-date.test.ts).
 */
const cases: { name: string; options: TimelineProps; html: string }[] = [
  {
    name: "README example items, text",
    options: {
      items: [
        { label: { text: "Application review in progress" }, text: "Your application is being reviewed by one of our case workers.", datetime: { timestamp: "2019-06-07T12:32:00.000Z", type: "datetime" }, byline: { text: "Caseworker 1" } },
        { label: { text: "Application received" }, text: "Your application has been received – reference MOJ-1234-5678", datetime: { timestamp: "2019-06-06T09:12:00.000Z", type: "datetime" }, byline: { text: "Caseworker 1" } },
      ],
    },
    html: `<div class="moj-timeline">
  <div class="moj-timeline__item">
    <div class="moj-timeline__header">
      <h2 class="moj-timeline__title">Application review in progress</h2>
      <p class="moj-timeline__byline">by Caseworker 1</p>
    </div>
    <p class="moj-timeline__date">
      <time datetime="2019-06-07T12:32:00.000Z">7 June 2019 at 1:32pm</time>
    </p>
    <div class="moj-timeline__description">Your application is being reviewed by one of our case workers.</div>
  </div>
  <div class="moj-timeline__item">
    <div class="moj-timeline__header">
      <h2 class="moj-timeline__title">Application received</h2>
      <p class="moj-timeline__byline">by Caseworker 1</p>
    </div>
    <p class="moj-timeline__date">
      <time datetime="2019-06-06T09:12:00.000Z">6 June 2019 at 10:12am</time>
    </p>
    <div class="moj-timeline__description">Your application has been received – reference MOJ-1234-5678</div>
  </div>
</div>`,
  },
  {
    name: "html label, byline and description; a moment format; classes, attributes and heading level",
    options: {
      headingLevel: 3,
      classes: "app-timeline",
      attributes: { "data-test": "timeline" },
      items: [
        {
          label: { html: "<strong>Documents uploaded</strong>" },
          html: '<ul class="govuk-list govuk-list--bullet"><li>letter.pdf</li></ul>',
          datetime: { timestamp: "2019-05-28T10:15:00.000Z", format: "D MMM YYYY" },
          byline: { html: '<a href="#">Joe Bloggs</a>' },
          classes: "app-timeline__item",
          attributes: { id: "event-1" },
        },
      ],
    },
    html: `<div class="moj-timeline app-timeline" data-test="timeline">
  <div class="moj-timeline__item app-timeline__item" id="event-1">
    <div class="moj-timeline__header">
      <h3 class="moj-timeline__title"><strong>Documents uploaded</strong></h3>
      <p class="moj-timeline__byline">by <a href="#">Joe Bloggs</a></p>
    </div>
    <p class="moj-timeline__date">
      <time datetime="2019-05-28T10:15:00.000Z">28 May 2019</time>
    </p>
    <div class="moj-timeline__description"><ul class="govuk-list govuk-list--bullet"><li>letter.pdf</li></ul></div>
  </div>
</div>`,
  },
  {
    name: "text that looks like HTML is escaped",
    options: { items: [{ label: { text: "<b>Sent</b>" }, text: "<i>note</i>", datetime: { timestamp: "2019-05-21T13:15:00.000Z", type: "shortdate" }, byline: { text: "<u>Joe</u>" } }] },
    html: `<div class="moj-timeline">
  <div class="moj-timeline__item">
    <div class="moj-timeline__header">
      <h2 class="moj-timeline__title">&lt;b&gt;Sent&lt;/b&gt;</h2>
      <p class="moj-timeline__byline">by &lt;u&gt;Joe&lt;/u&gt;</p>
    </div>
    <p class="moj-timeline__date">
      <time datetime="2019-05-21T13:15:00.000Z">21 May 2019</time>
    </p>
    <div class="moj-timeline__description">&lt;i&gt;note&lt;/i&gt;</div>
  </div>
</div>`,
  },
];

describe("Timeline reproduces MOJ Frontend's timeline template", () => {
  for (const c of cases) {
    it(c.name, () => expect(normaliseHtml(renderToStaticMarkup(<Timeline {...c.options} />))).toBe(normaliseHtml(c.html)));
  }

  it("takes React content for an event's description and byline", () => {
    const html = renderToStaticMarkup(<Timeline items={[{ label: { text: "Return sent" }, children: <a href="/returns/1">View return</a>, byline: { children: <strong>Ana</strong> } }]} />);
    expect(html).toContain('<p class="moj-timeline__byline">by <strong>Ana</strong></p>');
    expect(html).toContain('<div class="moj-timeline__description"><a href="/returns/1">View return</a></div>');
  });
});
