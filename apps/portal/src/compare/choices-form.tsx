import { Button } from "@complaints/ui";
import { FilterCheckboxes } from "../filter-form/filter-fields.tsx";
import { memo, type FormEvent } from "react";
import type { MeasureInfo } from "./rows.ts";
import { bodyTypeText } from "./rows.ts";
import { typeToParam } from "./view.ts";

export interface Choice {
  types: string[];
  measures: string[];
  counts: boolean;
}

/**
 * "Change what the table shows": body types (the filter), measures (the columns) and the counts,
 * applied together into the address. Memoised on what it shows, so sorting the table (a new
 * address each time) does not render it again; `onApply` gets null when no measure is ticked.
 */
export const ChoicesForm = memo(function ChoicesForm({
  types,
  measures,
  chosenTypes,
  chosenMeasures,
  counts,
  problem,
  onApply,
}: {
  types: readonly string[];
  measures: readonly MeasureInfo[];
  /** "|"-joined, so equal choices compare equal. */
  chosenTypes: string;
  /** ","-joined. */
  chosenMeasures: string;
  counts: boolean;
  problem: string | null;
  onApply: (choice: Choice | null) => void;
}) {
  const typeList = chosenTypes ? chosenTypes.split("|") : [];
  const measureList = chosenMeasures.split(",");
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const ticked = form.getAll("measures").map(String);
    const typesTicked = form.getAll("type").map(String);
    onApply(
      ticked.length === 0
        ? null
        : { types: types.filter((t) => typesTicked.includes(typeToParam(t))), measures: measures.map((m) => m.id).filter((m) => ticked.includes(m)), counts: form.get("counts") === "yes" },
    );
  };
  return (
    // Keyed by what it shows, so back and forward reset its boxes.
    <form className="app-compare__choices" onSubmit={submit} key={`${chosenTypes} ${chosenMeasures} ${counts}`} noValidate>
      <h2 className="govuk-heading-m">Change what the table shows</h2>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <FilterCheckboxes
            name="type"
            legend="Body type"
            hint={{ text: "Leave all unticked to show every type." }}
            items={types.map((t) => ({ value: typeToParam(t), text: bodyTypeText(t), checked: typeList.includes(t) }))}
          />
          <FilterCheckboxes
            name="counts"
            legend="Counts"
            items={[{ value: "yes", text: "Show numerators and denominators", checked: counts }]}
          />
        </div>
        <div className="govuk-grid-column-two-thirds">
          <FilterCheckboxes
            name="measures"
            legend="Measures"
            hint={{ text: "Each measure you tick is a column of the table." }}
            errorMessage={problem ? { text: problem } : false}
            items={measures.map((m) => ({ value: m.id, text: m.label, checked: measureList.includes(m.id) }))}
          />
        </div>
      </div>
      <Button text="Apply" type="submit" />
    </form>
  );
});
