// The worker thread that reads uploaded spreadsheets, one at a time (read-spreadsheet.ts `ReaderThread`),
// with the reader module its caller names (`workerData.reader`, a file URL exporting `readAnswer`).
// The readers are TypeScript source, and a worker thread has neither the loader its process
// registered (tsx, as bin/complaints.mjs does) nor vitest's transforms: it registers tsx itself.
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { readAnswer } = await import(workerData.reader);
// oxlint-disable-next-line unicorn/require-post-message-target-origin -- a worker thread's port, not a window
parentPort.on("message", ({ bytes, fileName }) => parentPort.postMessage(readAnswer(bytes, fileName)));
// oxlint-disable-next-line unicorn/require-post-message-target-origin -- as above
parentPort.postMessage("ready");
