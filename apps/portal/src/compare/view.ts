/**
 * What the compare table shows, as its query string (filters, sort order and chosen
 * columns live in the query string, so a view can be shared):
 * `?sort=within_timescale-desc&type=executive-agency&type=public-corporation&measures=a,b&counts=yes`.
 * Anything unreadable falls back to the default rather than failing: a shared address stays usable.
 */
export interface CompareView {
  sort: { id: string; desc: boolean } | null;
  /** Body types shown, as written in the data ("executive agency"); empty shows every type. */
  types: string[];
  /** Measures shown as columns, in the measures' own order. */
  measures: string[];
  counts: boolean;
}

/** The measures shown when the address names none: the headline ones (DESIGN.md section 3). */
export const defaultMeasures = ["within_timescale", "something_went_wrong", "escalation_rate", "complaints_per_10000"] as const;

/** `executive agency` → `executive-agency` in addresses; read back by matching the known types (some have hyphens of their own). */
export const typeToParam = (type: string) => type.replace(/ /g, "-");

export function readView(params: URLSearchParams, known: { measures: readonly string[]; types: readonly string[]; columns: readonly string[] }): CompareView {
  const sortParam = params.get("sort") ?? "";
  const cut = sortParam.lastIndexOf("-");
  const id = cut > 0 ? sortParam.slice(0, cut) : "";
  const direction = cut > 0 ? sortParam.slice(cut + 1) : "";
  const sort = known.columns.includes(id) && (direction === "asc" || direction === "desc") ? { id, desc: direction === "desc" } : null;
  const asParams = params.getAll("type");
  const types = known.types.filter((t) => asParams.includes(typeToParam(t)));
  const asked = (params.get("measures") ?? "").split(",").filter((m) => known.measures.includes(m));
  const measures = asked.length > 0 ? known.measures.filter((m) => asked.includes(m)) : known.measures.filter((m) => (defaultMeasures as readonly string[]).includes(m));
  return { sort, types, measures, counts: params.get("counts") === "yes" };
}

/** The query string of a view; defaults are left out, so the plain address is the default view. */
export function writeView(view: CompareView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.sort) params.set("sort", `${view.sort.id}-${view.sort.desc ? "desc" : "asc"}`);
  for (const t of view.types) params.append("type", typeToParam(t));
  const isDefault = view.measures.length === defaultMeasures.length && view.measures.every((m) => (defaultMeasures as readonly string[]).includes(m));
  if (!isDefault) params.set("measures", view.measures.join(","));
  if (view.counts) params.set("counts", "yes");
  return params;
}
