import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./auth.tsx";

describe("where sign-in goes back to", () => {
  it.each([
    ["/DES/tracker/2026-27-q2?status=late", "/DES/tracker/2026-27-q2?status=late"],
    ["/", "/"],
  ])("%s, a path inside the app, is kept", (path, expected) => {
    expect(safeReturnPath(path)).toBe(expected);
  });

  it.each([null, "", "https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "DES/"])("%j goes to the app's start instead", (value) => {
    expect(safeReturnPath(value)).toBe("/");
  });
});
