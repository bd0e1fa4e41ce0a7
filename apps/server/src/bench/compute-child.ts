// Times the in-process computation of every measure in a process of its own, holding only the
// returns it computes from (as a server would), so the figure is not skewed by the benchmark's own data.
import { listCurrentReturns, openDatabase } from "@complaints/db";
import { aggregateReturns, computeMeasures } from "@complaints/metrics";

const [url, first, last, codes] = process.argv.slice(2);
const connection = openDatabase(url!);
const all = await listCurrentReturns(connection.db, codes!.split(","), Number(first), Number(last));
await connection.close();
const runs: number[] = [];
let groups = 0;
for (let i = 0; i < 15; i += 1) {
  const start = performance.now();
  const grouped = aggregateReturns(all, (r) => `${r.organisationCode} ${r.period}`);
  for (const g of grouped) computeMeasures(g.sums);
  runs.push(performance.now() - start);
  groups = grouped.length;
}
runs.sort((a, b) => a - b);
process.stdout.write(JSON.stringify({ groups, medianMs: runs[Math.floor(runs.length / 2)], minMs: runs[0], maxMs: runs.at(-1) }));
