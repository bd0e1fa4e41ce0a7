import {
  actionPlanInputSchema,
  addDays,
  channels,
  formatPeriodCode,
  periodDates,
  periodFromIndex,
  requireTemplate,
  themeCodes,
  type ActionKind,
  type ActionPlanFields,
  type BankHolidayRegion,
  type FieldValue,
  type IsoDate,
  type Organisation,
} from "@complaints/domain";

/**
 * Clearly synthetic but plausible complaints data, for the demo and the benchmarks. Deterministic
 * for a given seed. Every return satisfies the rules of its template (v1, and v2 for the last two
 * quarters), so it could have been submitted.
 */

/** mulberry32: a small, fast, seedable generator (public domain, Tommy Ettinger). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const departmentNames = [
  ["DES", "Department for Example Services"],
  ["MSA", "Ministry of Sample Affairs"],
  ["DIP", "Department of Illustrative Policy"],
  ["DFX", "Department for Fictional Exchange"],
  ["MOD-X", "Ministry of Demonstration"],
] as const;

const bodyWords = ["Licensing", "Records", "Benefits", "Inspection", "Grants", "Registration", "Standards", "Pensions", "Land", "Transport", "Heritage", "Skills", "Water", "Energy", "Courts", "Fisheries", "Patents", "Statistics", "Archives", "Maritime"];
const bodyKinds = [
  ["Agency", "executive agency"],
  ["Authority", "executive non-departmental public body"],
  ["Service", "executive agency"],
  ["Board", "advisory non-departmental public body"],
  ["Commission", "non-ministerial department"],
  ["Office", "executive non-departmental public body"],
] as const;

export interface SyntheticBody {
  organisation: Organisation;
  /** Interactions a quarter. */
  volume: number;
  /** Complaints per 10,000 interactions. */
  rate: number;
  /** Share of closed complaints where something went wrong. */
  upheldShare: number;
  hasReviewer: boolean;
  /** A quarter index with an unusual spike, if any. */
  spikeAt: number | null;
  /** Digital complaints rise over the last quarters (the emerging theme). */
  risingDigital: boolean;
  /** The body's own mix of complaint themes: its type's mix, varied, drifting slowly. */
  themeMix: ThemeMix;
}

/** A body's complaint themes: weights by theme code, each weight's drift, and themes coded a complaint. */
export interface ThemeMix {
  weights: Record<string, number>;
  /** Change in each weight's logarithm a quarter: a few per cent, so mixes move slowly. */
  drift: Record<string, number>;
  perComplaint: number;
}

/**
 * Typical theme mixes (per 100 codes) by body type: agencies that deliver at volume hear most about
 * delay and communication, regulators and funders about decisions and fees, advisory bodies about
 * policy, non-ministerial departments about decisions, mistakes and charges.
 */
const themeMixByType: Record<string, Record<string, number>> = {
  "executive agency": { delay: 28, communication: 20, staff_conduct: 6, decision: 12, process_error: 10, policy: 3, accessibility: 3, digital: 7, data_protection: 2, discrimination: 1, charges: 3, complaint_handling: 4, other: 4 },
  "executive non-departmental public body": { delay: 18, communication: 16, staff_conduct: 10, decision: 20, process_error: 8, policy: 7, accessibility: 2, digital: 5, data_protection: 3, discrimination: 1, charges: 6, complaint_handling: 5, other: 4 },
  "advisory non-departmental public body": { delay: 12, communication: 20, staff_conduct: 8, decision: 14, process_error: 6, policy: 16, accessibility: 3, digital: 4, data_protection: 3, discrimination: 2, charges: 1, complaint_handling: 9, other: 6 },
  "non-ministerial department": { delay: 20, communication: 15, staff_conduct: 7, decision: 18, process_error: 12, policy: 6, accessibility: 2, digital: 6, data_protection: 5, discrimination: 1, charges: 8, complaint_handling: 5, other: 4 },
};

/** A body's theme mix: its type's, each weight scaled by 0.67 to 1.5, with a drift of up to ±3% a quarter. */
function themeMixOf(bodyType: string, rng: () => number): ThemeMix {
  const base = themeMixByType[bodyType] ?? themeMixByType["executive agency"]!;
  const weights: Record<string, number> = {};
  const drift: Record<string, number> = {};
  for (const t of themeCodes) {
    weights[t] = (base[t] ?? 1) * Math.exp(0.8 * (rng() - 0.5));
    drift[t] = (rng() - 0.5) * 0.06;
  }
  return { weights, drift, perComplaint: 1.15 + rng() * 0.25 };
}

/** A Poisson draw: Knuth's method for small means, the normal approximation for large ones. */
function poisson(mean: number, rng: () => number): number {
  if (mean <= 0) return 0;
  if (mean > 30) {
    const z = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
  }
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng();
  while (p > limit) {
    k += 1;
    p *= rng();
  }
  return k;
}

/** A binomial draw: exact for few trials, Poisson for rare events, normal for the rest. */
function binomial(n: number, p: number, rng: () => number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (n < 40) {
    let k = 0;
    for (let i = 0; i < n; i += 1) if (rng() < p) k += 1;
    return k;
  }
  const variance = n * p * (1 - p);
  if (variance < 10) return p < 0.5 ? Math.min(n, poisson(n * p, rng)) : n - Math.min(n, poisson(n * (1 - p), rng));
  const z = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  return Math.min(n, Math.max(0, Math.round(n * p + Math.sqrt(variance) * z)));
}

/** `n` draws from categories with these weights, counted by category (a multinomial sample, one binomial a category). */
function sampleCounts(n: number, weights: readonly number[], rng: () => number): number[] {
  let left = n;
  let rest = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => {
    // The last category with any weight takes what is left (rounding may leave `rest` a hair above `w`).
    const k = w > 0 && rest <= w * (1 + 1e-9) ? left : binomial(left, rest > 0 ? w / rest : 0, rng);
    left -= k;
    rest -= w;
    return k;
  });
}

export interface SyntheticWorld {
  departments: Organisation[];
  bodies: SyntheticBody[];
}

export function syntheticOrganisations(options: {
  departments: number;
  bodiesPerDepartment: number | readonly number[];
  seed: number;
  firstPeriodIndex: number;
  lastPeriodIndex: number;
  /** Open one body late and close one early in each department (default true). */
  churn?: boolean;
}): SyntheticWorld {
  const churn = options.churn ?? true;
  const rng = random(options.seed);
  const departments: Organisation[] = [];
  const bodies: SyntheticBody[] = [];
  for (let d = 0; d < options.departments; d += 1) {
    const [baseCode, baseName] = departmentNames[d % departmentNames.length]!;
    const round = Math.floor(d / departmentNames.length);
    const code = round === 0 ? baseCode : `${baseCode}${round + 1}`;
    departments.push({
      code,
      name: round === 0 ? `${baseName} (synthetic)` : `${baseName} ${round + 1} (synthetic)`,
      kind: "department",
      bodyType: "ministerial department",
      parentCode: null,
      region: "england-and-wales",
      activeFrom: "2010-04-01",
      activeTo: null,
      serviceAreas: [],
    });
    const count = typeof options.bodiesPerDepartment === "number" ? options.bodiesPerDepartment : (options.bodiesPerDepartment[d] ?? 10);
    for (let b = 0; b < count; b += 1) {
      const word = bodyWords[(b + d * 7) % bodyWords.length]!;
      const [suffix, bodyType] = bodyKinds[(b + d) % bodyKinds.length]!;
      const bodyCode = `${code}-${word.slice(0, 3).toUpperCase()}${b + 1}`;
      const region: BankHolidayRegion = b % 9 === 4 ? "scotland" : b % 11 === 6 ? "northern-ireland" : "england-and-wales";
      // Sizes spread over three orders of magnitude, like real bodies.
      const volume = Math.round(10 ** (3.7 + rng() * 2.8));
      const firstDate = periodDates(periodFromIndex(options.firstPeriodIndex)).start;
      // One body per department opened part-way through, one closed: expected only while active.
      const opensLate = churn && b === count - 1 && count > 4;
      const closesEarly = churn && b === count - 2 && count > 6;
      // Active from its first quarter of data, so the profile's "Since" is the first quarter it reported.
      const openDate = opensLate ? periodDates(periodFromIndex(options.firstPeriodIndex + 3)).start : firstDate;
      const closeDate = closesEarly ? periodDates(periodFromIndex(options.lastPeriodIndex - 2)).end : null;
      bodies.push({
        organisation: {
          code: bodyCode,
          name: `${word} ${suffix} (synthetic)`,
          kind: "body",
          bodyType,
          parentCode: code,
          region,
          activeFrom: openDate,
          activeTo: closeDate,
          serviceAreas:
            b % 3 === 0
              ? [
                  { code: "applications", label: "Applications" },
                  { code: "enquiries", label: "Enquiries" },
                  { code: "enforcement", label: "Enforcement" },
                ]
              : [],
        },
        volume,
        rate: 8 + rng() * 40,
        upheldShare: 0.2 + rng() * 0.35,
        hasReviewer: rng() < 0.5,
        spikeAt: rng() < 0.15 ? options.firstPeriodIndex + Math.floor(rng() * (options.lastPeriodIndex - options.firstPeriodIndex + 1)) : null,
        risingDigital: d === 1 % options.departments && b % 2 === 0,
        // Its own generator, so the draws above (and the outliers they plant) stay as they were.
        themeMix: themeMixOf(bodyType, random(options.seed * 104_729 + d * 1000 + b)),
      });
    }
  }
  return { departments, bodies };
}

/** Splits `total` into parts proportional to `weights`, adding up exactly (largest remainders). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  const raw = weights.map((w) => (total * w) / sum);
  const parts = raw.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left <= 0) break;
    parts[i]! += 1;
    left -= 1;
  }
  return parts;
}

const seasonality = [1.0, 0.92, 1.05, 1.18]; // Q1..Q4: busier in winter

/**
 * Published population shares, per 100 complainants asked, as a guide to equality monitoring
 * answers: ONS Census 2021, England and Wales (sex 51% female; ethnic group 82% White, 9% Asian, 4%
 * Black, 3% Mixed, 2% Other; religion 46% Christian, 37% no religion, 6.5% Muslim; sexual
 * orientation 89% straight, 3% LGB+; gender identity 0.5% different from sex at birth; disability
 * 18%; adults' ages), with some complainants preferring not to say and some answers not known.
 */
const equalityShares: Record<string, Record<string, number>> = {
  eq_age: { under_18: 1, "18_to_24": 7, "25_to_34": 15, "35_to_44": 17, "45_to_54": 17, "55_to_64": 15, "65_and_over": 17, prefer_not_to_say: 4, not_known: 7 },
  eq_sex: { female: 47, male: 44, prefer_not_to_say: 3, not_known: 6 },
  eq_disability: { disabled: 19, not_disabled: 68, prefer_not_to_say: 5, not_known: 8 },
  eq_ethnicity: { asian: 8, black: 3.5, mixed: 2.5, white: 72, other: 1.8, prefer_not_to_say: 4, not_known: 8 },
  eq_religion: { no_religion: 33, christian: 40, muslim: 5.8, hindu: 1.5, sikh: 0.8, jewish: 0.45, buddhist: 0.45, other: 0.55, prefer_not_to_say: 7, not_known: 10 },
  eq_sexual_orientation: { heterosexual: 80, gay_lesbian: 1.4, bisexual: 1.2, other: 0.3, prefer_not_to_say: 8, not_known: 9 },
  eq_gender_reassignment: { yes: 0.4, no: 82, prefer_not_to_say: 7, not_known: 10.6 },
  eq_marriage_civil_partnership: { married: 40, civil_partnership: 0.2, neither: 43, prefer_not_to_say: 6, not_known: 10.8 },
  eq_pregnancy_maternity: { pregnant_or_maternity: 1.5, neither: 81, prefer_not_to_say: 6, not_known: 11.5 },
};
/** Ethnic groups other than White are less common in Scotland and Northern Ireland (their 2021–22 censuses: about 93% and 97% White). */
const ethnicMinority = new Set(["asian", "black", "mixed", "other"]);

const specialPaymentDescriptions = [
  "Ex gratia payment settling a long-running claim for losses caused by our error",
  "Compensation to a group of customers overcharged by a fee calculation fault",
  "Settlement of a legal claim over a decision later found to be wrong",
  "Ex gratia payments to people affected by a scheme opened years late",
  "Compensation for business losses caused by an incorrect public record",
];

const themeLabels = new Map(requireTemplate(1).fields.filter((f) => f.theme).map((f) => [f.theme!, f.label.replace(/^Theme: /, "")]));

/**
 * One quarter's return for a body, consistent with the rules of `templateVersion` (1, or 2: special
 * payments listed one by one and the equality denominator). `detail` draws the themes, equality
 * answers and special payments, apart from `rng`, so the figures `rng` draws stay as they were.
 */
export function syntheticReturn(body: SyntheticBody, periodIdx: number, broughtForward: number | null, rng: () => number, lastPeriodIndex: number, detail: () => number, templateVersion: 1 | 2 = 1): Record<string, FieldValue> {
  const period = periodFromIndex(periodIdx);
  const noise = 0.85 + rng() * 0.3;
  const volume = Math.round(body.volume * (0.9 + rng() * 0.2));
  let received = Math.max(0, Math.round(((volume * body.rate) / 10_000) * seasonality[period.quarter - 1]! * noise));
  if (body.spikeAt === periodIdx) received = Math.round(received * 3.2) + 5;
  const bf = broughtForward ?? Math.round(received * 0.3);
  const withdrawn = Math.round(received * (0.02 + rng() * 0.03));
  const available = bf + received - withdrawn;
  const closed = Math.round(available * (0.7 + rng() * 0.15));
  const erClosed = Math.round(closed * (0.6 + rng() * 0.2));
  const clClosed = closed - erClosed;
  const v: Record<string, FieldValue> = { brought_forward: bf, received, withdrawn, carried_forward: available - closed };

  for (const [prefix, n, days] of [["er", erClosed, 4], ["cl", clClosed, 22]] as const) {
    const upheldShare = Math.min(0.95, body.upheldShare * (prefix === "cl" ? 1.2 : 1) * (0.85 + rng() * 0.3));
    const [upheld, partly, notUpheld] = apportion(n, [upheldShare * 0.6, upheldShare * 0.4, 1 - upheldShare]);
    v[`${prefix}_closed`] = n;
    v[`${prefix}_upheld`] = upheld!;
    v[`${prefix}_partly_upheld`] = partly!;
    v[`${prefix}_not_upheld`] = notUpheld!;
    v[`${prefix}_within_timescale`] = Math.round(n * (0.75 + rng() * 0.22));
    v[`${prefix}_working_days_total`] = Math.round(n * days * (0.7 + rng() * 0.6));
    v[`${prefix}_extensions`] = Math.round(n * rng() * 0.08);
  }
  v.escalated_to_closer_look = Math.min(Math.round(erClosed * (0.05 + rng() * 0.1)), bf + received);

  // Themes: multi-coded (1.15 to 1.4 a complaint), in the body's mix as it drifts, counted with
  // Poisson noise; digital rises in the last three quarters for some bodies (the emerging theme).
  const rising = body.risingDigital ? Math.max(0, 3 - (lastPeriodIndex - periodIdx)) : 0;
  const mix = body.themeMix;
  const weights = themeCodes.map((t) => mix.weights[t]! * Math.exp(mix.drift[t]! * (periodIdx - lastPeriodIndex)));
  const weightTotal = weights.reduce((a, b) => a + b, 0);
  weights[themeCodes.indexOf("digital")]! += rising * 0.12 * weightTotal;
  const codes = received * mix.perComplaint * (0.95 + detail() * 0.1);
  const shareTotal = weights.reduce((a, b) => a + b, 0);
  const themeCounts = weights.map((w) => poisson((codes * w) / shareTotal, detail));
  themeCodes.forEach((t, i) => (v[`theme_${t}`] = themeCounts[i]!));
  // Every complaint has a theme, so the themes cover complaints received; any short is "not recorded".
  v.themes_not_recorded = Math.max(0, received - themeCounts.reduce((a, b) => a + b, 0));
  const [top, second] = themeCodes.map((t, i) => [t, themeCounts[i]!] as const).filter(([t]) => t !== "other").toSorted((a, b) => b[1] - a[1]);
  v.key_themes =
    rising > 0
      ? "Complaints about the online service rose again this quarter."
      : `${themeLabels.get(top![0])!.replace(/^./, (c) => c.toUpperCase())} and ${themeLabels.get(second![0])} were the main themes this quarter.`;
  v.important_issues = null;

  const upheldTotal = (v.er_upheld as number) + (v.er_partly_upheld as number) + (v.cl_upheld as number) + (v.cl_partly_upheld as number);
  v.remedy_apology = Math.round(upheldTotal * 0.8);
  v.remedy_explanation = Math.round(closed * 0.6);
  v.remedy_decision_changed = Math.round(upheldTotal * 0.15);
  v.remedy_service_provided = Math.round(upheldTotal * 0.3);
  const payments = Math.round(upheldTotal * (0.05 + rng() * 0.1));
  v.remedy_financial = payments;
  v.remedy_other = Math.round(upheldTotal * 0.05);
  v.payments_count = payments;
  const totalPence = payments === 0 ? 0 : Math.round(payments * (5_000 + rng() * 40_000)) ;
  v.payments_total = totalPence;
  const malCount = Math.round(payments * 0.4);
  v.payments_maladministration_count = malCount;
  v.payments_maladministration_total = malCount === 0 ? 0 : Math.round((totalPence * malCount) / Math.max(1, payments) * 0.9);
  // Special payments over £300,000 are rare: only the largest bodies make them, now and then, and
  // the demo lists them on v2 (v1's count stays 0, as no amounts could be shown for it).
  const specialPayments = body.volume >= 1_000_000 && detail() < 0.15 ? (detail() < 0.2 ? 2 : 1) : 0;
  if (templateVersion === 1) v.special_payments_over_threshold = 0;
  else {
    const { start } = periodDates(period);
    for (let n = 1; n <= specialPayments; n += 1) {
      v[`special_payments.${n}.amount`] = Math.round(300_000 + detail() * 2_200_000) * 100;
      v[`special_payments.${n}.date_paid`] = addDays(start, Math.floor(detail() * 85));
      v[`special_payments.${n}.description`] = specialPaymentDescriptions[Math.floor(detail() * specialPaymentDescriptions.length)]!;
    }
  }

  if (body.hasReviewer) {
    const referred = Math.round(clClosed * 0.06);
    const [u, p, n] = apportion(Math.round(referred * 0.8), [0.2, 0.2, 0.6]);
    Object.assign(v, { referred_independent_reviewer: referred, independent_reviewer_upheld: u, independent_reviewer_partly_upheld: p, independent_reviewer_not_upheld: n });
  } else {
    for (const f of ["referred_independent_reviewer", "independent_reviewer_upheld", "independent_reviewer_partly_upheld", "independent_reviewer_not_upheld"]) v[f] = "[z]";
  }
  const phsoReferred = Math.round(clClosed * 0.03 * rng());
  const reported = Math.round(phsoReferred * 0.5);
  const [pu, pp, pn] = apportion(reported, [0.15, 0.25, 0.6]);
  const recs = pu! + pp!;
  Object.assign(v, {
    phso_referred: phsoReferred,
    phso_accepted: Math.round(phsoReferred * 0.4),
    phso_reported: reported,
    phso_upheld: pu,
    phso_partly_upheld: pp,
    phso_not_upheld: pn,
    phso_recommendations: recs,
    phso_recommendations_complied: Math.max(0, recs - (rng() < 0.1 ? 1 : 0)),
    phso_recommendations_not_complied: 0,
  });
  for (const [group, share, positive] of [["complainant", 0.25, 0.55], ["colleague", 0.08, 0.7], ["handler", 0.05, 0.75]] as const) {
    const responses = Math.round(closed * share);
    v[`fb_${group}_responses`] = responses;
    v[`fb_${group}_positive`] = Math.round(responses * (positive + (rng() - 0.5) * 0.2));
  }
  Object.assign(v, {
    compliments: Math.round(received * (0.2 + rng() * 0.3)),
    claims: Math.round(received * 0.01),
    staff_grievances: Math.round(rng() * 3),
    whistleblowing: rng() < 0.2 ? 1 : 0,
    other_insight: null,
    service_volume: volume,
    handling_fte: Math.round(Math.max(0.5, closed / 120) * 10) / 10,
    handlers_total: Math.max(1, Math.round(closed / 60)),
  });
  v.handling_cost = Math.round((v.handling_fte as number) * 9_500_00 * (0.9 + rng() * 0.2));
  v.handlers_trained = Math.round((v.handlers_total as number) * (0.6 + rng() * 0.4));
  const standard = () => (rng() < 0.7 ? "met" : rng() < 0.8 ? "partly_met" : "not_met");
  Object.assign(v, {
    standards_learning_culture: standard(),
    standards_welcoming: standard(),
    standards_thorough_fair: standard(),
    standards_fair_accountable: standard(),
    board_review_date: periodDates(period).end.slice(0, 8) + "15",
    learning_summary: "We shared lessons from upheld complaints with team leaders and updated our guidance.",
    data_quality_note: "Service volume counts applications and enquiries received (synthetic data).",
  });
  const channelCounts = apportion(received, [40, 25, 20, 8, 3, 4]);
  channels.forEach((c, i) => (v[`received_by_channel.${c.value}`] = channelCounts[i]!));
  // Equality monitoring (optional): about half the bodies ask some of their complainants; answers
  // follow published population shares (with fewer ethnic minorities in Scotland and Northern
  // Ireland), each characteristic adding up to those asked (v2's denominator).
  if (body.organisation.code.length % 2 === 0) {
    const asked = Math.round(received * (0.3 + detail() * 0.25));
    if (templateVersion === 2) v.eq_asked = asked;
    const outsideEnglandAndWales = body.organisation.region !== "england-and-wales";
    for (const b of requireTemplate(templateVersion).breakdowns.filter((x) => x.section === "equality" && Array.isArray(x.categories))) {
      const categories = b.categories as readonly { value: string }[];
      const shares = equalityShares[b.id] ?? {};
      const categoryWeights = categories.map((c) => (shares[c.value] ?? 1) * (b.id === "eq_ethnicity" && outsideEnglandAndWales && ethnicMinority.has(c.value) ? 0.35 : 1));
      const counts = sampleCounts(asked, categoryWeights, detail);
      categories.forEach((c, i) => (v[`${b.id}.${c.value}`] = counts[i]!));
    }
  }
  if (body.organisation.serviceAreas.length > 0) {
    const areaCounts = apportion(received, body.organisation.serviceAreas.map((_, i) => 3 - i));
    body.organisation.serviceAreas.forEach((a, i) => (v[`received_by_service_area.${a.code}`] = areaCounts[i]!));
  }
  return v;
}

export interface SyntheticReturn {
  organisationCode: string;
  period: string;
  periodIndex: number;
  templateVersion: 1 | 2;
  values: Record<string, FieldValue>;
}

/** Returns for every body and quarter it was active in, oldest first; the last two quarters on template v2. */
export function syntheticReturns(world: SyntheticWorld, firstPeriodIndex: number, lastPeriodIndex: number, seed: number): SyntheticReturn[] {
  const out: SyntheticReturn[] = [];
  for (const [i, body] of world.bodies.entries()) {
    const rng = random(seed * 7919 + i);
    const detail = random(seed * 15_485_863 + i);
    let carried: number | null = null;
    for (let p = firstPeriodIndex; p <= lastPeriodIndex; p += 1) {
      const dates = periodDates(periodFromIndex(p));
      const org = body.organisation;
      if (org.activeFrom > dates.end || (org.activeTo !== null && org.activeTo < dates.start)) continue;
      const templateVersion = p >= lastPeriodIndex - 1 ? 2 : 1;
      const values = syntheticReturn(body, p, carried, rng, lastPeriodIndex, detail, templateVersion);
      carried = values.carried_forward as number;
      out.push({ organisationCode: org.code, period: formatPeriodCode(periodFromIndex(p)), periodIndex: p, templateVersion, values });
    }
  }
  return out;
}

/** A learning action plan for the demo: its fields, reviews, and completion if it is closed. */
export interface SyntheticActionPlan {
  fields: ActionPlanFields;
  reviews: { date: IsoDate; note: string }[];
  completion: { completedDate: IsoDate; verifiedBy: string; verifiedDate: IsoDate; verificationNote: string } | null;
}

/** What a body deals in, for its action plans' texts: by the first word of its name. */
const services: Record<string, { one: string; many: string }> = {
  Licensing: { one: "licence application", many: "licence applications" },
  Records: { one: "records request", many: "records requests" },
  Benefits: { one: "benefit claim", many: "benefit claims" },
  Inspection: { one: "inspection request", many: "inspection requests" },
  Grants: { one: "grant application", many: "grant applications" },
  Registration: { one: "registration application", many: "registration applications" },
  Standards: { one: "accreditation application", many: "accreditation applications" },
  Pensions: { one: "pension claim", many: "pension claims" },
  Land: { one: "title application", many: "title applications" },
  Transport: { one: "operator licence application", many: "operator licence applications" },
  Heritage: { one: "listing application", many: "listing applications" },
  Skills: { one: "funding claim", many: "funding claims" },
  Water: { one: "abstraction licence application", many: "abstraction licence applications" },
  Energy: { one: "scheme application", many: "scheme applications" },
  Courts: { one: "fee remission application", many: "fee remission applications" },
  Fisheries: { one: "fishing licence application", many: "fishing licence applications" },
  Patents: { one: "patent application", many: "patent applications" },
  Statistics: { one: "data access request", many: "data access requests" },
  Archives: { one: "document copy order", many: "document copy orders" },
  Maritime: { one: "vessel registration", many: "vessel registrations" },
};

interface ActionIdea {
  failing: string;
  action: string;
  kind: ActionKind;
  themes: string[];
  measure: string;
  baseline: string;
  target: string;
  summary: string;
  owner: string;
}

const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Learning from complaints of every theme, in the words of the body's own service: `one` and
 * `many` name what it handles, `n(lo, hi)` gives a baseline figure.
 */
const actionIdeas: ((s: { one: string; many: string }, n: (lo: number, hi: number) => number) => ActionIdea)[] = [
  (s, n) => ({ failing: `${cap(s.many)} waited weeks in a queue nobody was watching.`, action: `Add the ${s.many} queue to the daily workload report and give it a named owner.`, kind: "service", themes: ["delay"], measure: `${cap(s.many)} older than 20 working days`, baseline: `${n(120, 400)}`, target: "Under 50", summary: `You said your ${s.one} sat for weeks without anyone looking at it. Every queue now has a named owner and is checked daily.`, owner: "Operations manager" }),
  (s, n) => ({ failing: "Cases passed between teams went to the back of the queue each time they moved.", action: `Keep a ${s.one}'s original date when it moves between teams, and report transfers weekly.`, kind: "service", themes: ["delay", "process_error"], measure: "Working days a transferred case waits", baseline: `${n(15, 30)} working days`, target: "5 working days", summary: `You said your ${s.one} started again at the back of the queue each time it moved. Cases now keep their place when they are passed between teams.`, owner: "Head of casework" }),
  (s) => ({ failing: `A ${s.one} was left undecided for five months after all the evidence was in.`, action: `Decide the ${s.one} within 10 working days, apologise, and repay the extra costs the delay caused.`, kind: "individual", themes: ["delay", "charges"], measure: "Decision made and costs repaid", baseline: "Undecided", target: "Within 10 working days", summary: `You said we took five months to decide your ${s.one} after you had sent everything. We decided it, apologised and repaid the costs the delay caused.`, owner: "Casework team leader" }),
  (s, n) => ({ failing: "Winter backlogs were not planned for, so waiting times doubled every January.", action: `Plan staffing for the winter peak from last year's ${s.many} and agree overtime before it starts.`, kind: "service", themes: ["delay"], measure: `Working days to decide ${s.many} in January to March`, baseline: `${n(30, 45)} working days`, target: "20 working days", summary: "You said waiting times were far longer in winter. We now plan our staffing for the busy months in advance.", owner: "Resource planning lead" }),
  (s, n) => ({ failing: "Complainants were not told when their complaint would be answered.", action: "Add the target date to every acknowledgement and train the team on agreeing extensions.", kind: "service", themes: ["complaint_handling", "communication"], measure: "Acknowledgements giving a target date", baseline: `${n(30, 60)}%`, target: "100%", summary: "You said you did not know when we would reply. Every acknowledgement now gives a date, and we agree any extension with you.", owner: "Complaints team leader" }),
  (s, n) => ({ failing: "Our letters used internal jargon that people could not follow.", action: "Rewrite the ten most-used letters in plain English and test them with people who use the service.", kind: "service", themes: ["communication"], measure: "Calls asking what a letter means", baseline: `${n(200, 600)} a month`, target: "Half the baseline", summary: "You said our letters were hard to understand. We have rewritten our most-used letters in plain English with people who receive them.", owner: "Content design lead" }),
  (s, n) => ({ failing: "People who phoned for an update were told different things by different advisers.", action: `Give advisers one status screen for each ${s.one} and a script for explaining each stage.`, kind: "service", themes: ["communication", "process_error"], measure: "Complaints about conflicting advice", baseline: `${n(8, 25)} a quarter`, target: "Fewer than 5 a quarter", summary: `You said you were told different things each time you phoned. Our advisers now all see the same up-to-date record of your ${s.one}.`, owner: "Customer contact manager" }),
  (s, n) => ({ failing: `Nobody told people when their ${s.one} needed more evidence, so it stalled.`, action: `Send a message within 2 working days whenever a ${s.one} is put on hold for evidence, saying exactly what is needed.`, kind: "service", themes: ["communication", "delay"], measure: `${cap(s.many)} on hold with no message sent`, baseline: `${n(20, 45)}%`, target: "None", summary: "You said we did not tell you we needed more from you. We now tell you within 2 working days, and say exactly what we need.", owner: "Operations manager" }),
  (s) => ({ failing: `The decision letter on a ${s.one} did not explain the reasons for the decision.`, action: "Send a new letter explaining the reasons and how to ask for a review.", kind: "individual", themes: ["decision", "communication"], measure: "New letter sent", baseline: "No reasons given", target: "Reasons and review rights explained within 10 working days", summary: "You said our letter did not explain our decision. We wrote again with the reasons and how to ask for a review.", owner: "Decision-making team leader" }),
  () => ({ failing: "A caller was spoken to dismissively when they explained their disability.", action: "Apologise, and have the adviser's team complete disability awareness training.", kind: "individual", themes: ["staff_conduct", "accessibility"], measure: "Apology given and training completed", baseline: "Not done", target: "Within 4 weeks", summary: "You said one of our advisers was dismissive when you explained your disability. We apologised and the team has completed disability awareness training.", owner: "Customer contact manager" }),
  (s, n) => ({ failing: "Complaints about staff rudeness on site visits were answered but never fed back to the staff concerned.", action: "Add conduct questions to the survey after each visit and go through the results with each member of staff monthly.", kind: "service", themes: ["staff_conduct"], measure: "Visits rated courteous in the survey", baseline: `${n(70, 82)}%`, target: "95%", summary: "You said some of our staff were rude during visits. We now ask about conduct after every visit and go through the answers with each member of staff.", owner: "Head of field operations" }),
  (s, n) => ({ failing: "Evidence sent by email was not attached to the case before the decision was made.", action: `Check every ${s.one} for unlinked emails before a decision is issued.`, kind: "service", themes: ["decision", "process_error"], measure: "Decisions changed on review because evidence was missed", baseline: `${n(10, 30)} a quarter`, target: "Fewer than 3 a quarter", summary: "You said we decided without looking at the evidence you had emailed. We now check for unlinked evidence before any decision is made.", owner: "Decision-making team leader" }),
  (s, n) => ({ failing: "Reviews upheld decisions made under guidance that had since changed.", action: "Brief reviewers on every guidance change and add a check of the guidance version to the review form.", kind: "service", themes: ["decision", "policy"], measure: "Reviews later overturned by the Ombudsman or a tribunal", baseline: `${n(4, 12)} a year`, target: "Fewer than 2 a year", summary: "You said our review repeated a decision made under old guidance. Reviewers now check which guidance applied before they decide.", owner: "Head of reviews" }),
  (s) => ({ failing: `A ${s.one} was refused under the wrong eligibility rule.`, action: `Withdraw the refusal, decide the ${s.one} again under the correct rule and apologise.`, kind: "individual", themes: ["decision"], measure: "Decision remade", baseline: "Refused", target: "Remade within 15 working days", summary: `You said we refused your ${s.one} under the wrong rule. We withdrew the refusal and decided it again correctly.`, owner: "Decision-making team leader" }),
  (s, n) => ({ failing: `Letters about ${s.many} went to addresses the person had already updated.`, action: "Check the address on file against the latest change of address before each letter is sent.", kind: "service", themes: ["process_error", "communication"], measure: "Complaints about letters sent to an old address", baseline: `${n(8, 30)} a quarter`, target: "Fewer than 3 a quarter", summary: "You said our letters went to your old address after you told us you had moved. We now check for a change of address before every letter is sent.", owner: "Customer records manager" }),
  (s, n) => ({ failing: "Duplicate records meant letters went out with another person's details on the account.", action: "Run a weekly duplicate check and merge records with a second person checking each merge.", kind: "service", themes: ["process_error", "data_protection"], measure: "Duplicate records found each week", baseline: `${n(40, 120)}`, target: "Under 10", summary: "You said our letters mixed up your details with someone else's. We now look for duplicate records every week and merge them carefully.", owner: "Customer records manager" }),
  (s, n) => ({ failing: "Scanned post was filed against the wrong case and treated as never received.", action: `Add a second check of the ${s.one} reference at scanning and report misfiled items monthly.`, kind: "service", themes: ["process_error"], measure: "Items filed against the wrong case", baseline: `${n(30, 90)} a month`, target: "Under 10 a month", summary: "You said documents you posted to us were lost. We now double-check the case reference on everything we scan.", owner: "Post room manager" }),
  (s, n) => ({ failing: "The published eligibility guidance did not match the rules staff applied.", action: "Publish the rules staff use, and review the guidance with the policy team every quarter.", kind: "service", themes: ["policy", "communication"], measure: "Complaints that the guidance was misleading", baseline: `${n(10, 30)} a quarter`, target: "Fewer than 5 a quarter", summary: "You said our guidance did not match the way we made decisions. We have published the rules our staff use and now review the guidance every quarter.", owner: "Policy lead" }),
  (s) => ({ failing: "People in exceptional circumstances were turned away because the policy had no route for them.", action: "Agree a discretion route with the policy lead and train decision makers to use it.", kind: "service", themes: ["policy", "decision"], measure: "Requests for discretion considered under the new route", baseline: "None considered", target: "All that are asked for", summary: `You said our rules left no room for your circumstances when we decided your ${s.one}. Decision makers can now consider exceptional cases.`, owner: "Policy lead" }),
  (s) => ({ failing: `The online ${s.one} form could not be completed with a screen reader.`, action: "Fix the form's labels and error messages and test it with people who use assistive technology.", kind: "service", themes: ["digital", "accessibility"], measure: "Screen reader users completing the form in testing", baseline: "2 of 6", target: "6 of 6", summary: "You said you could not complete our online form with a screen reader. We have rebuilt it and tested it with people who use assistive technology.", owner: "Digital services team" }),
  (s, n) => ({ failing: "Requests for letters in large print or Braille were not recorded, so people kept receiving standard print.", action: "Record format needs on the case record and have every letter template follow them.", kind: "service", themes: ["accessibility", "process_error"], measure: "Letters sent in the wrong format to people who asked for another", baseline: `${n(15, 60)} a quarter`, target: "None", summary: "You said you kept getting standard print after asking for large print. Your format is now recorded and every letter follows it.", owner: "Customer records manager" }),
  (s, n) => ({ failing: "The only way to ask for a reasonable adjustment was by phone.", action: "Accept adjustment requests online, by email and by post, and answer each within 5 working days.", kind: "service", themes: ["accessibility", "communication"], measure: "Adjustment requests answered within 5 working days", baseline: `${n(40, 60)}%`, target: "95%", summary: "You said you could only ask for an adjustment by phone. You can now ask online, by email or by post, and we answer within 5 working days.", owner: "Accessibility lead" }),
  (s, n) => ({ failing: `The online ${s.one} service timed out and lost people's answers.`, action: `Save answers on the ${s.one} form as people go, and warn them before the session ends.`, kind: "service", themes: ["digital"], measure: "Complaints about lost online answers", baseline: `${n(30, 120)} a quarter`, target: "Fewer than 10 a quarter", summary: "You said the online service lost your answers. It now saves as you go and warns you before it times out.", owner: "Digital services team" }),
  (s, n) => ({ failing: `Fees paid online were not matched to the ${s.one}, so people were chased for money they had already paid.`, action: "Fix the payment reference passed on by the payment service and match the backlog by hand.", kind: "service", themes: ["digital", "charges"], measure: "Online payments not matched to a case", baseline: `${n(200, 800)}`, target: "Under 20", summary: "You said we chased you for a fee you had already paid online. We fixed the link between the payment service and our records and matched every payment by hand.", owner: "Finance team" }),
  (s, n) => ({ failing: "The online account showed a status that was weeks out of date.", action: `Update the status of each ${s.one} in the online account every night and show when it was last updated.`, kind: "service", themes: ["digital", "communication"], measure: "Calls asking for an update", baseline: `${n(300, 900)} a month`, target: "Half the baseline", summary: "You said your online account showed an old status. It now updates every night and shows when it was last updated.", owner: "Digital services team" }),
  () => ({ failing: "A letter containing another person's details was sent to a complainant.", action: "Apologise, report the breach to the data protection officer, and add a second check to the letter merge.", kind: "individual", themes: ["data_protection", "process_error"], measure: "Breach reported and check in place", baseline: "Not done", target: "Reported within 72 hours; check in place within a month", summary: "You said you received a letter with someone else's details. We apologised, reported it and added a check before letters are sent.", owner: "Data protection officer" }),
  (s, n) => ({ failing: "Requests for people's own information were answered after the one-month deadline.", action: "Track every request on one list against its statutory deadline, reviewed weekly.", kind: "service", themes: ["data_protection", "delay"], measure: "Requests answered within one month", baseline: `${n(55, 75)}%`, target: "95%", summary: "You said we were late answering your request for your information. Every request is now tracked against its deadline and reviewed weekly.", owner: "Information rights team" }),
  (s, n) => ({ failing: "A complaint of race discrimination was handled as a routine service complaint.", action: "Send complaints that allege discrimination to a trained investigator and record the outcome.", kind: "service", themes: ["discrimination", "complaint_handling"], measure: "Discrimination complaints investigated by a trained investigator", baseline: `${n(20, 50)}%`, target: "100%", summary: "You said your complaint of discrimination was treated as routine. Such complaints now go to a trained investigator.", owner: "Equality and inclusion lead" }),
  (s) => ({ failing: `A refund on a ${s.one} was calculated with the wrong fee.`, action: "Recalculate the refund, pay the difference with interest and apologise.", kind: "individual", themes: ["charges"], measure: "Refund paid in full", baseline: "Not paid", target: "Paid within 10 working days", summary: "You said we refunded the wrong amount. We paid the difference with interest and corrected the fee table.", owner: "Finance team" }),
  (s, n) => ({ failing: "Fee reductions for people on low incomes were not offered unless they asked.", action: `Explain fee reductions on the ${s.one} form and in the first letter.`, kind: "service", themes: ["charges", "communication"], measure: "Eligible people receiving the fee reduction", baseline: `${n(30, 55)}%`, target: "80%", summary: "You said nobody told you about the reduced fee. We now explain it on the form and in our first letter.", owner: "Finance team" }),
  (s, n) => ({ failing: "Second-stage complaints were answered by the team the complaint was about.", action: "Have a different team investigate every complaint at the second stage.", kind: "service", themes: ["complaint_handling"], measure: "Complaints the Ombudsman upheld after our second stage", baseline: `${n(3, 8)} a year`, target: "Fewer than 2 a year", summary: "You said the team you complained about answered your complaint. A different team now looks at it if you ask us again.", owner: "Complaints team leader" }),
  (s, n) => ({ failing: "Final replies to complaints did not say how to go to the Ombudsman.", action: "Add the Ombudsman's details and time limit to every final reply.", kind: "service", themes: ["complaint_handling", "communication"], measure: "Final replies giving the Ombudsman's details", baseline: `${n(50, 70)}%`, target: "100%", summary: "You said our final reply did not tell you how to go to the Ombudsman. Every final reply now does.", owner: "Complaints team leader" }),
];

const involvementNotes = [
  "Agreed by phone when the complaint was answered.",
  "They offered to read the new letters before they go out.",
  "Asked in our final reply; they said yes by email.",
  "They will tell their story at the next team learning session.",
  "They will be asked in three months whether things have improved.",
];
const monitoring = [
  "Monthly sample checked by the team leader; reported to the quarterly complaints review.",
  "Weekly figures on the operations dashboard; the audit committee sees them each quarter.",
  "Quality checks on 20 cases a month, with the results in the board's complaints report.",
  "Internal audit will test it in the next annual audit of complaint handling.",
];
const standardsTexts = [
  "The body's complaints procedure, the Complaint Standards and the relevant professional guidance.",
  "The Complaint Standards, our customer service standards and the Equality Act 2010.",
  "Our published service standards and the Ombudsman's Principles of Good Administration.",
];

/**
 * A handful of action plans for a body, dated around `today`: one completed on time (publishable),
 * sometimes one completed late, one overdue, one in progress, sometimes one not started yet.
 * Each passes the domain's input rules, so it could have been entered through the API.
 */
export function syntheticActionPlans(body: SyntheticBody, today: IsoDate, rng: () => number): SyntheticActionPlan[] {
  const code = body.organisation.code;
  const year = today.slice(0, 4);
  let n = 0;
  const reference = () => `${code}-${year}-${String(100 + Math.floor(rng() * 9000) + (n += 1)).padStart(4, "0")}`;
  // Ideas in the body's own words, drawn in proportion to how often it hears of their themes, each once.
  const service = services[body.organisation.name.split(" ")[0]!] ?? { one: "application", many: "applications" };
  const figure = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
  const ideas = actionIdeas.map((make) => make(service, figure));
  const ideaWeights = ideas.map((i) => i.themes.reduce((sum, t) => sum + (body.themeMix.weights[t] ?? 0), 0) * (body.risingDigital && i.themes.includes("digital") ? 4 : 1));
  const idea = (): ActionIdea => {
    let u = rng() * ideaWeights.reduce((a, b) => a + b, 0);
    let k = ideaWeights.findIndex((w) => (u -= w) < 0);
    if (k < 0) k = ideaWeights.findLastIndex((w) => w > 0);
    ideaWeights[k] = 0;
    return ideas[k]!;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
  const plan = (start: number, due: number, publishable: boolean): ActionPlanFields => {
    const i = idea();
    return actionPlanInputSchema.parse({
      failing: i.failing,
      sourceComplaints: Array.from({ length: 1 + Math.floor(rng() * 3) }, reference),
      action: i.action,
      kind: i.kind,
      owner: i.owner,
      startDate: addDays(today, start),
      dueDate: addDays(today, due),
      standards: pick(standardsTexts),
      involvement: i.kind === "individual" ? ["not_involved"] : [(["reviewing_guidance", "training_plan", "visiting", "sharing_story", "monitoring"] as const)[Math.floor(rng() * 5)]!],
      involvementNote: i.kind === "individual" ? "" : pick(involvementNotes),
      keptInformed: rng() < 0.5 ? "Email when each step is done" : "A letter when the action is complete",
      monitoring: pick(monitoring),
      impactMeasure: i.measure,
      impactBaseline: i.baseline,
      impactTarget: i.target,
      impactResult: "",
      themes: i.themes,
      publishable,
      publicSummary: publishable ? i.summary : "",
    });
  };
  const verified = (completedDate: IsoDate) => ({ completedDate, verifiedBy: "Quality assurance team", verifiedDate: addDays(completedDate, 3 + Math.floor(rng() * 5)), verificationNote: "Checked a sample of cases handled since the change." });
  const plans: SyntheticActionPlan[] = [];
  // Completed on time, and publishable.
  const onTimeDue = -90 - Math.floor(rng() * 60);
  plans.push({ fields: { ...plan(onTimeDue - 90, onTimeDue, true), impactResult: "Target met" }, reviews: [{ date: addDays(today, onTimeDue - 45), note: "On track: half the changes made." }], completion: verified(addDays(today, onTimeDue - 1 - Math.floor(rng() * 10))) });
  // Completed late, sometimes.
  if (rng() < 0.6) {
    const due = -60 - Math.floor(rng() * 40);
    plans.push({ fields: { ...plan(due - 60, due, rng() < 0.4), impactResult: "Partly met" }, reviews: [{ date: addDays(today, due - 10), note: "Delayed: waiting for a system change." }], completion: verified(addDays(today, due + 5 + Math.floor(rng() * 15))) });
  }
  // Overdue.
  const overdueBy = 3 + Math.floor(rng() * 40);
  plans.push({ fields: plan(-overdueBy - 90, -overdueBy, false), reviews: [{ date: addDays(today, -overdueBy - 20), note: "Behind plan: the owner changed." }], completion: null });
  // In progress.
  plans.push({ fields: plan(-30, 30 + Math.floor(rng() * 90), false), reviews: [{ date: addDays(today, -7), note: "Started: guidance drafted." }], completion: null });
  // Not started yet, sometimes.
  if (rng() < 0.5) plans.push({ fields: plan(7 + Math.floor(rng() * 21), 120, false), reviews: [], completion: null });
  // Keep completion and verification dates on or before today.
  for (const p of plans) {
    if (p.completion && p.completion.verifiedDate > today) p.completion.verifiedDate = today;
  }
  return plans;
}
