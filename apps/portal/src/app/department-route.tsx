import { Loading, NoAccessPage, NotFoundPage, OrganisationGate, RequireSignIn, type Me, type Organisation } from "@complaints/client";
import { periodChoiceFromAddress, periodToAddress, type PeriodChoice } from "@complaints/domain";
import type { ReactNode } from "react";
import { Navigate, useParams } from "react-router";
import { useLatestQuarter } from "./periods.ts";

/** The department a department user acts for, or null for anyone else (a body's people use the agency app). */
export function departmentOf(me: Me): { code: string; name: string } | null {
  return me.organisation?.kind === "department" ? me.organisation : null;
}

/** What `{period}` in a department page's address may be, and what the page is given for it. */
interface PeriodKinds {
  /** No period in the address. */
  none: null;
  /** A quarter (`2026-27-q2`), as its period code (`2026-27 Q2`). */
  quarter: string;
  /** A financial year (`2025-26`). */
  year: string;
  /** Either: a quarter or a financial year. */
  choice: PeriodChoice;
}

/** What a department page is given: who is looking, the department, its period, and a body's code where the address names one (`{orgCode}`). */
export interface DepartmentPageProps<K extends keyof PeriodKinds = "none"> {
  me: Me;
  dept: Organisation;
  period: PeriodKinds[K];
  orgCode: string;
}

function periodOf(kind: keyof PeriodKinds, segment: string): PeriodKinds[keyof PeriodKinds] | undefined {
  if (kind === "none") return null;
  const choice = periodChoiceFromAddress(segment);
  if (kind === "choice") return choice ?? undefined;
  if (kind === "quarter") return choice?.kind === "quarter" ? choice.period : undefined;
  return choice?.kind === "year" ? choice.financialYear : undefined;
}

/**
 * The portal's one guard for a department's pages (`/portal/{deptCode}/…`): signed in (else to sign
 * in, and back afterwards), a department user, and the department in the user's scope: the API
 * decides. Outside it the page says "You do not have access" and shows nothing of the department; a
 * body's code, an unknown or malformed code, or a `{period}` that is not of the `period` kind the
 * page takes, is "Page not found".
 */
export function DepartmentRoute<K extends keyof PeriodKinds = "none">({ period: kind, children }: { period?: K; children: (page: DepartmentPageProps<K>) => ReactNode }) {
  const { deptCode = "", orgCode = "", period: segment = "" } = useParams();
  const period = periodOf(kind ?? "none", segment) as PeriodKinds[K] | undefined;
  return (
    <RequireSignIn>
      {(me) =>
        !departmentOf(me) ? (
          <NoAccessPage />
        ) : (
          <OrganisationGate code={deptCode} kind="department">
            {(dept) => (period === undefined ? <NotFoundPage /> : children({ me, dept, period, orgCode }))}
          </OrganisationGate>
        )
      }
    </RequireSignIn>
  );
}

/** `/portal/{DEPT}/tracker` and the like without a period: the department's latest quarter, query string kept. */
export function LatestQuarter({ dept, to }: { dept: Organisation; to: (period: string) => string }) {
  const latest = useLatestQuarter(dept.code);
  if (!latest) return <Loading />;
  return <Navigate to={`${to(periodToAddress(latest))}${window.location.search}`} replace />;
}
