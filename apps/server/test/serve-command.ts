import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { join } from "node:path";

/** The `complaints` command, which runs the server as built in dist/ (the tests' global set-up builds it). */
export const complaintsBin = join(import.meta.dirname, "..", "bin", "complaints.mjs");

export interface ServeCommand {
  child: ChildProcessWithoutNullStreams;
  url: string;
  /** Everything it has printed so far, on standard output and standard error. */
  output(): string;
}

/** `complaints serve` in a child process on a free port, once it is listening. */
export async function serveCommand(databaseUrl: string): Promise<ServeCommand> {
  const child = spawn(process.execPath, [complaintsBin, "serve"], { env: { DATABASE_URL: databaseUrl, PORT: "0", LOG_LEVEL: "info" } });
  let output = "";
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 30_000);
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const m = /"url":"(http:[^"]+)"/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
  });
  return { child, url, output: () => output };
}
