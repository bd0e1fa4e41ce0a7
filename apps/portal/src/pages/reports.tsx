import { periodChoiceFromAddress, periodChoiceToAddress, periodOptions } from "@complaints/domain";
import { Button, ErrorSummary, Radios, Select } from "@complaints/ui";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { Loading, usePageTitle, type Organisation } from "@complaints/client";
import { useLatestQuarter } from "../app/periods.ts";
import { useDepartmentBodies } from "../app/department-bodies.ts";
import { financialYearOf, formatFileSize, packRequests, readPackChoice, writePackChoice, type PackChoice, type PackFormatChoice } from "../reports/pack-choice.ts";
import { usePackDownload, type PackBuild, type SavedFile } from "../reports/use-pack-download.ts";
import "../reports/reports.css";

/** The formats, each with what it is for (the board pack). */
const formats: { value: PackFormatChoice; text: string; hint: string }[] = [
  { value: "ods", text: "Spreadsheet (ODS, OpenDocument)", hint: "Opens in LibreOffice, Microsoft Excel and Google Sheets. One table on each sheet, with a cover, contents and notes." },
  { value: "xlsx", text: "Spreadsheet (Excel, XLSX)", hint: "The same tables for Microsoft Excel." },
  { value: "pdf", text: "PDF for the board", hint: "What a board reads: headline figures, what changed, themes, overdue actions and charts." },
  { value: "csv", text: "CSV (tidy data, with its CSVW metadata file)", hint: "One figure on each row, for analysts. Two files: the data, and a file describing its columns." },
];

const buildingText = "Building the board pack… this can take a few seconds";

/**
 * `/portal/{DEPT}/reports`: the board pack for a quarter or a financial year, for the whole
 * department or one of its bodies, in the chosen format (reports.pack); the choice lives in the
 * query string, so a bookmarked address downloads the same pack. Also links to the annual report
 * section and the published learning.
 */
export function ReportsPage({ dept }: { dept: Organisation }) {
  const latest = useLatestQuarter(dept.code);
  const { build, start } = usePackDownload();
  usePageTitle("Board packs and reports", build.state === "failed");
  return (
    <>
      {build.state === "failed" ? <ErrorSummary key={build.attempt} titleText="There is a problem" errorList={[{ text: `The board pack could not be made: ${build.message}` }]} /> : null}
      <span className="govuk-caption-l">{dept.name}</span>
      <h1 className="govuk-heading-l">Board packs and reports</h1>
      <p className="govuk-body">
        A board pack has the department’s complaints figures for a quarter or a financial year: returns received, headline measures by body, themes, action plans and learning. Every format carries the same
        figures.
      </p>
      {latest ? (
        <PackForm dept={dept} latest={latest} build={build} onDownload={start} />
      ) : (
        <Loading />
      )}
      <h2 className="govuk-heading-m">Annual report</h2>
      <p className="govuk-body">
        {latest ? <AnnualReportLink dept={dept} latest={latest} /> : "Loading…"}
      </p>
      <h2 className="govuk-heading-m">Published learning</h2>
      <p className="govuk-body">What the department’s bodies changed after people complained (“you said, we did”), published for anyone to read, without signing in. Link to it from your website.</p>
      <ul className="govuk-list govuk-list--bullet">
        <li>
          <a className="govuk-link" href={`/published/${dept.code}/learning`}>
            Published learning for {dept.name}
          </a>
        </li>
        <li>
          <a className="govuk-link" href={`/published/${dept.code}/learning.csv`}>
            The same learning as CSV
          </a>
        </li>
      </ul>
    </>
  );
}

/** The annual report link follows the period chosen in the form (the financial year it falls in). */
function AnnualReportLink({ dept, latest }: { dept: Organisation; latest: string }) {
  const [params] = useSearchParams();
  const year = financialYearOf(readPackChoice(params, latest).period);
  return (
    <Link className="govuk-link" to={`/${dept.code}/annual-report/${year}`}>
      Annual report complaints section, {year}
    </Link>
  );
}

/**
 * The pack chosen. The form's own state first, so a radio or option changes at once (react-router
 * updates the address in a transition: controlled fields would snap back until it lands); every
 * change is written to the address at once (replacing it: the back button leaves the page).
 */
function usePackChoice(latest: string) {
  const [params, setParams] = useSearchParams();
  const [choice, setChoice] = useState(() => readPackChoice(params, latest));
  const search = params.toString();
  const written = useRef(search);
  useEffect(() => {
    // An address the form did not write (back, forward, a link): the form shows it.
    if (search === written.current) return;
    written.current = search;
    setChoice(readPackChoice(new URLSearchParams(search), latest));
  }, [search, latest]);
  const change = (next: Partial<PackChoice>) => {
    const chosen = { ...choice, ...next };
    setChoice(chosen);
    const address = writePackChoice(chosen);
    written.current = address.toString();
    setParams(address, { replace: true });
  };
  return { choice, change };
}

function PackForm({ dept, latest, build, onDownload }: { dept: Organisation; latest: string; build: PackBuild; onDownload: (requests: ReturnType<typeof packRequests>) => Promise<void> }) {
  const bodies = useDepartmentBodies(dept.code);
  const { choice, change } = usePackChoice(latest);
  // The body last chosen, so "One body" after "The whole department" comes back to it.
  const lastBody = useRef(choice.body);
  if (choice.body) lastBody.current = choice.body;
  // "One body" chosen before the bodies have loaded: kept, so the radio stays chosen and says it is
  // loading, and the first body is chosen once they are listed.
  const [bodyWanted, setBodyWanted] = useState(false);
  const building = build.state === "building";

  const firstBody = bodies.data?.[0]?.code;
  useEffect(() => {
    if (!bodyWanted || choice.body || firstBody === undefined) return;
    setBodyWanted(false);
    change({ body: firstBody });
    // `change` is remade each render; only the bodies arriving (or the wish) matters here.
  }, [bodyWanted, choice.body, firstBody]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (building) return;
    // One body is chosen but none can be named yet: nothing to build until the bodies are listed.
    if (bodyWanted && !choice.body) return;
    change({});
    void onDownload(packRequests(dept.code, choice));
  };

  return (
    <form className="app-pack-form" onSubmit={submit} noValidate aria-labelledby="pack-heading">
      <h2 className="govuk-heading-m" id="pack-heading">
        Board pack
      </h2>
      <Select
        id="period"
        name="period"
        label={{ text: "Period", classes: "govuk-label--s" }}
        hint={{ text: "A quarter, or a whole financial year" }}
        items={periodOptions(latest, choice.period).map((o) => ({ value: o.address, text: o.text }))}
        value={periodChoiceToAddress(choice.period)}
        onChange={(event) => {
          const period = periodChoiceFromAddress(event.target.value);
          if (period) change({ period });
        }}
      />
      <Radios
        name="scope"
        idPrefix="scope"
        fieldset={{ legend: { text: "What the pack covers", classes: "govuk-fieldset__legend--s" } }}
        value={choice.body || bodyWanted ? "body" : "department"}
        onChange={(event) => {
          const body = event.target.value === "body" ? (lastBody.current ?? bodies.data?.[0]?.code ?? null) : null;
          setBodyWanted(event.target.value === "body" && body === null);
          change({ body });
        }}
        items={[
          { value: "department", text: `The whole department (${dept.name} and its bodies)` },
          { value: "body", text: "One body", conditional: { children: <PackBody bodies={bodies} chosen={choice.body} onChange={(body) => change({ body })} /> } },
        ]}
      />
      <Radios
        name="format"
        idPrefix="format"
        fieldset={{ legend: { text: "Format", classes: "govuk-fieldset__legend--s" } }}
        value={choice.format}
        onChange={(event) => change({ format: event.target.value as PackFormatChoice })}
        items={formats.map((f) => ({ value: f.value, text: f.text, hint: { text: f.hint } }))}
      />
      {/* While it is built the button stays focusable (aria-disabled, not disabled), so focus is not lost and the status below is read. */}
      <Button text="Download the board pack" type="submit" id="pack-download" attributes={building ? { "aria-disabled": "true", "aria-describedby": "pack-status" } : {}} />
      <PackStatus build={build} />
    </form>
  );
}

/** Under "One body": the body the pack covers, or why none can be chosen yet. */
function PackBody({ bodies, chosen, onChange }: { bodies: ReturnType<typeof useDepartmentBodies>; chosen: string | null; onChange: (body: string | null) => void }) {
  if (bodies.isError) return <p className="govuk-body">The bodies cannot be listed just now. Choose the whole department, or try again later.</p>;
  if (bodies.isPending && !chosen) {
    return (
      <p className="govuk-body" role="status" id="body-loading">
        Loading the department’s bodies…
      </p>
    );
  }
  if (bodies.data?.length === 0 && !chosen) return <p className="govuk-body">The department has no bodies to choose. Choose the whole department.</p>;
  const items = [
    ...(bodies.data ?? []).map((b) => ({ value: b.code, text: b.name })),
    // A body in a shared address that is not listed (yet, or at all) stays chosen; the API says why if it cannot be.
    ...(chosen && !bodies.data?.some((b) => b.code === chosen) ? [{ value: chosen, text: chosen }] : []),
  ];
  return <Select id="body" name="body" label={{ text: "Body" }} items={items} value={chosen ?? ""} onChange={(event) => onChange(event.target.value || null)} />;
}

function sizeOf(file: SavedFile): string {
  return `${file.fileName} (${formatFileSize(file.bytes)})`;
}

/** What the build is doing, announced politely; a moving bar while it runs. */
function PackStatus({ build }: { build: PackBuild }) {
  const text =
    build.state === "building"
      ? buildingText
      : build.state === "done"
        ? `Downloaded ${build.files.map(sizeOf).join(" and ")}`
        : build.state === "failed"
          ? "The board pack could not be made."
          : "";
  return (
    <div className="app-pack-status">
      {/* Always in the page, so the change of its words is announced (an aria-live region added with its words is often not). */}
      <p className={`govuk-body${build.state === "done" ? " govuk-!-font-weight-bold" : ""}`} role="status" aria-live="polite" id="pack-status">
        {text}
      </p>
      {build.state === "building" ? <progress className="app-pack-progress" aria-labelledby="pack-status" /> : null}
      {build.state === "done" ? (
        <p className="govuk-body">
          Not in your downloads?{" "}
          {build.files.map((f, i) => (
            <span key={f.url}>
              {i > 0 ? " and " : ""}
              <a className="govuk-link" href={f.url} download={f.fileName}>
                Save {f.fileName}
              </a>
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}
