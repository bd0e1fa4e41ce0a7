import { currentTemplate, formatPeriodCode, periodFromIndex, periodIndex, validateReturn } from "@complaints/domain";
import { describe, expect, it } from "vitest";
import { syntheticOrganisations, syntheticReturns } from "./synthetic.ts";

// The demo's world exactly as seedDemo builds it (seed 2026, 3 departments, 8 quarters), here for the
// 8 quarters up to 2026 Q1 (financial year 2025-26 Q4).
const last = periodIndex({ startYear: 2025, quarter: 4 });
const first = last - 7;
const world = syntheticOrganisations({ departments: 3, bodiesPerDepartment: [14, 13, 13], seed: 2026, firstPeriodIndex: first, lastPeriodIndex: last });
const returns = syntheticReturns(world, first, last, 2026);

/** Each return's outlier warnings, with the body's earlier returns (up to 8) as its history. */
function outliersFound(): Set<string> {
  const found = new Set<string>();
  for (const r of returns) {
    const history = returns.filter((h) => h.organisationCode === r.organisationCode && h.periodIndex < r.periodIndex).map((h) => h.values);
    for (const w of validateReturn(r.values, { template: currentTemplate, history }).warnings) {
      if (w.id.startsWith("outlier:")) found.add(`${r.organisationCode} ${r.period} ${w.id.slice("outlier:".length)}`);
    }
  }
  return found;
}

describe("the demo's planted outliers (synthetic.ts `spikeAt`: received × 3.2 + 5)", () => {
  const found = outliersFound();

  it("are the ones named here", () => {
    const planted = world.bodies.filter((b) => b.spikeAt !== null).map((b) => `${b.organisation.code} ${formatPeriodCode(periodFromIndex(b.spikeAt!))}`);
    expect(planted).toEqual(PLANTED);
  });

  it("are still caught where the body has the 4 quarters of history the check needs", () => {
    for (const spike of CATCHABLE) expect(found, spike).toContain(`${spike} received`);
  });
});

/** Every spike synthetic.ts plants in the demo: body and quarter; the field is ‘Complaints received’. */
const PLANTED = [
  "DES-REC2 2024-25 Q1",
  "DES-STA7 2024-25 Q3",
  "MSA-COU8 2025-26 Q1",
  "MSA-PAT10 2024-25 Q4",
  "MSA-ARC12 2024-25 Q1",
  "MSA-MAR13 2024-25 Q2",
  "DIP-LIC7 2024-25 Q2",
  "DIP-GRA11 2024-25 Q3",
  "DIP-REG12 2025-26 Q2",
];
/** The spikes after at least `outlier.minimumHistory` (4) quarters of the body's returns; earlier ones cannot be checked. */
const CATCHABLE = ["MSA-COU8 2025-26 Q1", "DIP-REG12 2025-26 Q2"];
