import { XMLParser, XMLValidator } from "fast-xml-parser";
import { UnreadableSpreadsheetError } from "./grid.ts";

/** Reading the XML inside uploaded XLSX and ODS files (the writers' escaping is ../xml.ts). */

/** An element of parsed XML, in document order (fast-xml-parser's `preserveOrder` shape). */
export type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  // Entities are decoded here (the five XML ones and character references only); a DOCTYPE, and so
  // any entity it could declare, is refused before parsing (billion laughs, external entities).
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/**
 * Parses the XML of a part of an uploaded spreadsheet. A DOCTYPE or ENTITY declaration is refused:
 * no spreadsheet part needs one, and they are how XML bombs and external-entity tricks work.
 */
export function parseXml(text: string, part: string): XmlNode[] {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new UnreadableSpreadsheetError(`its part ${part} declares a DOCTYPE or entities, which spreadsheets never need and which can be used to attack the system`);
  if (nestingDepth(text) > maxDepth) throw new UnreadableSpreadsheetError(`its part ${part} is nested far more deeply than any spreadsheet's (over ${maxDepth} levels)`);
  // The parser itself forgives unclosed elements; a part cut short (a zip entry that lied about its size) must not pass.
  if (XMLValidator.validate(text) !== true) throw new UnreadableSpreadsheetError(`its part ${part} is not well-formed XML (it may be damaged)`);
  try {
    return parser.parse(text) as XmlNode[];
  } catch {
    throw new UnreadableSpreadsheetError(`its part ${part} is not well-formed XML`);
  }
}

/** Deeper than any spreadsheet part is (ODS cells are about ten levels down); a parser slows to seconds on 100,000. */
const maxDepth = 200;

/**
 * How deeply the elements of a text nest, found in one pass over its tags before it is parsed. An
 * attribute value holding ">" could make a self-closing tag count as open; that only overestimates.
 */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let at = text.indexOf("<"); at >= 0; at = text.indexOf("<", at + 1)) {
    const next = text[at + 1];
    if (next === "/") depth -= 1;
    else if (next !== "?" && next !== "!") {
      const end = text.indexOf(">", at);
      if (end < 0) break;
      if (text[end - 1] !== "/") depth += 1;
      if (depth > deepest) deepest = depth;
      at = end;
    }
  }
  return deepest;
}

/** The element name of a node (its one key other than the attributes), or null for text. */
export function nodeName(node: XmlNode): string | null {
  for (const key of Object.keys(node)) if (key !== ":@" && key !== "#text") return key;
  return null;
}

export function children(node: XmlNode): XmlNode[] {
  const name = nodeName(node);
  return name ? ((node[name] as XmlNode[] | undefined) ?? []) : [];
}

export function attribute(node: XmlNode, name: string): string | undefined {
  const attributes = node[":@"] as Record<string, string> | undefined;
  const raw = attributes?.[name];
  return raw === undefined ? undefined : decodeEntities(raw);
}

/** The text of a text node (entities decoded), or null for an element. */
export function textOf(node: XmlNode): string | null {
  const text = node["#text"];
  return typeof text === "string" ? decodeEntities(text) : null;
}

/** The first element with this name, depth-first. */
export function findFirst(nodes: XmlNode[], name: string): XmlNode | undefined {
  for (const node of nodes) {
    if (nodeName(node) === name) return node;
    const inner = findFirst(children(node), name);
    if (inner) return inner;
  }
  return undefined;
}

const named: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/g, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#")) {
      const code = name.startsWith("#x") ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
    }
    return named[name] ?? whole;
  });
}
