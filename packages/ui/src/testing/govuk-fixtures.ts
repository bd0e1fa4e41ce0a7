import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { parseFragment, type DefaultTreeAdapterMap } from "parse5";

/**
 * govuk-frontend's own test data: every component folder in the npm package has a fixtures.json,
 * the macro's options in and the expected HTML out (STYLE.md: test our components against it, so
 * "reproduces the markup" is checked, not claimed).
 */
export interface GovukFixture {
  name: string;
  options: Record<string, unknown>;
  hidden: boolean;
  html: string;
}

const require = createRequire(import.meta.url);
const componentsDir = join(dirname(require.resolve("govuk-frontend/package.json")), "dist", "govuk", "components");

export function govukFixtures(component: string): GovukFixture[] {
  const file = JSON.parse(readFileSync(join(componentsDir, component, "fixtures.json"), "utf8")) as { fixtures: GovukFixture[] };
  return file.fixtures;
}

interface MacroOption {
  name: string;
  params?: MacroOption[];
}

/**
 * The option names a component's macro takes (macro-options.json), for checking our props mirror
 * them; `path` names nested options, e.g. `["rows", "actions", "items"]` for a summary list row's actions.
 */
export function govukMacroOptionNames(component: string, path: string[] = []): string[] {
  let options = JSON.parse(readFileSync(join(componentsDir, component, "macro-options.json"), "utf8")) as MacroOption[];
  for (const name of path) {
    const option = options.find((o) => o.name === name);
    if (!option?.params) throw new Error(`${component}: no nested options at ${path.join(".")}`);
    options = option.params;
  }
  return options.map((o) => o.name);
}

type Node = DefaultTreeAdapterMap["childNode"];

/**
 * HTML in a canonical form: attributes sorted by name, runs of whitespace in text collapsed,
 * whitespace-only text between elements dropped, so Nunjucks' indentation and React's attribute
 * order do not count as differences while every element, attribute value and word does.
 */
export function normaliseHtml(html: string): string {
  const fragment = parseFragment(html);
  return fragment.childNodes.map(serialise).join("").trim();
}

function serialise(node: Node): string {
  if (node.nodeName === "#text") {
    const text = (node as DefaultTreeAdapterMap["textNode"]).value.replace(/\s+/g, " ");
    return text.trim() === "" ? "" : escapeText(text.trim());
  }
  if (node.nodeName === "#comment") return "";
  const element = node as DefaultTreeAdapterMap["element"];
  const attrs = [...element.attrs]
    .map((a) => ({ name: a.name, value: a.name === "class" ? a.value.trim().split(/\s+/).join(" ") : a.value }))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((a) => ` ${a.name}="${a.value.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"`)
    .join("");
  const children = (element.tagName === "template" ? (element as unknown as { content: { childNodes: Node[] } }).content.childNodes : element.childNodes)
    .map(serialise)
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
  return `<${element.tagName}${attrs}>${children}</${element.tagName}>`;
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
