import { parseArgs } from "node:util";
import { countUsers, migrateToLatest, openDatabase } from "@complaints/db";
import { demoAccounts, demoPassword, seedDemo } from "../../demo/seed.ts";
import { createLogger, startServer } from "../../http/serve.ts";
import type { Command } from "../command.ts";

/** Where to go and whom to sign in as, for someone who has just run `npm start`. */
function printDemoWelcome(url: string): void {
  console.log(`\nComplaints oversight is running at ${url}\nThe body's app (returns and action plans): ${url}/agency/\nThe department portal (tracker, review, comparison): ${url}/portal/\nDemo accounts (password “${demoPassword}”):`);
  for (const a of demoAccounts) console.log(`  ${a.email.padEnd(30)} ${a.role.padEnd(12)} ${a.organisation}`);
  console.log("Press Ctrl+C to stop.\n");
}

/**
 * `serve` and `start [--demo]`: migrates, with `--demo` loads the demo into a database with no
 * accounts, and serves until SIGINT or SIGTERM, then closes the server and the database.
 */
export const serve: Command = async (env, args) => {
  const { values } = parseArgs({ args, options: { demo: { type: "boolean" } } });
  const logger = createLogger(env);
  const connection = openDatabase(env.DATABASE_URL, {
    onConnectionLost: (err) => logger.warn({ err }, "the database closed a connection; a new one opens when next needed"),
  });
  await migrateToLatest(connection);
  if (values.demo && (await countUsers(connection.db)) === 0) {
    const summary = await seedDemo(connection.db, new Date());
    logger.info(summary, "loaded demo data");
  }
  const server = await startServer(env, connection, logger);
  if (values.demo) printDemoWelcome(server.url);
  await new Promise<void>((resolve) => {
    const stop = async (signal: string) => {
      logger.info({ signal }, "shutting down");
      await server.close();
      await connection.close();
      resolve();
    };
    process.once("SIGINT", () => void stop("SIGINT"));
    process.once("SIGTERM", () => void stop("SIGTERM"));
  });
  return 0;
};
