import { describe, expect, it } from "vitest";
import { sectionFileNames } from "./annual-report-files.ts";

describe("the annual report section's files", () => {
  it.each([
    ["annual-report-DES-2025-26.html", { html: "annual-report-DES-2025-26.html", text: "annual-report-DES-2025-26.txt" }],
    ["annual-report-DES-2025-26.HTM", { html: "annual-report-DES-2025-26.html", text: "annual-report-DES-2025-26.txt" }],
    ["annual-report-DES-2025-26", { html: "annual-report-DES-2025-26.html", text: "annual-report-DES-2025-26.txt" }],
  ])("names the files after %s", (name, names) => {
    expect(sectionFileNames(name)).toEqual(names);
  });
});
