import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { MiddlewareHandler } from "hono";

export type Encoding = "br" | "gzip";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Answers smaller than this gain too little from compression to be worth the work. */
export const compressAboveBytes = 1024;

/**
 * The encoding to answer with from the request's Accept-Encoding: brotli when the browser takes it
 * (every current browser does over HTTPS and on localhost), else gzip, else none. `q=0` refuses.
 */
export function preferredEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    accepted.set(name!.trim(), q ? Number(q.slice(2)) || 0 : 1);
  }
  const weight = (name: Encoding) => accepted.get(name) ?? accepted.get("*") ?? 0;
  if (weight("br") > 0 && weight("br") >= weight("gzip")) return "br";
  if (weight("gzip") > 0) return "gzip";
  return null;
}

/** Text worth compressing: scripts, styles, pages, SVG and JSON (images and fonts are already compressed). */
export function isCompressible(contentType: string | null | undefined): boolean {
  return !!contentType && /^(text\/|application\/(json|javascript)|image\/svg\+xml)/.test(contentType);
}

/**
 * Compresses with a level chosen for the work: a built file is compressed once, on its first
 * request, and kept, so it gets a middle level (brotli 5 is within a tenth of brotli 11's size at
 * a thirtieth of its time, which a browser's first load would otherwise wait for); an API answer
 * is compressed every time, so it gets a fast level.
 */
export async function compress(body: Uint8Array, encoding: Encoding, once: boolean): Promise<Uint8Array<ArrayBuffer>> {
  // Copied into an ArrayBuffer of its own: zlib's Buffer may sit in a shared pool.
  if (encoding === "gzip") return new Uint8Array(await gzipAsync(body, { level: once ? 9 : 6 }));
  return new Uint8Array(await brotli(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: once ? 5 : 4,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
    },
  }));
}

interface CachedFile {
  mtimeMs: number;
  size: number;
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  encoded: Partial<Record<Encoding, Promise<Uint8Array<ArrayBuffer>>>>;
}

/**
 * The built apps' files in memory with their compressed forms, each compressed on its first
 * request and kept, so no file is compressed twice. A file replaced on disk (a new release built
 * in place) is read again.
 */
export class StaticFileCache {
  readonly #files = new Map<string, Promise<CachedFile>>();

  async get(path: string, stat: { mtimeMs: number; size: number }, read: (path: string) => Promise<Uint8Array<ArrayBuffer>>): Promise<CachedFile> {
    const cached = this.#files.get(path);
    if (cached) {
      const file = await cached;
      if (file.mtimeMs === stat.mtimeMs && file.size === stat.size) return file;
    }
    const loading = read(path).then((body) => ({
      mtimeMs: stat.mtimeMs,
      size: stat.size,
      body,
      etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`,
      encoded: {},
    }));
    this.#files.set(path, loading);
    loading.catch(() => this.#files.delete(path));
    return loading;
  }

  /** The file's body in the encoding, compressed the first time it is asked for. */
  encoded(file: CachedFile, encoding: Encoding): Promise<Uint8Array<ArrayBuffer>> {
    return (file.encoded[encoding] ??= compress(file.body, encoding, true));
  }
}

/** Each representation has its own ETag, so a cache never answers gzip to a browser that was sent brotli. */
export function etagFor(etag: string, encoding: Encoding | null): string {
  return encoding ? `${etag.slice(0, -1)}-${encoding}"` : etag;
}

/** True when the request's If-None-Match names the ETag (or `*`). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const t = tag.trim().replace(/^W\//, "");
    return t === "*" || t === etag;
  });
}

/**
 * Compresses JSON and other text answers above the threshold, for API answers made per request.
 * Answers that are already encoded, or that say `no-transform`, are left alone.
 */
export function compressAnswers(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!isCompressible(c.res.headers.get("content-type")) || c.res.headers.has("content-encoding") || !c.res.body) return;
    c.header("Vary", "Accept-Encoding", { append: true });
    const res = c.res;
    const encoding = preferredEncoding(c.req.header("accept-encoding"));
    if (!encoding || /no-transform/.test(res.headers.get("cache-control") ?? "")) return;
    const body = new Uint8Array(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    const small = body.byteLength <= compressAboveBytes;
    if (!small) {
      headers.set("Content-Encoding", encoding);
      headers.delete("Content-Length");
    }
    // Cleared first, or Hono would copy the old answer's headers over the new ones.
    c.res = undefined;
    c.res = new Response(small ? body : await compress(body, encoding, false), { status: res.status, statusText: res.statusText, headers });
  };
}
