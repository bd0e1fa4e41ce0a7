#!/usr/bin/env node
// The `complaints` command: the server and command line as scripts/build.mjs builds them into dist/
// (`pnpm --filter @complaints/server build`; `npm start` and `pnpm cli` build first), run by plain Node.
import { existsSync } from "node:fs";

const built = new URL("../dist/complaints.mjs", import.meta.url);
if (!existsSync(built)) {
  console.error("The server has not been built: run pnpm --filter @complaints/server build (npm start and pnpm cli build it themselves).");
  process.exit(1);
}
// Stack traces in the log name the TypeScript source's files and lines, not the bundle's.
process.setSourceMapsEnabled(true);
await import(built.href);
