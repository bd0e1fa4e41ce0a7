import { caseColumnDescriptions, caseColumnLabels, caseColumns, caseMappingSchema, codedCaseColumns, plural, type CaseColumn, type CodedCaseColumn } from "@complaints/domain";
import { Button, Fieldset, FileUpload, Input, Select } from "@complaints/ui";
import { useState, type FormEvent } from "react";
import { api, errorData, errorMessage, type Organisation } from "@complaints/client";
import { readCsvSample, sampleBytes, type CsvSample } from "./csv-sample.ts";
import { formatBytes } from "./chunked-upload.ts";
import { isRequiredColumn, mappingFromChoices, matchingHeaders, missingRequiredColumns, ourCodes, suggestedCode, unmatchedValues } from "./mapping-draft.ts";

/** A problem as the settings page shows it: its message, and the field its summary link goes to. */
export interface FieldError {
  href: string;
  message: string;
}

type ColumnChoice = Partial<Record<CaseColumn, string>>;
type CodeChoice = Partial<Record<CodedCaseColumn, Record<string, string>>>;

const columnId = (column: CaseColumn) => `column-${column}`;
/** "the case reference": a column's name inside a sentence. */
const columnInSentence = (column: CaseColumn) => `the ${caseColumnLabels[column].charAt(0).toLowerCase()}${caseColumnLabels[column].slice(1)}`;
/** Errors about the chosen file and the columns read from it: a new file answers them, so they go once one is chosen. */
export const fileErrorHrefs = (href: string) => href === "#sample-file" || href.startsWith("#column-");
const codeId = (column: CodedCaseColumn, index: number) => `code-${column}-${index}`;

/**
 * Making a mapping from the person's own export: the browser reads its start, offers its headers
 * for each of our columns (matching names chosen already) and, for each coded column, the values
 * that are not our codes, each with our codes to choose from.
 */
export function MappingForm({ org, errors, onFileChosen, onSaved, onInvalid }: { org: Organisation; errors: FieldError[]; onFileChosen(): void; onSaved(name: string): void; onInvalid(errors: FieldError[]): void }) {
  const choices = useMappingChoices((org.serviceAreas ?? []).map((a) => a.code), onFileChosen);
  const { sample, columns } = choices;
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const errorFor = (id: string) => {
    const found = errors.find((e) => e.href === `#${id}`);
    return found ? { text: found.message } : false;
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!sample) return onInvalid([{ href: "#sample-file", message: choices.fileProblem ?? "Select an export from your case system" }]);
    const chosenCodes: CodeChoice = {};
    for (const { column, values } of choices.codedValues) chosenCodes[column] = Object.fromEntries(values.map((v) => [v, choices.chosenCode(column, v)]));
    const mapping = mappingFromChoices({ name, columns, codes: chosenCodes });
    const problems = mappingProblems(columns, mapping);
    if (problems.length > 0) return onInvalid(problems);
    setBusy(true);
    try {
      await api.cases.saveMapping.mutate({ organisationCode: org.code, mapping });
      onSaved(mapping.name);
    } catch (error) {
      const issues = errorData(error).issues;
      onInvalid(issues && issues.length > 0 ? issues.map((i) => ({ href: i.field.startsWith("mapping.name") || i.field === "name" ? "#mapping-name" : "#sample-file", message: i.message })) : [{ href: "#sample-file", message: errorMessage(error) }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form noValidate onSubmit={(e) => void onSubmit(e)} className="app-case-mapping">
      <h2 className="govuk-heading-m">Add a mapping</h2>
      <p className="govuk-body">
        If your case system's export names its columns or codes differently, choose the export here and say which of its columns and codes mean ours. Only the first {formatBytes(sampleBytes)}{" "}
        of the file is read, in your browser: nothing is uploaded until you upload the case file itself.
      </p>
      <FileUpload
        name="sampleFile"
        id="sample-file"
        label={{ text: "Choose an export from your case system", classes: "govuk-label--s" }}
        hint={{ text: "A CSV file with a header row." }}
        accept=".csv,text/csv"
        errorMessage={choices.fileProblem ? { text: choices.fileProblem } : errorFor("sample-file")}
        onChange={(event) => void choices.onChoose(event.currentTarget.files?.[0] ?? null)}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            event.currentTarget.click();
          }
        }}
      />
      {sample ? (
        <>
          <p className="govuk-body" role="status">
            The file's header names {plural(sample.headers.length, "column")}; {plural(sample.rows.length, "row")} {sample.whole ? "read" : "read from its start"}.
          </p>
          <ColumnChoices sample={sample} columns={columns} setColumns={choices.setColumns} errorFor={errorFor} />
          <CodeChoices choices={choices} />
        </>
      ) : null}
      <Input
        id="mapping-name"
        name="mappingName"
        label={{ text: "Name for this mapping", classes: "govuk-label--s" }}
        hint={{ text: "For example, the name of your case system. A mapping with the same name is replaced." }}
        classes="govuk-!-width-two-thirds"
        spellcheck={false}
        value={name}
        errorMessage={errorFor("mapping-name")}
        onChange={(event) => setName(event.currentTarget.value)}
      />
      <Button text="Save mapping" type="submit" attributes={busy ? { "aria-disabled": "true" } : undefined} />
    </form>
  );
}

/** What the browser finds wrong before sending: a required column not chosen, a name the schema refuses. */
function mappingProblems(columns: ColumnChoice, mapping: ReturnType<typeof mappingFromChoices>): FieldError[] {
  const problems: FieldError[] = missingRequiredColumns(columns).map((column) => ({ href: `#${columnId(column)}`, message: `Select the column of your file that holds ${columnInSentence(column)}` }));
  const parsed = caseMappingSchema.safeParse(mapping);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.path[0] === "name") problems.push({ href: "#mapping-name", message: issue.message });
    }
  }
  return problems;
}

type MappingChoices = ReturnType<typeof useMappingChoices>;

/** The export read so far and what the person has chosen for it: a header for each of our columns, a code for each of its values. */
function useMappingChoices(serviceAreaCodes: readonly string[], onFileChosen: () => void) {
  const [sample, setSample] = useState<CsvSample | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [columns, setColumns] = useState<ColumnChoice>({});
  const [codes, setCodes] = useState<CodeChoice>({});

  async function onChoose(file: File | null) {
    setSample(null);
    setFileProblem(null);
    if (!file) return;
    onFileChosen();
    try {
      const read = await readCsvSample(file);
      if (read.headers.length === 0 || read.headers.every((h) => h === "")) {
        setFileProblem("The selected file has no header row: its first line must name the columns");
        return;
      }
      setSample(read);
      setColumns(matchingHeaders(read.headers));
      setCodes({});
    } catch {
      setFileProblem("The selected file could not be read. Choose it again");
    }
  }

  /** The values shown for each coded column (from the header chosen for it), with the codes already chosen for them. */
  const codedValues = sample
    ? codedCaseColumns.flatMap((column) => {
        const header = columns[column];
        const index = header ? sample.headers.indexOf(header) : -1;
        if (index < 0) return [];
        const found = unmatchedValues(sample.rows, index, column, ourCodes(column, serviceAreaCodes));
        return found.values.length > 0 ? [{ column, header: header!, ...found }] : [];
      })
    : [];
  const chosenCode = (column: CodedCaseColumn, value: string) => codes[column]?.[value] ?? suggestedCode(value, ourCodes(column, serviceAreaCodes)) ?? "";
  const chooseCode = (column: CodedCaseColumn, value: string, code: string) => setCodes({ ...codes, [column]: { ...codes[column], [value]: code } });

  return { sample, fileProblem, columns, setColumns, codedValues, chosenCode, chooseCode, serviceAreaCodes, onChoose };
}

/** For each of our columns, which of the file's headers holds it. */
function ColumnChoices({ sample, columns, setColumns, errorFor }: { sample: CsvSample; columns: ColumnChoice; setColumns(columns: ColumnChoice): void; errorFor(id: string): { text: string } | false }) {
  return (
    <Fieldset legend={{ text: "Which of your columns holds each of ours", classes: "govuk-fieldset__legend--s" }}>
      {caseColumns.map((column) => (
        <Select
          key={column}
          id={columnId(column)}
          name={columnId(column)}
          label={{ text: isRequiredColumn(column) ? caseColumnLabels[column] : `${caseColumnLabels[column]} (optional)`, classes: "govuk-label--s" }}
          hint={{ text: `Holds ${caseColumnDescriptions[column]}.` }}
          errorMessage={errorFor(columnId(column))}
          items={[{ value: "", text: isRequiredColumn(column) ? "Choose a column" : "Not in my file" }, ...sample.headers.filter((h) => h !== "").map((h) => ({ value: h, text: h }))]}
          value={columns[column] ?? ""}
          onChange={(event) => setColumns({ ...columns, [column]: event.currentTarget.value })}
        />
      ))}
    </Fieldset>
  );
}

/** For each coded column, the file's values that are not our codes, each with our codes to choose from. */
function CodeChoices({ choices }: { choices: MappingChoices }) {
  if (choices.codedValues.length === 0) return <p className="govuk-body">Every code in the part of the file read is one of ours.</p>;
  return (
    <>
      <h3 className="govuk-heading-s">Codes</h3>
      <p className="govuk-body">These values in your file are not our codes. Choose the code each one means. A value left unmatched is reported as a problem when you upload the file.</p>
      {choices.codedValues.map(({ column, header, values, more }) => (
        <Fieldset key={column} legend={{ text: `Values in “${header}” (${columnInSentence(column).replace(/^the /, "our ")})`, classes: "govuk-fieldset__legend--s" }}>
          {values.map((value, index) => (
            <Select
              key={value}
              id={codeId(column, index)}
              name={codeId(column, index)}
              label={{ text: `“${value}” means` }}
              items={[{ value: "", text: "Not one of ours" }, ...ourCodes(column, choices.serviceAreaCodes).map((code) => ({ value: code, text: code }))]}
              value={choices.chosenCode(column, value)}
              onChange={(event) => choices.chooseCode(column, value, event.currentTarget.value)}
            />
          ))}
          {more > 0 ? <p className="govuk-body">and {plural(more, "more value", "more values")}, fewer times each: if these are codes, match the most common first and upload to see the rest.</p> : null}
        </Fieldset>
      ))}
    </>
  );
}
