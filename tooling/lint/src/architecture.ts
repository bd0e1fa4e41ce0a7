import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative, sep } from "node:path";

/**
 * The dependency direction of DESIGN.md section 5, as data:
 * stats ← domain ← metrics, domain ← db, domain ← screening, {domain, metrics, db, reports, screening} ← api ← server.
 * stats (pure statistics) depends on nothing; charts (chart geometry, plain TypeScript, no React)
 * on stats only, so the portal's React components in ui and the board pack's PDF writer in reports
 * draw the same pictures from it. office (spreadsheet files without a domain: the workbook model,
 * its ODS and XLSX writers, the upload readers) depends on nothing either; reports and api lay out
 * their workbooks over it, and of the apps only the server, which already serves the writers'
 * files, may use it. screening reads uploaded files with Node streams and encodings (and the case
 * file as a stream), so no browser app may load it.
 * Browser apps (and packages/client, their shared API client) may use the API's types only, and never the database package.
 */
export const allowedImports: Record<string, readonly string[]> = {
  "packages/stats": [],
  "packages/office": [],
  "packages/domain": ["stats"],
  "packages/screening": ["domain"],
  "packages/metrics": ["domain", "stats"],
  "packages/charts": ["stats"],
  "packages/db": ["domain"],
  "packages/reports": ["domain", "metrics", "stats", "charts", "office"],
  "packages/ui": ["domain", "metrics", "stats", "charts"],
  "packages/api": ["domain", "metrics", "stats", "db", "reports", "office", "screening"],
  "packages/client": ["domain", "ui", "api"],
  "apps/server": ["domain", "metrics", "stats", "db", "reports", "office", "screening", "api"],
  "apps/agency": ["domain", "metrics", "stats", "charts", "ui", "client", "api"],
  "apps/portal": ["domain", "metrics", "stats", "charts", "ui", "client", "api", "reports"],
};

/** Browser apps: `@complaints/api` only through `import type`. */
export const browserApps = new Set(["apps/agency", "apps/portal", "packages/client"]);

/** What of reports a browser app may load: the tidy table form the compare page's CSV shares with the pack, none of the writers. */
const browserReports = new Set(["@complaints/reports/tidy", "@complaints/reports/model"]);

export interface ImportFound {
  specifier: string;
  typeOnly: boolean;
  line: number;
}

const importPattern =
  /(?:^|[\s;])(import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** Every module specifier a source file names, with whether the statement is type-only. */
export function findImports(source: string): ImportFound[] {
  const found: ImportFound[] = [];
  for (const match of source.matchAll(importPattern)) {
    const specifier = match[3] ?? match[4];
    if (!specifier) continue;
    const line = source.slice(0, match.index + match[0].length).split("\n").length;
    found.push({ specifier, typeOnly: Boolean(match[2]), line });
  }
  return found;
}

export interface Violation {
  file: string;
  line: number;
  message: string;
}

/**
 * `systemServiceContext` (packages/api/src/system-context.ts) acts as an administrator of every
 * department with no signed-in user: only the command line, the benchmarks and tests may use it.
 * Anything serving a request must build its context from the session so scope is enforced. The API
 * package defines it and exports it from its index.
 */
export function mayUseSystemContext(file: string): boolean {
  return (
    file.startsWith("apps/server/src/cli/") ||
    file.startsWith("apps/server/src/bench/") ||
    /\.test\.tsx?$/.test(file) ||
    file === "packages/api/src/system-context.ts" ||
    file === "packages/api/src/index.ts"
  );
}

/** Checks one file's text against the rules for the workspace part (`packages/db`, `apps/portal`…) it belongs to. */
export function checkSource(part: string, file: string, source: string): Violation[] {
  const violations: Violation[] = [];
  const allowed = allowedImports[part];
  for (const { specifier, typeOnly, line } of findImports(source)) {
    const internal = /^@complaints\/([\w-]+)/.exec(specifier);
    if (!internal || !allowed) continue;
    const target = internal[1]!;
    if (target.endsWith("-config") || target === "lint") continue;
    if (browserApps.has(part) && target === "db") {
      violations.push({ file, line, message: "a browser app must never import @complaints/db" });
    } else if (browserApps.has(part) && target === "screening") {
      violations.push({ file, line, message: "a browser app must never import @complaints/screening (it reads files with Node streams)" });
    } else if (browserApps.has(part) && target === "api" && !typeOnly) {
      violations.push({ file, line, message: "a browser app may import @complaints/api only with `import type`" });
    } else if (browserApps.has(part) && target === "reports" && !browserReports.has(specifier)) {
      violations.push({ file, line, message: "a browser app may use only the pack's tidy table form of @complaints/reports (/tidy, /model), no writer" });
    } else if (!allowed.includes(target)) {
      violations.push({ file, line, message: `${part} may not depend on @complaints/${target} (DESIGN.md section 5)` });
    }
  }
  // Comments may name it (the scope module says who may use it); code may not. Comments are blanked
  // with their line breaks kept, so the line found is the source's.
  const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (c) => c.replace(/[^\n]/g, " "));
  if (/\bsystemServiceContext\b/.test(code) && !mayUseSystemContext(file)) {
    const line = code.split("\n").findIndex((l) => /\bsystemServiceContext\b/.test(l)) + 1;
    violations.push({ file, line, message: "only the command line (apps/server/src/cli), the benchmarks (apps/server/src/bench) and tests may use systemServiceContext; a request's context comes from its session" });
  }
  if (basename(file) !== "env.ts" && /\bprocess\.env\b/.test(source)) {
    const line = source.split("\n").findIndex((l) => /\bprocess\.env\b/.test(l)) + 1;
    violations.push({ file, line, message: "only env.ts files read process.env; pass configuration as arguments" });
  }
  return violations;
}

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    if (name === "node_modules" || name === "dist") return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts)$/.test(name) ? [path] : [];
  });
}

/** Checks every source file of every workspace part under `root`. */
export function checkWorkspace(root: string): Violation[] {
  return Object.keys(allowedImports).flatMap((part) =>
    sourceFiles(join(root, part, "src")).flatMap((file) =>
      checkSource(part, relative(root, file).split(sep).join("/"), readFileSync(file, "utf8")),
    ),
  );
}
