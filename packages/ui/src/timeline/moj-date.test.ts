import { describe, expect, it } from "vitest";
import { formatDate, mojDate } from "./moj-date.ts";

/**
 * Reference values from MOJ Frontend 11.1's own filters (moj/filters/all.js, moment 2.31), run with
 * TZ=Europe/London: `require("@ministryofjustice/frontend/moj/filters/all.js")().mojDate(timestamp, type)`
 * and `.date(timestamp, format)`. They cover British Summer Time, midnight, noon and the clock change.
 */
const mojDateCases: [string, string, string][] = [
  ["2019-06-14T14:01:00.000Z", "datetime", "14 June 2019 at 3:01pm"],
  ["2019-06-14T14:00:00.000Z", "datetime", "14 June 2019 at 3pm"],
  ["2019-01-07T00:30:00.000Z", "shortdatetime", "7 Jan 2019 at 12:30am"],
  ["2019-12-31T23:59:59.000Z", "date", "31 December 2019"],
  ["2019-09-03T09:05:00.000Z", "shortdate", "3 Sep 2019"],
  ["2019-03-31T00:59:00.000Z", "time", "12:59am"],
  ["2019-03-31T01:00:00.000Z", "time", "2am"],
  ["2019-06-14T14:01:00.000Z", "unknown", "2019-06-14T14:01:00.000Z"],
];

const formatCases: [string, string, string][] = [
  ["2019-06-14T14:01:05.000Z", "dddd Do MMMM YYYY [at] HH:mm:ss", "Friday 14th June 2019 at 15:01:05"],
  ["2019-09-01T08:07:00.000Z", "ddd D MMM YY, hh:mm A", "Sun 1 Sep 19, 09:07 AM"],
  ["2019-11-22T12:00:00.000Z", "DD/MM/YYYY h a", "22/11/2019 12 pm"],
  ["2019-01-03T00:00:00.000Z", "M/D/YYYY H:m:s Do", "1/3/2019 0:0:0 3rd"],
  ["2019-02-11T00:00:00.000Z", "Do", "11th"],
  ["2019-02-23T00:00:00.000Z", "Do", "23rd"],
  ["2019-01-14T14:01:00.000Z", "Z", "+00:00"],
];

describe("mojDate gives what MOJ Frontend's filter gives, in UK time", () => {
  for (const [timestamp, type, expected] of mojDateCases) it(`${timestamp} as ${type}`, () => expect(mojDate(timestamp, type)).toBe(expected));
  it("takes another time zone", () => expect(mojDate("2019-06-14T14:01:00.000Z", "time", "UTC")).toBe("2:01pm"));
});

it("formatDate without a format gives moment's default, with the UK offset", () => expect(formatDate("2019-06-14T14:01:00.000Z", undefined)).toBe("2019-06-14T15:01:00+01:00"));

describe("formatDate gives what MOJ Frontend's date filter gives, in UK time", () => {
  for (const [timestamp, format, expected] of formatCases) it(`${timestamp} as ${format}`, () => expect(formatDate(timestamp, format)).toBe(expected));
});
