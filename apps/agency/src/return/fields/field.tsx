import type { FieldDeclaration, FieldType } from "@complaints/domain";
import type { ComponentType } from "react";
import { ChoiceField } from "./choice-field.tsx";
import { DateField } from "./date-field.tsx";
import type { FieldProps } from "./field-props.tsx";
import { NumberField } from "./number-field.tsx";
import { TextField } from "./text-field.tsx";

/** The component for each field type: a new type needs an entry here, never a field id. */
export const fieldComponents: Record<FieldType, ComponentType<FieldProps>> = {
  count: NumberField,
  money: NumberField,
  fte: NumberField,
  date: DateField,
  text: TextField,
  choice: ChoiceField,
};

/** Types where "I cannot give a figure" ([x] / [z] with a note) is offered for a required field. */
export const markerTypes: ReadonlySet<FieldType> = new Set(["count", "money", "fte", "date"]);

/** The id of a field's first input, which its error links and focus go to: a date input's day. */
export function inputIdOf(field: FieldDeclaration): string {
  return field.type === "date" ? `${field.id}-day` : field.id;
}

export function Field(props: FieldProps) {
  const Component = fieldComponents[props.field.type];
  return <Component {...props} />;
}
