// Entry point of the `complaints` command (and `pnpm cli`).
import { runCli } from "./index.ts";

runCli(process.argv.slice(2));
