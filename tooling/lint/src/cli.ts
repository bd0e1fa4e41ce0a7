import { join } from "node:path";
import { checkWorkspace } from "./architecture.ts";

const violations = checkWorkspace(join(import.meta.dirname, "..", "..", ".."));
for (const v of violations) console.error(`${v.file}:${v.line}: ${v.message}`);
if (violations.length > 0) process.exit(1);
console.log("architecture: no violations");
