import { actionThemes } from "@complaints/domain";
import { Button, Checkboxes, Link, Select, type CheckboxesProps } from "@complaints/ui";
import type { useDepartmentBodies } from "../app/department-bodies.ts";

/**
 * Ticked choices that narrow what a page shows (the tracker's filters, the compare page's choices):
 * small checkboxes under a small legend, the name doubling as the id prefix.
 */
export function FilterCheckboxes({ legend, ...props }: Omit<CheckboxesProps, "idPrefix" | "classes" | "fieldset"> & { legend: string }) {
  return <Checkboxes {...props} idPrefix={props.name} classes="govuk-checkboxes--small" fieldset={{ legend: { text: legend, classes: "govuk-fieldset__legend--s" } }} />;
}

/**
 * The department's bodies to filter by (`?body=`). A body in a shared address that is not listed
 * (yet, or at all) stays chosen, so the filter shown is the one applied.
 */
export function BodyFilter({ bodies, value }: { bodies: ReturnType<typeof useDepartmentBodies>; value: string }) {
  const unlisted = value && bodies.data && !bodies.data.some((b) => b.code === value) ? [{ value, text: value }] : [];
  return <Select id="body" name="body" label={{ text: "Body" }} value={value} items={[{ value: "", text: "All bodies" }, ...(bodies.data ?? []).map((b) => ({ value: b.code, text: b.name })), ...unlisted]} />;
}

/** The themes of learning actions to filter by (`?theme=`). */
export function ThemeFilter({ value }: { value: string }) {
  return <Select id="theme" name="theme" label={{ text: "Theme" }} value={value} items={[{ value: "", text: "All themes" }, ...actionThemes.map((t) => ({ value: t.code, text: t.label }))]} />;
}

/** Under a filter form: the button that applies it and, while a filter is applied, the link that clears them. */
export function FilterActions({ submitText, clear }: { submitText: string; clear: { href: string; text: string } | null }) {
  return (
    <div className="app-filter__actions">
      <Button type="submit" text={submitText} preventDoubleClick />
      {clear ? (
        <p className="govuk-body">
          <Link className="govuk-link" href={clear.href}>
            {clear.text}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
