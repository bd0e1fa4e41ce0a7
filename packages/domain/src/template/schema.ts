import { z } from "zod";
import type { ServiceArea } from "../organisations.ts";
import { storableTextProblem } from "../storable-text.ts";
import { isoDateSchema } from "../calendar.ts";
import type { FieldDeclaration, TemplateDeclaration } from "./declaration.ts";
import { templateFields } from "./fields.ts";

const marker = z.enum(["[x]", "[z]"]);

/** The zod schema of one field's value, derived from its declaration. Blank is null. */
export function fieldValueSchema(field: FieldDeclaration): z.ZodType<number | string | null> {
  const name = `‘${field.label}’`;
  let value: z.ZodType<number | string>;
  switch (field.type) {
    case "count":
      value = z
        .number({ error: `${name} must be a whole number` })
        .int(`${name} must be a whole number`)
        .min(0, `${name} cannot be negative`)
        .max(1e12, `${name} is too large`);
      break;
    case "money":
      // Held in pence, so a whole number.
      value = z
        .number({ error: `${name} must be an amount of money` })
        .int(`${name} must be held in whole pence`)
        .min(0, `${name} cannot be negative`)
        .max(1e15, `${name} is too large`);
      break;
    case "fte":
      value = z
        .number({ error: `${name} must be a number` })
        .min(0, `${name} cannot be negative`)
        .max(1e6, `${name} is too large`)
        .refine((n) => Math.abs(n * 10 - Math.round(n * 10)) < 1e-9, `${name} has at most one decimal place`);
      break;
    case "date":
      value = isoDateSchema;
      break;
    case "choice":
      value = z.enum((field.choices ?? []).map((c) => c.value) as [string, ...string[]], {
        error: `${name} must be one of: ${(field.choices ?? []).map((c) => c.label).join(", ")}`,
      });
      break;
    case "text":
      // Trimmed, so text survives an export and import unchanged.
      value = z
        .string()
        .trim()
        .max(field.maxLength ?? 5000, `${name} must be ${field.maxLength ?? 5000} characters or fewer`)
        .superRefine((text, ctx) => {
          const problem = storableTextProblem(text);
          if (problem) ctx.addIssue({ code: "custom", message: `${name} ${problem}` });
        });
      break;
  }
  return z.union([marker, value, z.null()], { error: `${name}: ${describeType(field)}` }) as z.ZodType<number | string | null>;
}

function describeType(field: FieldDeclaration): string {
  switch (field.type) {
    case "count":
      return "enter a whole number, [x] if not available or [z] if not applicable";
    case "money":
      return "enter an amount in pence, [x] or [z]";
    case "fte":
      return "enter a number with at most one decimal place, [x] or [z]";
    case "date":
      return "enter a date as YYYY-MM-DD, [x] or [z]";
    case "choice":
      return `enter one of ${(field.choices ?? []).map((c) => c.value).join(", ")}`;
    case "text":
      return "enter text";
  }
}

/**
 * The schema of a return's values for one body: one optional key per field (breakdowns expanded),
 * unknown keys refused. Derived from the declaration, never written a second time.
 */
export function returnValuesSchema(template: TemplateDeclaration, serviceAreas: readonly ServiceArea[] = []) {
  const shape: Record<string, z.ZodOptional<z.ZodType<number | string | null>>> = {};
  for (const field of templateFields(template, serviceAreas)) shape[field.id] = fieldValueSchema(field).optional();
  return z.strictObject(shape, { error: (issue) => (issue.code === "unrecognized_keys" ? `Not a field of this return: ${issue.keys.join(", ")}` : undefined) });
}
