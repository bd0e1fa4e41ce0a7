import { describe, expect, it } from "vitest";
import { pageItems } from "./pagination.tsx";

describe("the page numbers shown", () => {
  it.each([
    [1, 1, [1]],
    [1, 3, [1, 2, 3]],
    [1, 10, [1, 2, null, 10]],
    [5, 10, [1, null, 4, 5, 6, null, 10]],
    [3, 10, [1, 2, 3, 4, null, 10]],
    [4, 10, [1, 2, 3, 4, 5, null, 10]],
    [10, 10, [1, null, 9, 10]],
    [8, 10, [1, null, 7, 8, 9, 10]],
  ])("page %d of %d", (current, pages, items) => {
    expect(pageItems(current, pages)).toEqual(items);
  });
});
