import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

/**
 * Reads a PDF with poppler-utils, the tools a reader's machine (or a screen reader's text layer)
 * would use, so tests check what people get rather than what we meant to write. When the tools are
 * missing the test fails and says how to install them: a skipped PDF test would pass silently.
 */

const run = promisify(execFile);

async function withFile<T>(bytes: Uint8Array, use: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "complaints-pdf-"));
  try {
    const file = join(dir, "pack.pdf");
    await writeFile(file, bytes);
    return await use(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface PopplerOptions {
  /** Directories to find the tools in, as a PATH (default: the process's own PATH). */
  searchPath?: string;
}

async function poppler(tool: "pdftotext" | "pdfinfo", args: string[], options: PopplerOptions): Promise<string> {
  try {
    const env = options.searchPath === undefined ? undefined : { PATH: options.searchPath };
    const { stdout } = await run(tool, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env });
    return stdout;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new Error(`${tool} is not installed. Install poppler-utils (Debian and Ubuntu: apt-get install poppler-utils); .ci/run installs it for CI.`, { cause: error });
    }
    throw error;
  }
}

/** The PDF's text as `pdftotext -layout` extracts it (UTF-8), pages separated by form feeds. */
export async function pdfText(bytes: Uint8Array, options: PopplerOptions = {}): Promise<string> {
  return withFile(bytes, (file) => poppler("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], options));
}

export interface PdfWord {
  /** The page it is on, from 1. */
  page: number;
  text: string;
  /** Its box in points from the page's top left corner. */
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word `pdftotext -bbox` finds, in its reading order, with its page and where on the page it is. */
export async function pdfWords(bytes: Uint8Array, options: PopplerOptions = {}): Promise<PdfWord[]> {
  const out = await withFile(bytes, (file) => poppler("pdftotext", ["-bbox", "-enc", "UTF-8", file, "-"], options));
  const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", "#39": "'" };
  const words: PdfWord[] = [];
  let page = 0;
  for (const m of out.matchAll(/<page\b|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (m[0] === "<page") {
      page++;
      continue;
    }
    const text = m[5]!.replace(/&(amp|lt|gt|quot|apos|#39);/g, (_, name: string) => entities[name]!);
    words.push({ page, text, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) });
  }
  return words;
}

/** `pdfinfo`'s fields ("Title", "Tagged", "Pages", "Page size", …) with their values. */
export async function pdfInfo(bytes: Uint8Array, options: PopplerOptions = {}): Promise<Record<string, string>> {
  const out = await withFile(bytes, (file) => poppler("pdfinfo", ["-enc", "UTF-8", file], options));
  const info: Record<string, string> = {};
  for (const line of out.split("\n")) {
    const at = line.indexOf(":");
    if (at > 0) info[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return info;
}

/**
 * The structure tree as poppler reads it (`pdfinfo -struct-text`): one element a line, indented by
 * depth, each followed by its text in quotes, as assistive technology would meet it.
 */
export async function pdfStructText(bytes: Uint8Array, options: PopplerOptions = {}): Promise<string> {
  return withFile(bytes, (file) => poppler("pdfinfo", ["-struct-text", "-enc", "UTF-8", file], options));
}

/**
 * The file's indirect objects as text (latin1), by object number. pdfkit writes dictionaries
 * (catalog, structure tree) uncompressed and no object streams, so they can be read as they are;
 * only content streams are compressed.
 */
export function pdfObjects(bytes: Uint8Array): Map<number, string> {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const objects = new Map<number, string>();
  for (const m of text.matchAll(/(\d+) 0 obj\b([\s\S]*?)\bendobj/g)) {
    const body = m[2]!;
    const streamAt = body.indexOf("stream");
    objects.set(Number(m[1]), streamAt >= 0 ? body.slice(0, streamAt) : body);
  }
  return objects;
}

/** The document catalog's dictionary, with the dictionaries it refers to by `name` resolved. */
export function pdfCatalog(bytes: Uint8Array): { catalog: string; ref(name: string): string | undefined } {
  const objects = pdfObjects(bytes);
  const catalog = [...objects.values()].find((o) => /\/Type\s*\/Catalog\b/.test(o));
  if (!catalog) throw new Error("The PDF has no document catalog");
  return {
    catalog,
    ref(name) {
      const n = new RegExp(`/${name}\\s+(\\d+)\\s+0\\s+R`).exec(catalog)?.[1];
      return n === undefined ? undefined : objects.get(Number(n));
    },
  };
}

export interface PdfStructElement {
  /** The structure type: H1, P, Table, TH, TD, Figure, … */
  type: string;
  alt?: string;
  scope?: string;
  /** The layout bounding box [left, bottom, right, top] in points (PDF 1.7 section 14.8.5.4.3). */
  bbox?: number[];
}

/** The structure elements in file order (pdfkit writes an element once its children are written). */
export function pdfStructElements(bytes: Uint8Array): PdfStructElement[] {
  const elements: PdfStructElement[] = [];
  for (const body of pdfObjects(bytes).values()) {
    // Structure elements have a parent (/P); actions and transparency groups also use /S but have none.
    const type = /\/S\s*\/([A-Za-z0-9]+)/.exec(body)?.[1];
    if (!type || !/\/P\s+\d+\s+0\s+R/.test(body)) continue;
    const element: PdfStructElement = { type };
    const altAt = body.indexOf("/Alt (");
    if (altAt >= 0) element.alt = pdfLiteralString(body, altAt + "/Alt ".length);
    const scope = /\/Scope\s*\/([A-Za-z]+)/.exec(body)?.[1];
    if (scope) element.scope = scope;
    const bbox = /\/BBox\s*\[([^\]]*)\]/.exec(body)?.[1];
    if (bbox) element.bbox = bbox.trim().split(/\s+/).map(Number);
    elements.push(element);
  }
  return elements;
}

/** A PDF literal string starting with "(" at `start` (ISO 32000-1 section 7.3.4.2), UTF-16BE when it starts with a byte order mark. */
function pdfLiteralString(text: string, start: number): string {
  let depth = 0;
  let out = "";
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\\") {
      const next = text[++i]!;
      const escapes: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f", "(": "(", ")": ")", "\\": "\\" };
      if (next in escapes) out += escapes[next];
      else if (/[0-7]/.test(next)) {
        const octal = /^[0-7]{1,3}/.exec(text.slice(i, i + 3))![0];
        out += String.fromCharCode(parseInt(octal, 8));
        i += octal.length - 1;
      } else if (next !== "\n" && next !== "\r") out += next;
      continue;
    }
    if (c === "(") {
      if (depth++ === 0) continue;
    } else if (c === ")") {
      if (--depth === 0) break;
    }
    out += c;
  }
  if (out.startsWith("\xfe\xff")) return Buffer.from(out.slice(2), "latin1").swap16().toString("utf16le");
  return out;
}
