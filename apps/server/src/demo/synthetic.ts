import {
  addDays,
  channels,
  formatPeriodCode,
  periodDates,
  periodFromIndex,
  requireTemplate,
  themeCodes,
  type BankHolidayRegion,
  type FieldValue,
  type Organisation,
} from "@complaints/domain";
import { apportion, poisson, random, sampleCounts } from "./draws.ts";

/**
 * Clearly synthetic but plausible complaints data, for the demo and the benchmarks. Deterministic
 * for a given seed. Every return satisfies the rules of its template (v1, and v2 for the last two
 * quarters), so it could have been submitted.
 */

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
 * Each part below draws in turn, in the same order every time, so a seed gives the same return.
 */
export function syntheticReturn(body: SyntheticBody, periodIdx: number, broughtForward: number | null, rng: () => number, lastPeriodIndex: number, detail: () => number, templateVersion: 1 | 2 = 1): Record<string, FieldValue> {
  const q: QuarterDraw = { body, periodIdx, period: periodFromIndex(periodIdx), lastPeriodIndex, templateVersion, rng, detail };
  const { v, flow } = flowFigures(q, broughtForward);
  themeFigures(q, v, flow.received);
  remedyFigures(q, v, flow.closed);
  reviewFigures(q, v, flow);
  contextFigures(q, v, flow);
  breakdownFigures(q, v, flow.received);
  return v;
}

/** What every part of a quarter's return draws from: the body, the quarter, the template, and the two generators. */
interface QuarterDraw {
  body: SyntheticBody;
  periodIdx: number;
  period: ReturnType<typeof periodFromIndex>;
  lastPeriodIndex: number;
  templateVersion: 1 | 2;
  rng: () => number;
  detail: () => number;
}

/** The quarter's flow figures the later parts scale from. */
interface QuarterFlow {
  volume: number;
  received: number;
  closed: number;
  clClosed: number;
}

/** Complaints brought forward, received, withdrawn, closed at each stage (with outcomes and timeliness), carried forward and escalated. */
function flowFigures(q: QuarterDraw, broughtForward: number | null): { v: Record<string, FieldValue>; flow: QuarterFlow } {
  const { body, rng } = q;
  const noise = 0.85 + rng() * 0.3;
  const volume = Math.round(body.volume * (0.9 + rng() * 0.2));
  let received = Math.max(0, Math.round(((volume * body.rate) / 10_000) * seasonality[q.period.quarter - 1]! * noise));
  if (body.spikeAt === q.periodIdx) received = Math.round(received * 3.2) + 5;
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
  return { v, flow: { volume, received, closed, clClosed } };
}

/**
 * Themes: multi-coded (1.15 to 1.4 a complaint), in the body's mix as it drifts, counted with
 * Poisson noise; digital rises in the last three quarters for some bodies (the emerging theme).
 */
function themeFigures(q: QuarterDraw, v: Record<string, FieldValue>, received: number): void {
  const { body, detail } = q;
  const rising = body.risingDigital ? Math.max(0, 3 - (q.lastPeriodIndex - q.periodIdx)) : 0;
  const mix = body.themeMix;
  const weights = themeCodes.map((t) => mix.weights[t]! * Math.exp(mix.drift[t]! * (q.periodIdx - q.lastPeriodIndex)));
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
}

/** Remedies for upheld complaints, the payments among them, and special payments over £300,000. */
function remedyFigures(q: QuarterDraw, v: Record<string, FieldValue>, closed: number): void {
  const { body, rng, detail } = q;
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
  if (q.templateVersion === 1) v.special_payments_over_threshold = 0;
  else {
    const { start } = periodDates(q.period);
    for (let n = 1; n <= specialPayments; n += 1) {
      v[`special_payments.${n}.amount`] = Math.round(300_000 + detail() * 2_200_000) * 100;
      v[`special_payments.${n}.date_paid`] = addDays(start, Math.floor(detail() * 85));
      v[`special_payments.${n}.description`] = specialPaymentDescriptions[Math.floor(detail() * specialPaymentDescriptions.length)]!;
    }
  }
}

/** The independent reviewer ([z] where the body has none), the Ombudsman, and feedback on complaint handling. */
function reviewFigures(q: QuarterDraw, v: Record<string, FieldValue>, flow: QuarterFlow): void {
  const { rng } = q;
  if (q.body.hasReviewer) {
    const referred = Math.round(flow.clClosed * 0.06);
    const [u, p, n] = apportion(Math.round(referred * 0.8), [0.2, 0.2, 0.6]);
    Object.assign(v, { referred_independent_reviewer: referred, independent_reviewer_upheld: u, independent_reviewer_partly_upheld: p, independent_reviewer_not_upheld: n });
  } else {
    for (const f of ["referred_independent_reviewer", "independent_reviewer_upheld", "independent_reviewer_partly_upheld", "independent_reviewer_not_upheld"]) v[f] = "[z]";
  }
  const phsoReferred = Math.round(flow.clClosed * 0.03 * rng());
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
    const responses = Math.round(flow.closed * share);
    v[`fb_${group}_responses`] = responses;
    v[`fb_${group}_positive`] = Math.round(responses * (positive + (rng() - 0.5) * 0.2));
  }
}

/** Other insight, the service's volume, the complaint handling team and its cost, the standards and the assurance answers. */
function contextFigures(q: QuarterDraw, v: Record<string, FieldValue>, flow: QuarterFlow): void {
  const { rng } = q;
  Object.assign(v, {
    compliments: Math.round(flow.received * (0.2 + rng() * 0.3)),
    claims: Math.round(flow.received * 0.01),
    staff_grievances: Math.round(rng() * 3),
    whistleblowing: rng() < 0.2 ? 1 : 0,
    other_insight: null,
    service_volume: flow.volume,
    handling_fte: Math.round(Math.max(0.5, flow.closed / 120) * 10) / 10,
    handlers_total: Math.max(1, Math.round(flow.closed / 60)),
  });
  v.handling_cost = Math.round((v.handling_fte as number) * 9_500_00 * (0.9 + rng() * 0.2));
  v.handlers_trained = Math.round((v.handlers_total as number) * (0.6 + rng() * 0.4));
  const standard = () => (rng() < 0.7 ? "met" : rng() < 0.8 ? "partly_met" : "not_met");
  Object.assign(v, {
    standards_learning_culture: standard(),
    standards_welcoming: standard(),
    standards_thorough_fair: standard(),
    standards_fair_accountable: standard(),
    board_review_date: periodDates(q.period).end.slice(0, 8) + "15",
    learning_summary: "We shared lessons from upheld complaints with team leaders and updated our guidance.",
    data_quality_note: "Service volume counts applications and enquiries received (synthetic data).",
  });
}

/**
 * Complaints received by channel and by service area, and equality monitoring (optional): about half
 * the bodies ask some of their complainants; answers follow published population shares (with fewer
 * ethnic minorities in Scotland and Northern Ireland), each characteristic adding up to those asked
 * (v2's denominator).
 */
function breakdownFigures(q: QuarterDraw, v: Record<string, FieldValue>, received: number): void {
  const { body, detail, templateVersion } = q;
  const channelCounts = apportion(received, [40, 25, 20, 8, 3, 4]);
  channels.forEach((c, i) => (v[`received_by_channel.${c.value}`] = channelCounts[i]!));
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
