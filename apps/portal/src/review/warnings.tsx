import { SummaryList } from "@complaints/ui";
import type { ValidationResult } from "@complaints/domain";

/**
 * The return's validation warnings, each with the explanation the body wrote (they must explain
 * every warning before submitting), and any errors the checks find now (rules can change after a
 * return was sent).
 */
export function Warnings({ result, explanations }: { result: ValidationResult; explanations: Record<string, string> }) {
  if (result.warnings.length === 0 && result.errors.length === 0) return <p className="govuk-body">The checks found nothing unusual in this return.</p>;
  const unexplained = result.warnings.filter((w) => !explanations[w.id]?.trim()).length;
  return (
    <>
      {result.errors.length > 0 ? (
        <>
          <p className="govuk-body">
            The checks find {result.errors.length === 1 ? "a problem" : `${result.errors.length} problems`} in these figures now (the rules may have changed since the return was
            sent):
          </p>
          <ul className="govuk-list govuk-list--bullet" data-testid="validation-errors">
            {result.errors.map((e) => (
              <li key={e.id}>{e.message}</li>
            ))}
          </ul>
        </>
      ) : null}
      {result.warnings.length > 0 ? (
        <>
          <p className="govuk-body">
            {result.warnings.length === 1 ? "One figure is unusual" : `${result.warnings.length} figures are unusual`}. The body must explain each before it sends the return.
            {unexplained > 0
              ? ` ${unexplained === result.warnings.length && unexplained === 1 ? "It has" : `${unexplained} ${unexplained === 1 ? "has" : "have"}`} no explanation: the checks compare with the body's recent quarters, so a warning can appear after the return was sent.`
              : null}
          </p>
          <div data-testid="warnings">
            {result.warnings.map((w, i) => {
              const explanation = explanations[w.id]?.trim();
              return (
                <SummaryList
                  key={w.id}
                  card={{ title: { text: `Warning ${i + 1}`, headingLevel: 3 } }}
                  rows={[
                    { key: { text: "What the check found" }, value: { text: w.message } },
                    {
                      key: { text: "The body's explanation" },
                      value: explanation ? { children: <span className="app-reason">{explanation}</span> } : { children: <strong className="govuk-tag govuk-tag--red">Not explained</strong> },
                    },
                  ]}
                />
              );
            })}
          </div>
        </>
      ) : null}
    </>
  );
}
