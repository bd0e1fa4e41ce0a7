/**
 * Whether a piece of text can be stored as it is, or why not. One rule for every way text gets in
 * (the portal's forms, the API, CSV files), so both databases hold exactly what was checked:
 * PostgreSQL refuses NUL in text ("invalid byte sequence for encoding UTF8: 0x00"), and a lone
 * UTF-16 surrogate cannot be written as UTF-8 at all. Other C0 control characters are invisible and
 * break files made from the data; tab, carriage return and line feed are ordinary in narratives.
 */
export function storableTextProblem(text: string): string | null {
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d) {
      const name = unit === 0 ? "a NUL character" : "a control character";
      return `contains ${name} (U+${hex(unit)}) at character ${i + 1}, which cannot be stored: delete it and type the text again`;
    }
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i += 1;
        continue;
      }
    }
    if (unit >= 0xd800 && unit <= 0xdfff) {
      return `contains half of a character (U+${hex(unit)}, a lone surrogate, often from text cut part-way through an emoji) at character ${i + 1}, which cannot be stored: delete it and type the text again`;
    }
  }
  return null;
}

function hex(unit: number): string {
  return unit.toString(16).toUpperCase().padStart(4, "0");
}
