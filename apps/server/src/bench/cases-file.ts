import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { addDays, bankHolidays, caseChannels, caseColumns, caseThemes, defaultCaseTimescales, type BankHolidayRegion, type IsoDate } from "@complaints/domain";
import { random } from "../demo/draws.ts";

/**
 * A generated case file for the case engine's benchmark: `rows` complaints in the case file's format,
 * written as a stream so a 3,000,000-row file (≈450 MB) never sits in memory. Deterministic for a seed.
 * Every row is valid: received 2023-04-01 to 2026-09-30 in file order; closed, withdrawn, escalated and
 * Ombudsman dates on or after received, escalated on or before closed, never both closed and withdrawn;
 * an outcome exactly when closed; remedies only for upheld or partly upheld cases; no date after
 * `lastDate` (the day before the benchmark's "today"). Most dates are ISO, one row in ten day first.
 */
export const casesBenchSettings = {
  region: "england-and-wales" as BankHolidayRegion,
  serviceAreaCodes: ["benefits_and_grants", "licensing_and_permits", "inspections_and_audits", "customer_contact_centre", "appeals_and_reviews", "registrations"],
  ...defaultCaseTimescales,
};
export const casesBenchToday: IsoDate = "2026-12-01";

const firstReceived: IsoDate = "2023-04-01";
const lastReceived: IsoDate = "2026-09-30";
const lastDate: IsoDate = "2026-11-30";

const dayMs = 86_400_000;
const dayNumber = (d: IsoDate) => Date.parse(`${d}T00:00:00Z`) / dayMs;

/** Weighted choice: `weights` are relative. */
function picker<T>(values: readonly T[], weights: readonly number[]): (u: number) => T {
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative = weights.map(
    (
      (sum) => (w: number) =>
        (sum += w / total)
    )(0),
  );
  return (u) => values[cumulative.findIndex((c) => u < c)] ?? values[values.length - 1]!;
}

export interface GeneratedCases {
  rows: number;
  bytes: number;
}

export async function writeCaseFile(path: string, rows: number, seed = 10, settings = casesBenchSettings): Promise<GeneratedCases> {
  const rng = random(seed);
  const first = dayNumber(firstReceived);
  const span = dayNumber(lastReceived) - first + 1;
  const last = dayNumber(lastDate) - first; // day offsets from firstReceived
  // Every day's two spellings and its working-day ordinal, so rows are built without Date objects.
  const days = last + 1 + 400;
  const iso: string[] = [];
  const uk: string[] = [];
  const ordinal: number[] = []; // working days up to and including the day
  const workingDay: number[] = []; // ordinal → day offset
  let ord = 0;
  for (let i = 0; i < days; i += 1) {
    const d = addDays(firstReceived, i);
    iso.push(d);
    uk.push(`${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`);
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !bankHolidays(settings.region, Number(d.slice(0, 4))).has(d)) {
      ord += 1;
      workingDay[ord] = i;
    }
    ordinal.push(ord);
  }
  /** The day `n` working days after `day`, as in the domain's addWorkingDays. */
  const plusWorkingDays = (day: number, n: number) => workingDay[ordinal[day]! + n]!;

  const channel = picker(caseChannels, caseChannels.map((c) => ({ online: 35, email: 25, phone: 20, post: 10, in_person: 5 })[c] ?? 5));
  const area = picker(settings.serviceAreaCodes, settings.serviceAreaCodes.map((_, i) => 6 - i));
  const themeWeights = caseThemes.map((t) => ({ delay: 8, communication: 7, decision: 5, process_error: 4, staff_conduct: 3, other: 1 })[t] ?? 2);
  const theme = picker(caseThemes, themeWeights);
  const outcome = picker(["upheld", "partly_upheld", "not_upheld"], [25, 25, 50]);
  const remedy = picker(["apology", "explanation", "decision_changed", "service_provided", "other"], [40, 30, 10, 15, 5]);

  const out = createWriteStream(path);
  let bytes = 0;
  let chunk = `${caseColumns.join(",")}\n`;
  const flush = async () => {
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, "drain");
    chunk = "";
  };

  for (let i = 0; i < rows; i += 1) {
    const received = Math.min(span - 1, Math.floor((i * span) / rows) + Math.floor(rng() * 3));
    const names = rng() < 0.1 ? uk : iso;
    const date = (day: number | null) => (day === null ? "" : names[day]!);
    let stage = "early_resolution";
    let escalated: number | null = null;
    let closed: number | null = null;
    let withdrawn: number | null = null;
    let result = "";
    if (rng() < 0.05) {
      // Withdrawn before a response, now and then after moving to closer look.
      const at = received + 1 + Math.floor(rng() * 30);
      if (at <= last) withdrawn = at;
      if (rng() < 0.15) {
        stage = "closer_look";
        const e = received + 1 + Math.floor(rng() * 5);
        escalated = e <= (withdrawn ?? last) ? e : null;
      }
    } else {
      const closerLook = rng() < 0.3;
      let closeAfter: number;
      if (closerLook) {
        stage = "closer_look";
        if (rng() < 0.8) {
          escalated = received + 1 + Math.floor(rng() * 10);
          closeAfter = escalated - received + 3 + Math.floor(rng() * 30);
        } else closeAfter = 5 + Math.floor(rng() * 36);
      } else closeAfter = Math.floor(rng() * rng() * 16);
      if (rng() < 0.03) closeAfter += 40 + Math.floor(rng() * 80); // a few take months
      if (escalated !== null && escalated > last) escalated = null;
      if (rng() >= 0.005 && received + closeAfter <= last) {
        closed = received + closeAfter;
        result = outcome(rng());
      }
    }
    const end = closed ?? withdrawn ?? last;
    const acknowledged = rng() < 0.9 ? Math.min(received + Math.floor(rng() * 3), end) : null;
    // The target: the stage's default deadline, sometimes extended; empty for the body's default.
    let target: number | null = null;
    if (rng() < 0.6) {
      const start = stage === "closer_look" ? (escalated ?? received) : received;
      const n = stage === "closer_look" ? settings.closerLookDays : settings.earlyResolutionDays;
      const t = plusWorkingDays(start, n + (rng() < 0.15 ? 3 + Math.floor(rng() * 20) : 0));
      if (t <= last) target = t;
    }
    let themes = "";
    if (rng() >= 0.02) {
      const picked = new Set<string>([theme(rng())]);
      const more = rng();
      if (more < 0.6) picked.add(theme(rng()));
      if (more < 0.25) picked.add(theme(rng()));
      themes = [...picked].join(";");
    }
    let remedies = "";
    let payment = "";
    let paymentType = "";
    let phso: number | null = null;
    if (closed !== null) {
      if (result !== "not_upheld") {
        const picked = new Set<string>();
        if (rng() < 0.9) picked.add(remedy(rng()));
        if (rng() < 0.3) picked.add(remedy(rng()));
        if (rng() < 0.08) {
          picked.add("financial");
          const pounds = rng() < 0.7 ? 25 * (1 + Math.floor(rng() * 60)) : 50 + Math.floor(rng() * 4950);
          payment = `${pounds}.${rng() < 0.8 ? "00" : String(Math.floor(rng() * 100)).padStart(2, "0")}`;
          paymentType = rng() < 0.6 ? "maladministration" : "other";
        }
        remedies = [...picked].join(";");
      }
      if (rng() < 0.02) {
        const p = closed + 20 + Math.floor(rng() * 180);
        if (p <= last) phso = p;
      }
    }
    chunk += `CMP-${iso[received]!.slice(0, 4)}-${String(i + 1).padStart(8, "0")},${date(received)},${date(acknowledged)},${stage},${date(escalated)},${date(closed)},${date(withdrawn)},${date(target)},${result},${themes},${area(rng())},${channel(rng())},${remedies},${payment},${paymentType},${date(phso)}\n`;
    if (chunk.length > 65_536) await flush();
  }
  await flush();
  out.end();
  await once(out, "close");
  return { rows, bytes };
}
