// The worker thread that reads uploaded spreadsheets, one at a time (read-spreadsheet.ts `ReaderThread`).
// The readers are TypeScript source, and a worker thread has neither the loader its process
// registered (tsx, as `pnpm dev` does) nor vitest's transforms: it registers tsx itself. The built
// server bundles this file beside itself as dist/read-worker.mjs, where registering does nothing.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { readAnswer } = await import("./read-spreadsheet.ts");
// oxlint-disable-next-line unicorn/require-post-message-target-origin -- a worker thread's port, not a window
parentPort.on("message", ({ bytes, fileName }) => parentPort.postMessage(readAnswer(bytes, fileName)));
// oxlint-disable-next-line unicorn/require-post-message-target-origin -- as above
parentPort.postMessage("ready");
