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
 * for a given seed. Every return satisfies template v1's rules, so it could have been submitted.
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
      const openDate = opensLate ? periodDates(periodFromIndex(options.firstPeriodIndex + 3)).start : "2012-04-01";
      const closeDate = closesEarly ? periodDates(periodFromIndex(options.lastPeriodIndex - 2)).end : null;
      bodies.push({
        organisation: {
          code: bodyCode,
          name: `${word} ${suffix} (synthetic)`,
          kind: "body",
          bodyType,
          parentCode: code,
          region,
          activeFrom: openDate < firstDate && !opensLate ? "2012-04-01" : openDate,
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

/** One quarter's return for a body, consistent with the template's rules. */
export function syntheticReturn(body: SyntheticBody, periodIdx: number, broughtForward: number | null, rng: () => number, lastPeriodIndex: number): Record<string, FieldValue> {
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

  // Themes: multi-coded (about 1.25 per complaint); digital rises in the last three quarters for some bodies.
  const rising = body.risingDigital ? Math.max(0, 3 - (lastPeriodIndex - periodIdx)) : 0;
  const weights = themeCodes.map((t) => ({ delay: 30, communication: 22, staff_conduct: 8, decision: 15, process_error: 9, policy: 4, accessibility: 3, digital: 6 + rising * 12, data_protection: 2, discrimination: 1, charges: 3, complaint_handling: 5, other: 4 })[t] ?? 1);
  const themeCounts = apportion(Math.round(received * 1.25), weights);
  themeCodes.forEach((t, i) => (v[`theme_${t}`] = themeCounts[i]!));
  v.themes_not_recorded = 0;
  v.key_themes = rising > 0 ? "Complaints about the online service rose again this quarter." : "Delay and communication remain the main themes.";
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
  v.special_payments_over_threshold = 0;

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
  // Equality monitoring (optional): about half the bodies ask, a third of complainants answer. No
  // random draws, so the rest of the demo is unchanged; small bodies give small cells, which the
  // board pack's disclosure control suppresses.
  if (body.organisation.code.length % 2 === 0) {
    const asked = Math.round(received * 0.35);
    for (const b of requireTemplate(1).breakdowns.filter((x) => x.disclosureControlled && Array.isArray(x.categories))) {
      const categories = b.categories as readonly { value: string }[];
      const counts = apportion(asked, categories.map((_, i) => (i >= categories.length - 2 ? 1 : 2 + ((i * 3) % 5))));
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
  values: Record<string, FieldValue>;
}

/** Returns for every body and quarter it was active in, oldest first. */
export function syntheticReturns(world: SyntheticWorld, firstPeriodIndex: number, lastPeriodIndex: number, seed: number): SyntheticReturn[] {
  const out: SyntheticReturn[] = [];
  for (const [i, body] of world.bodies.entries()) {
    const rng = random(seed * 7919 + i);
    let carried: number | null = null;
    for (let p = firstPeriodIndex; p <= lastPeriodIndex; p += 1) {
      const dates = periodDates(periodFromIndex(p));
      const org = body.organisation;
      if (org.activeFrom > dates.end || (org.activeTo !== null && org.activeTo < dates.start)) continue;
      const values = syntheticReturn(body, p, carried, rng, lastPeriodIndex);
      carried = values.carried_forward as number;
      out.push({ organisationCode: org.code, period: formatPeriodCode(periodFromIndex(p)), periodIndex: p, values });
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

const actionIdeas: { failing: string; action: string; kind: ActionKind; themes: string[]; measure: string; baseline: string; target: string; summary: string }[] = [
  { failing: "Renewal letters went to addresses the person had already updated.", action: "Check the address on file against the latest change of address before each letter is sent.", kind: "service", themes: ["process_error", "communication"], measure: "Complaints about letters sent to an old address", baseline: "14 a quarter", target: "Fewer than 3 a quarter", summary: "You said our letters went to your old address after you told us you had moved. We now check for a change of address before every letter is sent." },
  { failing: "Applications waited weeks in a queue nobody was watching.", action: "Add the queue to the daily workload report and give it a named owner.", kind: "service", themes: ["delay"], measure: "Applications older than 20 working days", baseline: "310", target: "Under 50", summary: "You said your application sat for weeks without anyone looking at it. Every queue now has a named owner and is checked daily." },
  { failing: "The online form did not work with a screen reader.", action: "Fix the form's labels and error messages and test it with assistive technology users.", kind: "service", themes: ["digital", "accessibility"], measure: "Form completion rate for screen reader users in testing", baseline: "2 of 6", target: "6 of 6", summary: "You said you could not complete our online form with a screen reader. We have rebuilt it and tested it with people who use assistive technology." },
  { failing: "A refund was calculated with the wrong fee.", action: "Recalculate the refund, pay the difference with interest and apologise.", kind: "individual", themes: ["charges"], measure: "Refund paid in full", baseline: "Not paid", target: "Paid within 10 working days", summary: "You said we refunded the wrong amount. We paid the difference with interest and corrected the fee table." },
  { failing: "Complainants were not told when their complaint would be answered.", action: "Add the target date to every acknowledgement and train the team on agreeing extensions.", kind: "service", themes: ["complaint_handling", "communication"], measure: "Acknowledgements giving a target date", baseline: "40%", target: "100%", summary: "You said you did not know when we would reply. Every acknowledgement now gives a date, and we agree any extension with you." },
  { failing: "A decision letter did not explain the reasons for the decision.", action: "Send a new letter explaining the reasons and how to ask for a review.", kind: "individual", themes: ["decision", "communication"], measure: "New letter sent and understood", baseline: "No reasons given", target: "Reasons and review rights explained", summary: "You said our letter did not explain our decision. We wrote again with the reasons and how to ask for a review." },
];
const owners = ["Operations manager", "Customer contact team", "Digital services team", "Finance team", "Complaints team leader", "Policy lead"];

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
  const idea = () => actionIdeas[Math.floor(rng() * actionIdeas.length)]!;
  const owner = () => owners[Math.floor(rng() * owners.length)]!;
  const plan = (start: number, due: number, publishable: boolean): ActionPlanFields => {
    const i = idea();
    return actionPlanInputSchema.parse({
      failing: i.failing,
      sourceComplaints: Array.from({ length: 1 + Math.floor(rng() * 3) }, reference),
      action: i.action,
      kind: i.kind,
      owner: owner(),
      startDate: addDays(today, start),
      dueDate: addDays(today, due),
      standards: "The body's complaints procedure, the Complaint Standards and the relevant professional guidance.",
      involvement: i.kind === "individual" ? ["not_involved"] : [(["reviewing_guidance", "training_plan", "visiting", "sharing_story", "monitoring"] as const)[Math.floor(rng() * 5)]!],
      involvementNote: i.kind === "individual" ? "" : "Agreed by phone when the complaint was answered.",
      keptInformed: rng() < 0.5 ? "Email when each step is done" : "A letter when the action is complete",
      monitoring: "Monthly sample checked by the team leader; reported to the quarterly complaints review.",
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
