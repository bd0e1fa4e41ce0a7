import { loadEnv } from "../env.ts";
import { UsageError, type Command } from "./command.ts";
import { annualReport } from "./commands/annual-report.ts";
import { auditList } from "./commands/audit-list.ts";
import { backup } from "./commands/backup.ts";
import { exportReturnsCommand } from "./commands/export-returns.ts";
import { importCasesCommand } from "./commands/import-cases.ts";
import { importReturnsCommand } from "./commands/import-returns.ts";
import { migrate } from "./commands/migrate.ts";
import { organisationsList } from "./commands/organisations-list.ts";
import { organisationsAdd, organisationsAddDepartment, organisationsClose, organisationsRename } from "./commands/organisations-manage.ts";
import { pack } from "./commands/pack.ts";
import { restore } from "./commands/restore.ts";
import { seed } from "./commands/seed.ts";
import { serve } from "./commands/serve.ts";
import { serviceAreasAdd, serviceAreasDelete, serviceAreasRename, serviceAreasRetire } from "./commands/service-areas.ts";
import { usersAdd } from "./commands/users-add.ts";
import { usersDeactivate, usersInvite, usersList, usersReactivate, usersResetPassword, usersRevoke, usersRole } from "./commands/users-admin.ts";
import { usersGrant } from "./commands/users-grant.ts";
import { windowsClose, windowsExtend, windowsOpen } from "./commands/windows.ts";
import { usage } from "./usage.ts";

/** Commands in two words (`users add`), and what to say when the second is not one of them. */
interface CommandGroup {
  commands: ReadonlyMap<string, Command>;
  unknown: string;
}

const commands = new Map<string, Command | CommandGroup>([
  ["migrate", migrate],
  ["seed", seed],
  [
    "users",
    {
      commands: new Map([
        ["add", usersAdd],
        ["grant", usersGrant],
        ["list", usersList],
        ["invite", usersInvite],
        ["role", usersRole],
        ["revoke", usersRevoke],
        ["deactivate", usersDeactivate],
        ["reactivate", usersReactivate],
        ["reset-password", usersResetPassword],
      ]),
      unknown: "users has these commands: add, grant, list, invite, role, revoke, deactivate, reactivate, reset-password",
    },
  ],
  [
    "organisations",
    {
      commands: new Map([["list", organisationsList], ["add", organisationsAdd], ["add-department", organisationsAddDepartment], ["rename", organisationsRename], ["close", organisationsClose]]),
      unknown: "organisations has five commands: organisations list, add, add-department, rename, close",
    },
  ],
  [
    "service-areas",
    {
      commands: new Map([["add", serviceAreasAdd], ["rename", serviceAreasRename], ["retire", serviceAreasRetire], ["delete", serviceAreasDelete]]),
      unknown: "service-areas has four commands: service-areas add, rename, retire, delete",
    },
  ],
  ["windows", { commands: new Map([["open", windowsOpen], ["extend", windowsExtend], ["close", windowsClose]]), unknown: "windows has three commands: windows open, extend, close" }],
  ["audit", { commands: new Map([["list", auditList]]), unknown: "audit has one command: audit list" }],
  ["import", { commands: new Map([["returns", importReturnsCommand], ["cases", importCasesCommand]]), unknown: "import has two commands: import returns FILE.csv, import cases FILE" }],
  ["export", { commands: new Map([["returns", exportReturnsCommand]]), unknown: "export has one command: export returns" }],
  ["pack", pack],
  ["annual-report", annualReport],
  ["backup", backup],
  ["restore", restore],
  ["serve", serve],
  ["start", serve],
]);

/** Runs one command (commands/*.ts) and resolves to its exit status; a UsageError when it is not understood. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const env = loadEnv();
  if (name === undefined || name === "help" || name === "--help") {
    console.log(usage);
    return 0;
  }
  const entry = commands.get(name);
  if (!entry) throw new UsageError(`“${name}” is not a command`);
  if (typeof entry === "function") return entry(env, args);
  const [sub, ...rest] = args;
  const command = sub === undefined ? undefined : entry.commands.get(sub);
  if (!command) throw new UsageError(entry.unknown);
  return command(env, rest);
}

/** Runs the command line and exits with its status. */
export function runCli(argv: string[]): void {
  main(argv).then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof UsageError) {
        console.error(`${error.message}\n\n${usage}`);
        process.exit(2);
      }
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
