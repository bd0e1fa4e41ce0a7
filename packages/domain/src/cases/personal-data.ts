/**
 * Columns that look like personal data are refused (data protection): the system stores
 * only a pseudonymised reference and coded fields, and a body should not send it anything else.
 * Headers are checked by their words; values of columns we do not read are sampled for email
 * addresses, telephone numbers and free text.
 */

const nameQualifiers = new Set(["first", "last", "full", "given", "family", "middle", "fore", "sur", "maiden", "complainant", "customer", "client", "contact", "person", "caller", "citizen", "claimant", "applicant", "representative", "patient"]);
const personalWords = new Set([
  "forename", "forenames", "surname", "firstname", "lastname", "fullname",
  "email", "e-mail", "mail", "phone", "telephone", "tel", "mobile", "landline",
  "address", "street", "postcode", "zip", "dob", "birth", "nino", "passport",
  "description", "details", "detail", "notes", "note", "comments", "comment", "narrative", "summary", "text", "freetext", "body", "message", "letter", "transcript",
]);
const personalPhrases = [/national\s*insurance/, /date\s*of\s*birth/, /free\s*text/];

function words(header: string): string[] {
  return header
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9-]+|(?<=[a-z])-(?=[a-z])/)
    .filter((w) => w.length > 0);
}

/** Why a header looks like personal data, or null. */
export function personalHeaderReason(header: string): string | null {
  const lower = header.toLowerCase();
  const list = words(header);
  if (personalPhrases.some((p) => p.test(lower))) return "its name says it holds personal details";
  for (const [i, w] of list.entries()) {
    if (personalWords.has(w)) {
      if (["email", "e-mail", "mail"].includes(w)) return "its name says it holds email addresses";
      if (["phone", "telephone", "tel", "mobile", "landline"].includes(w)) return "its name says it holds telephone numbers";
      if (["address", "street", "postcode", "zip"].includes(w)) return "its name says it holds addresses";
      if (["forename", "forenames", "surname", "firstname", "lastname", "fullname"].includes(w)) return "its name says it holds people's names";
      if (["dob", "birth", "nino", "passport"].includes(w)) return "its name says it holds personal details";
      return "its name says it holds free text, which can name or describe people";
    }
    if (w === "name" && (list.length === 1 || nameQualifiers.has(list[i - 1] ?? "") || nameQualifiers.has(list[i + 1] ?? ""))) return "its name says it holds people's names";
    if (w === "names") return "its name says it holds people's names";
  }
  return null;
}

const emailPattern = /[^\s@]+@[^\s@]+\.[a-z]{2,}/i;
const phonePattern = /^\(?(?:\+44\s?\(?0?\)?|0)\d[\d\s()-]{8,13}$/;

/** Why a sampled value looks like personal data, or null. */
export function personalValueReason(value: string): string | null {
  if (value.length === 0) return null;
  if (emailPattern.test(value)) return "it holds email addresses";
  if (phonePattern.test(value.trim())) return "it holds telephone numbers";
  if (value.length > 60 && value.split(/\s+/).length >= 8) return "it holds free text, which can name or describe people";
  return null;
}
