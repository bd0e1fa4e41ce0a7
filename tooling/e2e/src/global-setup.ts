import type { TestProject } from "vitest/node";
import { seedDemoTemplates } from "./databases.ts";
import { testDatabaseUrl } from "./env.ts";
import { checkAppsBuilt } from "./harness.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The seeded SQLite file every test file's server starts from a copy of. */
    demoSqliteTemplate: string | null;
    /** The seeded PostgreSQL database the PostgreSQL journeys copy, when TEST_DATABASE_URL is set. */
    demoPostgresTemplate: string | null;
  }
}

/**
 * Once per run, before any browser test file: the apps must be built (the server serves both, and
 * journeys cross from one to the other), and the demo is migrated and seeded into the templates
 * the fixtures copy.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  checkAppsBuilt();
  const templates = await seedDemoTemplates(testDatabaseUrl);
  project.provide("demoSqliteTemplate", templates.sqlite);
  project.provide("demoPostgresTemplate", templates.postgres ?? null);
  return () => templates.remove();
}
