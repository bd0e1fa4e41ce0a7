/**
 * The page the PDF writer lays out on, shared by its parts (blocks, tables, charts): A4 portrait,
 * 50 pt margins, a 10.5 pt body in Helvetica (one of the 14 standard fonts, WinAnsi text, so
 * nothing is embedded and every word can be selected and searched), dark text on white.
 */

export type StructParent = PDFKit.PDFStructureElement;

export interface PdfLayout {
  doc: PDFKit.PDFDocument;
  fonts: { regular: string; bold: string };
  /** GOV.UK text colours: #0b0c0c on white is 19.4:1, the secondary #505a5f is 7.0:1 (WCAG 2.2 1.4.3 asks 4.5:1). */
  colours: { text: string; secondary: string };
  left: number;
  width: number;
  /** The lowest y content may reach (the page's height less its bottom margin). */
  bottom: number;
  bodySize: number;
  lineGap: number;
  /** Height of one line of body text, with its gap. */
  lineHeight: number;
  paragraphGap: number;
  /** Writes a paragraph's text at the cursor across the text column (call inside a structure element's content). */
  bodyText(text: string, options?: { size?: number; colour?: string; bold?: boolean; x?: number; width?: number }): void;
}

export const a4 = { width: 595.28, height: 841.89 } as const;
export const margins = { top: 50, bottom: 56, left: 50, right: 50 } as const;

export function pdfLayout(doc: PDFKit.PDFDocument): PdfLayout {
  const bodySize = 10.5;
  const lineGap = 2;
  const fonts = { regular: "Helvetica", bold: "Helvetica-Bold" };
  doc.font(fonts.regular).fontSize(bodySize);
  const lineHeight = doc.currentLineHeight(true) + lineGap;
  const layout: PdfLayout = {
    doc,
    fonts,
    colours: { text: "#0b0c0c", secondary: "#505a5f" },
    left: margins.left,
    width: a4.width - margins.left - margins.right,
    bottom: a4.height - margins.bottom,
    bodySize,
    lineGap,
    lineHeight,
    paragraphGap: 6,
    bodyText(text, options = {}) {
      doc
        .font(options.bold ? fonts.bold : fonts.regular)
        .fontSize(options.size ?? bodySize)
        .fillColor(options.colour ?? layout.colours.text);
      doc.text(winAnsi(text), options.x ?? layout.left, doc.y, { width: options.width ?? layout.width, lineGap });
    },
  };
  return layout;
}

/** Starts a new page unless `height` more points fit above the bottom margin. Call only between structure elements. */
export function ensureRoom(layout: PdfLayout, height: number): void {
  const { doc } = layout;
  if (doc.y + height > layout.bottom && doc.y > margins.top + 1) doc.addPage();
}

/**
 * Draws something that is not part of the document's content (rules, repeated headers, page
 * numbers) as an artifact, so assistive technology skips it (PDF 1.7 section 14.8.2.2). Call only
 * between structure elements: pdfkit closes open marked content when an artifact starts.
 */
export function artifact(layout: PdfLayout, draw: () => void, type?: "Pagination" | "Layout" | "Page"): void {
  layout.doc.markContent("Artifact", type ? { type } : undefined);
  draw();
  layout.doc.endMarkedContent();
}

/** Characters WinAnsiEncoding has beyond Latin-1 (ISO 32000-1 annex D.2, the 0x80–0x9F row). */
const winAnsiExtra = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
const nearest: Record<string, string> = { "≥": ">=", "≤": "<=", "≠": "!=", "→": "->", "←": "<-", "−": "-", "‐": "-", "‑": "-", "′": "'", "″": '"', "\t": " " };

function isWinAnsi(c: string): boolean {
  const code = c.codePointAt(0)!;
  return c === "\n" || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || winAnsiExtra.has(c);
}

/**
 * Text the standard fonts can show. They encode text as WinAnsi (Windows-1252), so pdfkit writes
 * anything else as the wrong letters (ŵ came out as "W–Â"). A letter with an accent WinAnsi lacks
 * loses the accent (Welsh ŵ and ŷ read w and y), a few symbols are spelt out (≥ as >=), and
 * anything else becomes "?". Almost all text passes through unchanged.
 */
export function winAnsi(text: string): string {
  if (!/[^\n\x20-\x7e\xa0-\xff]/.test(text)) return text;
  let out = "";
  for (const c of text) {
    if (isWinAnsi(c)) out += c;
    else if (nearest[c] !== undefined) out += nearest[c];
    else {
      const bare = c.normalize("NFD").replace(/\p{M}/gu, "");
      out += bare && [...bare].every(isWinAnsi) ? bare : "?";
    }
  }
  return out;
}
