import { execFileSync } from "node:child_process";
import { join } from "node:path";

/**
 * The agency app's figures: its built JavaScript gzipped against the 200 KB budget, and
 * navigation to an interactive section page in headless Chromium. They are measured by the app's
 * own script (apps/agency/scripts/bench.ts: it builds the app and drives Debian's Chromium against
 * the real server), run here so `pnpm bench` prints them with the rest on the same machine.
 */
export function agencyBenchmark(): void {
  const agencyDir = join(import.meta.dirname, "..", "..", "..", "agency");
  try {
    execFileSync(process.execPath, ["--import", import.meta.resolve("tsx"), "scripts/bench.ts"], { cwd: agencyDir, stdio: ["ignore", "inherit", "inherit"] });
  } catch {
    console.log("agency app: figures not measured (the error is above)");
  }
  console.log("");
}
