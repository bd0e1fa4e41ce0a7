import { useEffect } from "react";

export const serviceName = "Department portal";

/** Sets the document title as GOV.UK pages do: "Page – Service – GOV.UK" less GOV.UK, "Error: " first when the page shows errors. */
export function usePageTitle(title: string, hasErrors = false): void {
  useEffect(() => {
    document.title = `${hasErrors ? "Error: " : ""}${title} – ${serviceName}`;
  }, [title, hasErrors]);
}
