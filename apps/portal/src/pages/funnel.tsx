import { useQuery } from "@tanstack/react-query";
import { Button, Checkboxes, Details, FunnelChart, Link, Select } from "@complaints/ui";
import { formatOneDecimal, measureValueFormat, oversightMeasures, periodChoiceFromAddress, periodChoiceInput, periodChoiceSpan, periodChoiceToAddress, periodOptions, type PeriodChoice } from "@complaints/domain";
import type { FormEvent } from "react";
import { useLocation, useNavigate, useParams, useSearchParams } from "react-router";
import { errorMessage, NotFoundPage, procedureQuery, QueryBoundary, usePageTitle, type Organisation, type QueryOutput } from "@complaints/client";
import { useLatestQuarter } from "../app/periods.ts";
import { denominatorWords, funnelAddress, funnelMeasures } from "../funnel/choices.ts";
import { OutsideTheLimits } from "../funnel/outliers.tsx";

type Funnel = QueryOutput<"metrics.funnel">;

/** The choices as a form: measure, period, adjustment; "Show" puts them in the address. */
function FunnelForm({ dept, choice, measure, adjusted, log }: { dept: Organisation; choice: PeriodChoice; measure: string; adjusted: boolean; log: boolean }) {
  const navigate = useNavigate();
  const latest = useLatestQuarter(dept.code);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next = periodChoiceFromAddress(String(data.get("period") ?? "")) ?? choice;
    void navigate(funnelAddress(dept.code, next, String(data.get("measure") ?? measure), { adjusted: data.get("adjusted") === "yes", log: data.get("scale") === "log" }).slice("/portal".length));
  };
  return (
    <form onSubmit={onSubmit} noValidate className="app-funnel-form">
      <Select id="measure" name="measure" label={{ text: "Measure" }} value={measure} items={funnelMeasures.map((m) => ({ value: m.id, text: m.label }))} />
      <Select id="period" name="period" label={{ text: "Quarter or financial year" }} value={periodChoiceToAddress(choice)} items={periodOptions(latest, choice).map((o) => ({ value: o.address, text: o.text }))} />
      <Checkboxes
        name="adjusted"
        idPrefix="adjusted"
        classes="govuk-checkboxes--small"
        items={[{ value: "yes", text: "Adjust the limits for over-dispersion", checked: adjusted, hint: { text: "Widens the limits when bodies differ more than chance alone would give." } }]}
      />
      <Checkboxes
        name="scale"
        idPrefix="scale"
        classes="govuk-checkboxes--small"
        items={[{ value: "log", text: "Show sizes on a logarithmic scale", checked: log, hint: { text: "Spreads out the smaller bodies when sizes differ a lot." } }]}
      />
      <Button text="Show" type="submit" />
    </form>
  );
}

/** What over-dispersion is, and what φ and τ² are for this plot, in words. */
function Overdispersion({ adjusted, withAdjustment }: { adjusted: boolean; withAdjustment: Funnel | undefined }) {
  const od = withAdjustment?.overdispersion ?? null;
  const phi = od?.phi ?? null;
  const finding =
    od === null || phi === null
      ? null
      : od.tau2 > 0
        ? `For these bodies, φ (the dispersion ratio) is ${formatOneDecimal(phi)}: they vary about ${formatOneDecimal(phi)} times as much as chance alone would give. The between-body variance τ² is ${od.tau2.toPrecision(3)} on the arcsine square-root scale; ${adjusted ? "it is added to each body's own variance, which widens the limits shown." : "adjusting would add it to each body's own variance and widen the limits."}`
        : `For these bodies, φ (the dispersion ratio) is ${formatOneDecimal(phi)}: they vary no more than chance would give, so adjusting does not change the limits.`;
  return (
    <Details summaryText="What the limits and the adjustment mean">
      <p className="govuk-body">
        The limits show how far a body's figure could be from the department average by chance alone, given how many it counted: small bodies can be further away than large ones, so the limits form a funnel. If chance were the only difference, about 1 body in 20 would fall outside the 95% limits and about 1 in 500 outside the 99.8% limits.
      </p>
      <p className="govuk-body">
        Bodies often differ for reasons other than chance, such as the kinds of case they deal with. Then many bodies fall outside the limits (over-dispersion). Adjusting for over-dispersion widens the limits by how much the bodies differ from each other, so only bodies that stand out from that spread are flagged (Spiegelhalter, 2005).
      </p>
      {finding ? <p className="govuk-body">{finding}</p> : null}
    </Details>
  );
}

/** `/portal/{DEPT}/funnel/{PERIOD}/{MEASURE}`: a proportion measure across the department's bodies, with 95% and 99.8% limits as curves. */
export function FunnelPage({ dept, choice }: { dept: Organisation; choice: PeriodChoice }) {
  const { measure = "" } = useParams();
  const [search] = useSearchParams();
  const location = useLocation();
  const adjusted = search.get("adjusted") === "yes";
  const log = search.get("scale") === "log";
  const declared = oversightMeasures.find((m) => m.id === measure);
  const isProportion = declared?.kind === "proportion";
  const label = periodChoiceSpan(choice);
  const input = { departmentCode: dept.code, measure, ...periodChoiceInput(choice) };
  const plain = useQuery({ ...procedureQuery("metrics.funnel", { ...input, overdispersion: false }), enabled: isProportion });
  const withAdjustment = useQuery({ ...procedureQuery("metrics.funnel", { ...input, overdispersion: true }), enabled: isProportion });
  const shown = adjusted ? withAdjustment : plain;
  usePageTitle(declared ? `Funnel plot: ${declared.label}, ${label}` : "Page not found");

  if (!declared) return <NotFoundPage />;
  const heading = (
    <>
      <span className="govuk-caption-l">
        {dept.name}: {label}
      </span>
      <h1 className="govuk-heading-l">Funnel plot: {declared.label}</h1>
    </>
  );
  const form = <FunnelForm key={location.pathname + location.search} dept={dept} choice={choice} measure={isProportion ? measure : (funnelMeasures[0]?.id ?? "")} adjusted={adjusted} log={log} />;
  if (!isProportion) {
    return (
      <>
        {heading}
        <NoFunnelPlot dept={dept} choice={choice} measure={declared} />
        {form}
      </>
    );
  }
  return (
    <>
      {heading}
      {form}
      <QueryBoundary queries={[shown]} problem={(error) => <p className="govuk-body">{errorMessage(error)}</p>}>
        {(data) => <FunnelResults dept={dept} choice={choice} measure={declared} data={data} withAdjustment={withAdjustment.data} adjusted={adjusted} log={log} />}
      </QueryBoundary>
    </>
  );
}

type OversightMeasure = (typeof oversightMeasures)[number];

/** A measure that is not a proportion (an average, a rate) has no funnel plot: say so and point to the comparison. */
function NoFunnelPlot({ dept, choice, measure }: { dept: Organisation; choice: PeriodChoice; measure: OversightMeasure }) {
  return (
    <p className="govuk-body">
      A funnel plot compares a proportion across bodies of different sizes. ‘{measure.label}’ is {measure.kind === "mean" ? "an average" : "a rate per 10,000"}, so it has no funnel plot. Choose a proportion, or{" "}
      <Link className="govuk-link" href={`/portal/${dept.code}/compare/${periodChoiceToAddress(choice)}`}>
        compare bodies on every measure
      </Link>
      .
    </p>
  );
}

/** The plot of the bodies that could be plotted, the ones outside its limits beside it, and those left out. */
function FunnelResults({ dept, choice, measure, data, withAdjustment, adjusted, log }: { dept: Organisation; choice: PeriodChoice; measure: OversightMeasure; data: Funnel; withAdjustment: Funnel | undefined; adjusted: boolean; log: boolean }) {
  const unit = denominatorWords(measure.id);
  return (
    <>
      <p className="govuk-body">
        {data.bodies.included} of {data.bodies.expected} bodies expected {choice.kind === "quarter" ? "this quarter" : "this year"} are plotted. {adjusted ? "The limits are adjusted for over-dispersion." : "The limits are not adjusted for over-dispersion."}
      </p>
      <Overdispersion adjusted={adjusted} withAdjustment={withAdjustment} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds-from-desktop">
          <FunnelChart
            title={`${measure.label}, ${periodChoiceSpan(choice)}${adjusted ? ", adjusted for over-dispersion" : ""}`}
            headingLevel={2}
            pooledProportion={data.pooledProportion}
            points={data.points}
            curve={data.curve}
            overdispersion={data.overdispersion}
            denominatorLabel={unit}
            format={measureValueFormat(measure)}
            formatRatio={formatOneDecimal}
            xScale={log ? "log" : "linear"}
            renderName={(p) => (
              <Link className="govuk-link" href={`/portal/${dept.code}/bodies/${p.organisationCode}`}>
                {p.name}
              </Link>
            )}
          />
        </div>
        <div className="govuk-grid-column-one-third-from-desktop">
          <OutsideTheLimits dept={dept.code} points={data.points} unit={unit} measure={measure} />
        </div>
      </div>
      <BodiesNotPlotted excluded={data.excluded} />
    </>
  );
}

function BodiesNotPlotted({ excluded }: { excluded: Funnel["excluded"] }) {
  if (excluded.length === 0) return null;
  return (
    <>
      <h2 className="govuk-heading-m">Bodies not plotted</h2>
      <ul className="govuk-list govuk-list--bullet">
        {excluded.map((e) => (
          <li key={e.organisationCode}>
            {e.name}: {e.reason}
          </li>
        ))}
      </ul>
    </>
  );
}
