import { api, downloadFileBlob, errorMessage, saveUrl } from "@complaints/client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { PackRequest } from "./pack-choice.ts";

/** A file the page has handed to the browser, kept so it can be saved again without building it again. */
export interface SavedFile {
  fileName: string;
  bytes: number;
  /** An object URL of the file's bytes, revoked when the next pack is built or the page is left. */
  url: string;
}

export type PackBuild =
  | { state: "idle" }
  | { state: "building" }
  | { state: "done"; files: SavedFile[] }
  /** `attempt` counts failures, so the error summary is drawn afresh (and takes focus) each time. */
  | { state: "failed"; message: string; attempt: number };

/**
 * Builds the board pack on the server (reports.pack) and saves its files: one, or the CSV and its
 * metadata. One build at a time: a second press while one is running does nothing.
 */
export function usePackDownload(): { build: PackBuild; start: (requests: PackRequest[]) => Promise<void> } {
  const [build, setBuild] = useState<PackBuild>({ state: "idle" });
  const running = useRef(false);
  const urls = useRef<string[]>([]);
  const failures = useRef(0);
  const revoke = () => {
    for (const url of urls.current) URL.revokeObjectURL(url);
    urls.current = [];
  };
  useEffect(() => revoke, []);

  const start = useCallback(async (requests: PackRequest[]) => {
    if (running.current) return;
    running.current = true;
    setBuild({ state: "building" });
    try {
      // Batched into one request by the client's httpBatchLink: the CSV and its metadata arrive together.
      const files = await Promise.all(requests.map((r) => api.reports.pack.query(r)));
      revoke();
      const saved = files.map((file) => {
        const blob = downloadFileBlob(file);
        const url = URL.createObjectURL(blob);
        urls.current.push(url);
        saveUrl(url, file.fileName);
        return { fileName: file.fileName, bytes: blob.size, url };
      });
      setBuild({ state: "done", files: saved });
    } catch (error) {
      failures.current += 1;
      setBuild({ state: "failed", message: errorMessage(error), attempt: failures.current });
    } finally {
      running.current = false;
    }
  }, []);

  return { build, start };
}
