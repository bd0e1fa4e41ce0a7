import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inCi } from "./env.ts";

/**
 * Real LibreOffice (headless) for tests: converts files as a user's office software would, so the
 * spreadsheets we write are checked by software we did not write. Debian: `libreoffice-calc-nogui`.
 */

function findSoffice(): string | null {
  return ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"].find((path) => existsSync(path)) ?? null;
}

export const soffice: string | null = findSoffice();

/**
 * Whether the LibreOffice tests run: when LibreOffice is installed. In CI its absence is an error,
 * so those tests can never pass by being skipped.
 */
export function libreOfficeTestsRun(): boolean {
  if (soffice) return true;
  if (inCi) throw new Error("CI is set but LibreOffice is not installed: install it (apt-get install -y libreoffice-calc-nogui) so the spreadsheet tests can open our files in real office software.");
  return false;
}

/** CSV export options: comma, double quote, UTF-8 (76), from row 1, cells as shown. */
const csvExport = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true";
/** CSV import options: comma, double quote, UTF-8. */
const csvImport = "CSV:44,34,76,1";

/** Conversions already made, by target and input bytes: the same file converts the same way on both databases' runs. */
const converted = new Map<string, Uint8Array>();

/**
 * Converts files with LibreOffice (`soffice --headless --convert-to`), all in one run with a fresh
 * user profile, so runs cannot disturb each other. Gives the converted bytes by input name (names
 * must differ in more than their extension).
 */
export function convertWithLibreOffice(files: Record<string, Uint8Array>, to: "csv" | "xlsx" | "ods"): Record<string, Uint8Array> {
  if (!soffice) throw new Error("LibreOffice is not installed");
  const key = (bytes: Uint8Array) => `${to}:${createHash("sha256").update(bytes).digest("hex")}`;
  const todo = Object.entries(files).filter(([, bytes]) => !converted.has(key(bytes)));
  if (todo.length > 0) {
    const dir = mkdtempSync(join(tmpdir(), "lo-convert-"));
    const profile = mkdtempSync(join(tmpdir(), "lo-profile-"));
    try {
      const out = join(dir, "out");
      const inputs = todo.map(([name, bytes]) => {
        const input = join(dir, name);
        writeFileSync(input, bytes);
        return input;
      });
      const args = [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore"];
      if (todo.some(([name]) => name.endsWith(".csv"))) args.push(`--infilter=${csvImport}`);
      args.push("--convert-to", to === "csv" ? csvExport : to, "--outdir", out, ...inputs);
      execFileSync(soffice, args, { stdio: "pipe", timeout: 180_000 });
      const written = new Set(readdirSync(out));
      for (const [name, bytes] of todo) {
        const output = `${name.replace(/\.[^.]+$/, "")}.${to}`;
        if (!written.has(output)) throw new Error(`LibreOffice did not convert ${name} to ${to}`);
        converted.set(key(bytes), new Uint8Array(readFileSync(join(out, output))));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    }
  }
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, converted.get(key(bytes))!]));
}
