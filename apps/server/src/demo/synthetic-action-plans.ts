import { actionPlanInputSchema, addDays, type ActionKind, type ActionPlanFields, type IsoDate } from "@complaints/domain";
import type { SyntheticBody } from "./synthetic.ts";

/**
 * The demo's learning action plans: plausible texts for what a body deals in, some overdue, some
 * completed (on time and late), some publishable. Deterministic for a given generator.
 */

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
