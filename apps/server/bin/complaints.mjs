#!/usr/bin/env node
// The `complaints` command. The server runs from TypeScript source: tsx compiles it as it loads,
// in this same process, so signals such as SIGTERM reach the server directly.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/run.ts");
