/**
 * Who a comparison with a year earlier covers (the API's matched panel: the quarters each body sent
 * in both periods), said the same way on the department totals and the department's summary.
 */
export interface PanelCoverage {
  expected: number;
  covered: readonly { organisationCode: string; name: string }[];
  partly: readonly { organisationCode: string; name: string; words: string }[];
  leftOut: readonly { organisationCode: string; name: string; words: string }[];
  lowCoverage: boolean;
}

const bodies = (n: number) => `${n.toLocaleString("en-GB")} ${n === 1 ? "body" : "bodies"}`;

/** "The comparison covers 11 of 14 bodies: …", or, at half the bodies or fewer, a warning that it says little about the department. */
export function coverageSentence(panel: PanelCoverage, now: string, then: string): string {
  const n = panel.covered.length;
  if (n === 0) return `No body sent returns for the same quarters of ${now} and ${then}, so there is nothing to compare.`;
  if (panel.lowCoverage) return `Only ${n.toLocaleString("en-GB")} of ${bodies(panel.expected)} sent returns for the same quarters of ${now} and ${then}: too few to say how the department changed. The comparison covers only those bodies.`;
  return `The comparison covers ${n.toLocaleString("en-GB")} of ${bodies(panel.expected)}: the quarters each sent in both ${now} and ${then}.`;
}

/** Bodies left out of the comparison, and bodies with some quarters left out, each with why. */
export function leftOutItems(panel: PanelCoverage): { organisationCode: string; text: string }[] {
  return [...panel.leftOut, ...panel.partly].map((b) => ({ organisationCode: b.organisationCode, text: `${b.name}: ${b.words}` }));
}
