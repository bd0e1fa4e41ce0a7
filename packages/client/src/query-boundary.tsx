import { ErrorSummary } from "@complaints/ui";
import type { ReactNode } from "react";
import { NoAccessPage, NotFoundPage } from "./app-shell.tsx";
import { errorCode, errorMessage } from "./trpc.ts";

/** What QueryBoundary needs of a query's state (a react-query result). */
export interface QueryState<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T | undefined;
}

/** While the page's data is on its way: announced to screen readers as a status. */
export function Loading({ children = "Loading…" }: { children?: ReactNode }) {
  return (
    <p className="govuk-body" role="status">
      {children}
    </p>
  );
}

/** The GOV.UK "There is a problem with the service" page's content. */
export function ServiceProblem() {
  return (
    <>
      <h1 className="govuk-heading-l">Sorry, there is a problem with the service</h1>
      <p className="govuk-body">Try again later. Nothing you have saved is lost, and anything you have typed in a return is kept in this browser.</p>
    </>
  );
}

/** "The tracker could not be loaded. The service could not be reached…": a part of a page whose data did not come. */
export function LoadProblem({ what, error }: { what: string; error: unknown }) {
  return (
    <p className="govuk-body">
      {what} could not be loaded. {errorMessage(error)}
    </p>
  );
}

/** "There is a problem: The department totals cannot be shown: …": the page's main content did not come. */
export function ShowProblem({ what, error }: { what: string; error: unknown }) {
  return <ErrorSummary titleText="There is a problem" errorList={[{ text: `${what} cannot be shown: ${errorMessage(error)}` }]} />;
}

/** A refused read as a page: outside the user's scope "You do not have access", unknown or malformed "Page not found"; never the data. */
export function RefusedPage({ error, notFound, noAccess }: { error: unknown; notFound?: ReactNode; noAccess?: ReactNode }) {
  const code = errorCode(error);
  if (code === "FORBIDDEN") return <>{noAccess ?? <NoAccessPage />}</>;
  if (code === "NOT_FOUND" || code === "BAD_REQUEST") return <>{notFound ?? <NotFoundPage />}</>;
  return <ServiceProblem />;
}

export interface QueryBoundaryProps<T extends readonly unknown[]> {
  /** The queries the content needs, all answered before it shows. */
  queries: { readonly [K in keyof T]: QueryState<T[K]> };
  /** What shows while any is pending ("Loading…" unless said). */
  loading?: ReactNode;
  /**
   * What shows when one fails. Unless said, the page is refused as the API refused it ("You do not
   * have access", "Page not found") or the service has a problem.
   */
  problem?: (error: unknown) => ReactNode;
  /** For a part of a page: what it shows ("The submission tracker"), said to have not loaded when a query fails (LoadProblem). */
  what?: string;
  children: (...data: T) => ReactNode;
}

/**
 * The one way a page waits for its data: loading, then the content with every answer, or the
 * problem of the first query that failed. A failure counts before loading, so a refused page never
 * waits for the rest.
 */
export function QueryBoundary<T extends readonly unknown[]>({ queries, loading, problem, what, children }: QueryBoundaryProps<T>) {
  const all = queries as readonly QueryState<unknown>[];
  const failed = all.find((q) => q.isError);
  if (failed) {
    if (problem) return <>{problem(failed.error)}</>;
    return what === undefined ? <RefusedPage error={failed.error} /> : <LoadProblem what={what} error={failed.error} />;
  }
  if (all.some((q) => q.isPending)) return <>{loading ?? <Loading />}</>;
  return <>{children(...(all.map((q) => q.data) as unknown as T))}</>;
}
