/**
 * Escaping text for the XML inside the ODS and XLSX files the writers produce, with a fast path for
 * text that needs no escaping, since a workbook may hold thousands of cells.
 */

/** Whether the text has a character that needs escaping or replacing: markup, any C0 control (tab and line breaks included), a surrogate, U+FFFE or U+FFFF. */
function needsWork(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0x20 || unit === 0x26 || unit === 0x3c || unit === 0x3e || unit === 0x22 || (unit >= 0xd800 && unit <= 0xdfff) || unit >= 0xfffe) return true;
  }
  return false;
}

/** The text with each character XML 1.0 cannot hold replaced by U+FFFD (C0 controls but tab and line breaks, U+FFFE, U+FFFF, lone surrogates). */
function xmlCharacters(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text[i]! + text[i + 1]!;
        i += 1;
        continue;
      }
    }
    const bad = (unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d) || unit === 0xfffe || unit === 0xffff || (unit >= 0xd800 && unit <= 0xdfff);
    out += bad ? "\ufffd" : text[i]!;
  }
  return out;
}

/** Text for XML content and attribute values. Characters XML forbids become U+FFFD rather than a broken file. */
export function xmlText(text: string): string {
  if (!needsWork(text)) return text;
  return xmlCharacters(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;");
}
