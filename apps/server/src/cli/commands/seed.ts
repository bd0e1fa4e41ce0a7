import { parseArgs } from "node:util";
import { seedDemo } from "../../demo/seed.ts";
import { UsageError, withDatabase, type Command } from "../command.ts";

/** `seed --demo`: the synthetic demo, into an empty database only. */
export const seed: Command = async (env, args) => {
  const { values } = parseArgs({ args, options: { demo: { type: "boolean" } } });
  if (!values.demo) throw new UsageError("seed needs --demo (the only data set there is)");
  return withDatabase(env, async (c) => {
    const summary = await seedDemo(c.db, new Date());
    console.log(`Loaded the demo: ${summary.departments} departments, ${summary.bodies} bodies, ${summary.returns} returns for ${summary.periods[0]} to ${summary.periods.at(-1)}.`);
    return 0;
  });
};
