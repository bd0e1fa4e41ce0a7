// Everything the browser may load (./browser.ts), and what only a server does: bank-holiday
// calendars and working days, file decoding, the template checker.
export * from "./browser.ts";
export * from "./working-days.ts";
export * from "./csv/decode.ts";
export * from "./template/check.ts";
export * from "./cases/compute.ts";
export * from "./cases/days.ts";
export * from "./cases/read.ts";
