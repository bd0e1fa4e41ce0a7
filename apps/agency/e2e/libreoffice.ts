import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { inCi } from "./env.ts";

/**
 * Real LibreOffice, headless, to make the XLSX and ODS files a person would upload: a CSV filled in
 * and saved again from office software we did not write. Debian: `libreoffice-calc-nogui`
 * (`.ci/run` installs it).
 */
export const soffice: string | null = ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"].find((path) => existsSync(path)) ?? null;

/** Whether the tests that need LibreOffice run. In CI its absence fails them: they never pass by being skipped. */
export function libreOfficeAvailable(): boolean {
  if (soffice) return true;
  if (inCi) throw new Error("CI is set but LibreOffice is not installed: apt-get install -y libreoffice-calc-nogui, so the upload tests can make XLSX and ODS files with real office software.");
  return false;
}

/**
 * Converts a CSV file (UTF-8, comma, double quote) to XLSX or ODS in the same folder, with a user
 * profile of its own so parallel runs cannot disturb each other. Returns the new file's path.
 */
export function convertCsv(csvPath: string, to: "xlsx" | "ods"): string {
  if (!soffice) throw new Error("LibreOffice is not installed");
  const profile = mkdtempSync(join(tmpdir(), "lo-upload-"));
  const outDir = mkdtempSync(join(tmpdir(), "lo-out-"));
  try {
    execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--infilter=CSV:44,34,76,1", "--convert-to", to, "--outdir", outDir, csvPath], {
      stdio: "pipe",
      timeout: 180_000,
    });
    const name = `${basename(csvPath).replace(/\.csv$/, "")}.${to}`;
    if (!readdirSync(outDir).includes(name)) throw new Error(`LibreOffice did not convert ${csvPath} to ${to}`);
    const target = csvPath.replace(/\.csv$/, `.${to}`);
    copyFileSync(join(outDir, name), target);
    return target;
  } finally {
    rmSync(profile, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  }
}
