import type { ReactNode } from "react";

/** A wide table scrolls sideways in its own focusable region on a narrow screen, not the whole page (app.css `.app-table-scroll`). */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="app-table-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
