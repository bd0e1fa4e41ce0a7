/**
 * A progress line on standard error: redrawn in place on a terminal, every 10% otherwise (so CI
 * logs stay short).
 */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr) {
  const last = new Map<string, number>();
  return (label: string, done: number, total: number) => {
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    if (stream.isTTY) {
      stream.write(`\r${label}: ${done.toLocaleString("en-GB")} of ${total.toLocaleString("en-GB")} (${percent}%)${done >= total ? "\n" : ""}`);
      return;
    }
    const step = Math.floor(percent / 10);
    if (last.get(label) === step) return;
    last.set(label, step);
    stream.write(`${label}: ${done.toLocaleString("en-GB")} of ${total.toLocaleString("en-GB")} (${percent}%)\n`);
  };
}
