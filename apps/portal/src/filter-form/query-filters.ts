import type { FormEvent } from "react";
import { useSearchParams } from "react-router";

/**
 * A page's filters live in its query string (so a view can be shared), one parameter each,
 * empty ones left out. The filter form is a plain GET form, so it works before JavaScript runs too;
 * with it, applying the filters changes the address without reloading the page.
 */
export function useQueryFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((k) => [k, params.get(k)?.trim() ?? ""])) as Record<K, string>;
  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const k of keys) {
      const v = String(data.get(k) ?? "").trim();
      if (v !== "") next.set(k, v);
    }
    setParams(next);
  };
  const active = keys.filter((k) => values[k] !== "").length;
  return { values, apply, active, search: params.toString() };
}

/** A value from the query string if it is one of the choices; anything else is ignored (and said so). */
export function oneOf<T extends string>(value: string, choices: readonly T[]): T | undefined {
  return (choices as readonly string[]).includes(value) ? (value as T) : undefined;
}
