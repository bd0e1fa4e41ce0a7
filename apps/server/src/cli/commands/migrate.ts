import { withDatabase, type Command } from "../command.ts";

/** `migrate`: brings the schema up to date, as every command does before it starts. */
export const migrate: Command = (env) =>
  withDatabase(env, async (c) => {
    console.log(`Database up to date (${c.description}).`);
    return 0;
  });
