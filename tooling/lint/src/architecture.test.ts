import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allowedImports, checkSource, checkWorkspace, findImports } from "./architecture.ts";

describe("architecture rules", () => {
  it("the workspace itself has no violations", () => {
    expect(checkWorkspace(join(import.meta.dirname, "..", "..", ".."))).toEqual([]);
  });

  it("finds value, type-only, re-export and dynamic imports", () => {
    const found = findImports(
      [
        'import { x } from "@complaints/domain";',
        'import type { AppRouter } from "@complaints/api";',
        'export * from "./a.ts";',
        'const m = await import("@complaints/db");',
        'import "./side-effect.css";',
      ].join("\n"),
    );
    expect(found).toEqual([
      { specifier: "@complaints/domain", typeOnly: false, line: 1 },
      { specifier: "@complaints/api", typeOnly: true, line: 2 },
      { specifier: "./a.ts", typeOnly: false, line: 3 },
      { specifier: "@complaints/db", typeOnly: false, line: 4 },
      { specifier: "./side-effect.css", typeOnly: false, line: 5 },
    ]);
  });

  it.each([
    ["apps/portal", 'import { db } from "@complaints/db";', "never import @complaints/db"],
    ["apps/agency", 'import { appRouter } from "@complaints/api";', "only with `import type`"],
    ["packages/domain", 'import { sql } from "@complaints/db";', "may not depend on @complaints/db"],
    ["packages/domain", 'import { decodeText } from "@complaints/screening";', "may not depend on @complaints/screening"],
    ["packages/screening", 'import { listCases } from "@complaints/db";', "may not depend on @complaints/db"],
    ["apps/agency", 'import type { Screening } from "@complaints/screening";', "never import @complaints/screening"],
    ["apps/portal", 'import { readCaseFile } from "@complaints/screening";', "never import @complaints/screening"],
    ["packages/metrics", 'import { x } from "@complaints/api";', "may not depend on @complaints/api"],
    ["packages/db", "const url = process.env.DATABASE_URL;", "only env.ts files read process.env"],
    ["packages/reports", 'import { Button } from "@complaints/ui";', "may not depend on @complaints/ui"],
    ["packages/stats", 'import { periodIndex } from "@complaints/domain";', "may not depend on @complaints/domain"],
    ["packages/stats", 'import { xmrChartModel } from "@complaints/charts";', "may not depend on @complaints/charts"],
    ["packages/domain", 'import { measures } from "@complaints/metrics";', "may not depend on @complaints/metrics"],
    ["packages/charts", 'import { Button } from "@complaints/ui";', "may not depend on @complaints/ui"],
    ["packages/charts", 'import { measures } from "@complaints/metrics";', "may not depend on @complaints/metrics"],
    ["packages/charts", 'import { currentTemplate } from "@complaints/domain";', "may not depend on @complaints/domain"],
    ["packages/metrics", 'import { renderXmrSvg } from "@complaints/charts";', "may not depend on @complaints/charts"],
    ["apps/portal", 'import { writePack } from "@complaints/reports";', "only the pack's tidy table form"],
    ["apps/agency", 'import { x } from "@complaints/reports/tidy";', "may not depend on @complaints/reports"],
    ["packages/reports", 'import { x } from "@complaints/db";', "may not depend on @complaints/db"],
    ["apps/server", 'import { systemServiceContext } from "@complaints/api";', "only the command line"],
    ["packages/office", 'import { formatPeriodLabel } from "@complaints/domain";', "may not depend on @complaints/domain"],
    ["packages/office", 'import { writePackOds } from "@complaints/reports";', "may not depend on @complaints/reports"],
    ["packages/domain", 'import { writeXlsx } from "@complaints/office";', "may not depend on @complaints/office"],
    ["apps/portal", 'import { writeXlsx } from "@complaints/office";', "may not depend on @complaints/office"],
    ["packages/api", 'import { systemServiceContext } from "../system-context.ts";', "only the command line"],
  ])("rejects %s: %s", (part, source, message) => {
    const violations = checkSource(part, `${part}/src/x.ts`, source);
    expect(violations).toHaveLength(1);
    expect(violations[0]!.message).toContain(message);
  });

  it.each([
    ["apps/portal", 'import type { AppRouter } from "@complaints/api";'],
    ["packages/api", 'import { openDatabase } from "@complaints/db";'],
    ["packages/api", 'import { readCaseFile } from "@complaints/screening";'],
    ["packages/screening", 'import { Screener } from "@complaints/domain";'],
    ["apps/server", 'import { appRouter } from "@complaints/api";'],
    ["packages/reports", 'import { xmrChartModel } from "@complaints/charts";'],
    ["packages/ui", 'import { xmrChartModel } from "@complaints/charts";'],
    ["packages/charts", 'import type { XmrChart } from "@complaints/stats";'],
    ["packages/domain", 'import { outlierAgainstHistory } from "@complaints/stats";'],
    ["packages/metrics", 'import { wilsonInterval } from "@complaints/stats";'],
    ["apps/portal", 'import { tidyColumns } from "@complaints/reports/tidy";'],
    ["packages/reports", 'import { writeXlsx } from "@complaints/office";'],
    ["packages/api", 'import { readInWorker } from "@complaints/office";'],
  ])("allows %s: %s", (part, source) => {
    expect(checkSource(part, `${part}/src/x.ts`, source)).toEqual([]);
  });

  it("says where systemServiceContext is used outside the command line, benchmarks and tests", () => {
    const source = 'import { createCaller } from "@complaints/api";\nimport { systemServiceContext } from "@complaints/api";\n';
    expect(checkSource("apps/server", "apps/server/src/http/x.ts", source)).toEqual([
      { file: "apps/server/src/http/x.ts", line: 2, message: expect.stringContaining("systemServiceContext") },
    ]);
    for (const file of ["apps/server/src/cli/index.ts", "apps/server/src/bench/reports-child.ts", "apps/server/src/http/x.test.ts"]) {
      expect(checkSource("apps/server", file, source)).toEqual([]);
    }
    expect(checkSource("packages/api", "packages/api/src/index.ts", 'export { systemServiceContext } from "./system-context.ts";')).toEqual([]);
    expect(checkSource("packages/api", "packages/api/src/scope.ts", "/** Only the CLI may use it (see `systemServiceContext`). */\nexport const x = 1;")).toEqual([]);
  });

  it("allows no arrow back up: no part may reach itself through the parts it may use", () => {
    const reach = (part: string, seen = new Set<string>()): Set<string> => {
      for (const target of allowedImports[part] ?? []) {
        const targetPart = Object.keys(allowedImports).find((p) => p.endsWith(`/${target}`));
        expect(targetPart, `${part} may use ${target}, which the rule does not list`).toBeDefined();
        if (targetPart && !seen.has(targetPart)) {
          seen.add(targetPart);
          reach(targetPart, seen);
        }
      }
      return seen;
    };
    for (const part of Object.keys(allowedImports)) expect(reach(part).has(part), part).toBe(false);
    expect(allowedImports["packages/stats"]).toEqual([]);
  });

  it("lets env.ts read process.env", () => {
    expect(checkSource("apps/server", "apps/server/src/env.ts", "process.env.PORT")).toEqual([]);
  });
});
