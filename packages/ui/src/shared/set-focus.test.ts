import { describe, expect, it } from "vitest";
import { setFocus, type Focusable } from "./set-focus.ts";

/** An element that records what setFocus does to it. */
function fakeElement(tabindex: string | null) {
  const attributes = new Map<string, string>(tabindex === null ? [] : [["tabindex", tabindex]]);
  const listeners: Record<string, (() => void)[]> = { focus: [], blur: [] };
  const fire = (type: "focus" | "blur") => {
    const once = listeners[type] ?? [];
    listeners[type] = [];
    for (const listener of once) listener();
  };
  const element: Focusable & { attributes: Map<string, string>; fire: typeof fire } = {
    attributes,
    fire,
    getAttribute: (name) => attributes.get(name) ?? null,
    setAttribute: (name, value) => void attributes.set(name, value),
    removeAttribute: (name) => void attributes.delete(name),
    addEventListener: (type, listener) => void listeners[type]?.push(listener),
    focus: () => fire("focus"),
  };
  return element;
}

describe("setFocus (govuk-frontend common/index.mjs)", () => {
  it("makes an element focusable for as long as it has focus", () => {
    const element = fakeElement(null);
    const calls: string[] = [];
    setFocus(element, { onBeforeFocus: () => calls.push("before"), onBlur: () => calls.push("blur") });
    expect(element.attributes.get("tabindex")).toBe("-1");
    element.fire("blur");
    expect(calls).toEqual(["before", "blur"]);
    expect(element.attributes.has("tabindex")).toBe(false);
  });

  it("leaves an element's own tabindex alone", () => {
    const element = fakeElement("0");
    setFocus(element);
    element.fire("blur");
    expect(element.attributes.get("tabindex")).toBe("0");
  });
});
