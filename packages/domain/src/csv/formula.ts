/**
 * Text a spreadsheet could run as a formula when it opens a CSV file. OWASP "CSV Injection"
 * (owasp.org/www-community/attacks/CSV_Injection) lists cells starting with =, +, -, @, tab and
 * carriage return. The full-width ＝ ＋ － ＠ are refused too, as a precaution: spreadsheets with East
 * Asian input settings convert them to their ASCII forms as they are typed.
 */
const formulaStart = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

export function startsLikeFormula(text: string): boolean {
  return formulaStart.test(text);
}

/** The cell text that keeps formula-like text as text: a leading apostrophe (OWASP). */
export function neutraliseFormula(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}
