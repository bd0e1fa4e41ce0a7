/**
 * A period as the API takes it ("2026-27 Q2"), from a period code or its form in addresses
 * ("2026-27-q2", as in the agency app's addresses); anything else is passed on for the API to refuse.
 */
export function apiPeriodCode(text: string): string {
  const m = /^(\d{4}-\d{2})[ -]q([1-4])$/i.exec(text.trim());
  return m ? `${m[1]} Q${m[2]}` : text.trim();
}
