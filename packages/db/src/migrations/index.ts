import type { Kysely, Migration, MigrationProvider } from "kysely";
import type { Dialect } from "../connection.ts";
import * as initial from "./2026-11-26T0900-initial.ts";
import * as received from "./2026-12-01T0900-received.ts";
import * as signIn from "./2026-12-01T0910-sign-in.ts";
import * as actionPlans from "./2026-12-02T0900-action-plans.ts";
import * as userOrganisations from "./2026-12-02T0920-user-organisations.ts";
import * as cases from "./2026-12-02T1600-cases.ts";
import * as caseUploadFinishing from "./2026-12-07T2200-case-upload-finishing.ts";
import * as revisionCases from "./2026-12-07T2210-revision-cases.ts";
import * as publicationApproval from "./2026-12-07T2220-publication-approval.ts";
import * as emailJobs from "./2026-12-08T0900-email-jobs.ts";
import * as adminOrganisations from "./2026-12-08T0910-admin-organisations.ts";
import * as invitations from "./2026-12-08T0920-invitations.ts";
import * as notificationPreferences from "./2026-12-08T0940-notification-preferences.ts";

interface DialectMigration {
  up(db: Kysely<any>, dialect: Dialect): Promise<void>;
  down(db: Kysely<any>, dialect: Dialect): Promise<void>;
}

// A static list, so a bundled server finds every migration (STYLE.md, atproto's PDS provider).
const migrations: Record<string, DialectMigration> = {
  "2026-11-26T0900-initial": initial,
  "2026-12-01T0900-received": received,
  "2026-12-01T0910-sign-in": signIn,
  "2026-12-02T0900-action-plans": actionPlans,
  "2026-12-02T0920-user-organisations": userOrganisations,
  "2026-12-02T1600-cases": cases,
  "2026-12-07T2200-case-upload-finishing": caseUploadFinishing,
  "2026-12-07T2210-revision-cases": revisionCases,
  "2026-12-07T2220-publication-approval": publicationApproval,
  "2026-12-08T0900-email-jobs": emailJobs,
  "2026-12-08T0910-admin-organisations": adminOrganisations,
  "2026-12-08T0920-invitations": invitations,
  "2026-12-08T0940-notification-preferences": notificationPreferences,
};

/** Passes the dialect to each migration, for the few column types that differ. */
export function migrationProvider(dialect: Dialect): MigrationProvider {
  return {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, m] of Object.entries(migrations)) {
        out[name] = { up: (db) => m.up(db, dialect), down: (db) => m.down(db, dialect) };
      }
      return out;
    },
  };
}
