import { buildServer } from "../scripts/build.mjs";

/**
 * The command-line and restart tests run bin/complaints.mjs, which runs the build in dist/: it is
 * built first, so they never run code older than the source (an unchanged build writes nothing).
 */
export default async function setup(): Promise<void> {
  await buildServer();
}
