/** Edit distance (Levenshtein): insertions, deletions and substitutions, one each. */
function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const current = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return d[b.length]!;
}

/** " Did you mean “x”?" for the nearest known name within two edits, or nothing: for misspelt column names and field ids. */
export function didYouMean(name: string, known: Iterable<string>): string {
  let best: string | null = null;
  let bestDistance = 3;
  for (const k of known) {
    const distance = levenshtein(name.toLowerCase(), k);
    if (distance < bestDistance) [best, bestDistance] = [k, distance];
  }
  return best ? ` Did you mean “${best}”?` : "";
}
