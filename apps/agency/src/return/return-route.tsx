import { formatPeriodLabel, requirePeriod, transitions } from "@complaints/domain";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useParams } from "react-router";
import type { Me } from "../app/auth.tsx";
import { ServiceProblem } from "../app/auth.tsx";
import { api, errorCode } from "../app/trpc.ts";
import { NoAccessPage, NotFoundPage } from "../pages/not-found.tsx";
import { useDraft } from "./draft/use-draft.ts";
import { periodFromAddress, periodToAddress } from "@complaints/domain";
import { SectionPage } from "./section-page.tsx";
import { StartReturnPage, TaskListPage } from "./task-list-page.tsx";

const noServiceAreas: readonly { code: string; label: string }[] = [];

export interface ReturnPageContext {
  organisationCode: string;
  organisationName: string;
  serviceAreas: readonly { code: string; label: string }[];
  periodCode: string;
  periodLabel: string;
  /** `/DES-LIC1/returns/2026-27-q2`: the return's own address, which its pages extend. */
  base: string;
  /** The user may change this return now (a draft or returned return, and a role that edits). */
  editable: boolean;
  /** The user may read the body's case import (its complaints team and senior accountable officer), so its figures can link to their cases. */
  readsCases: boolean;
}

/**
 * `/{ORG}/returns/{PERIOD}/` and `/{ORG}/returns/{PERIOD}/{SECTION}` (issue 7, "Addresses"): a
 * period that is not a quarter's address, or a section the template does not have, is Page not
 * found; another body's return is "You do not have access", with none of its figures.
 */
export function ReturnRoute({ me }: { me: Me }) {
  const { organisationCode = "", period = "", section } = useParams();
  const periodCode = periodFromAddress(period);
  const [generation, setGeneration] = useState(0);
  if (!periodCode) return <NotFoundPage />;
  return <ReturnPages key={`${organisationCode} ${periodCode} ${generation}`} me={me} organisationCode={organisationCode} periodCode={periodCode} sectionId={section} onStarted={() => setGeneration((g) => g + 1)} />;
}

function ReturnPages({ me, organisationCode, periodCode, sectionId, onStarted }: { me: Me; organisationCode: string; periodCode: string; sectionId: string | undefined; onStarted(): void }) {
  const organisation = useQuery({ queryKey: ["organisations.get", organisationCode], queryFn: () => api.organisations.get.query({ code: organisationCode }) });
  const draft = useDraft(organisationCode, periodCode);
  const queryClient = useQueryClient();

  const orgCode = organisation.isError ? errorCode(organisation.error) : null;
  if (orgCode === "FORBIDDEN" || draft.status === "forbidden") return <NoAccessPage />;
  if (orgCode === "NOT_FOUND" || orgCode === "BAD_REQUEST") return <NotFoundPage />;
  if (organisation.isError || draft.status === "error") return <ServiceProblem />;
  if (organisation.isPending || draft.status === "loading") return <p className="govuk-body" role="status">Loading…</p>;

  const context: ReturnPageContext = {
    organisationCode,
    organisationName: organisation.data.name,
    serviceAreas: organisation.data.serviceAreas ?? noServiceAreas,
    periodCode,
    periodLabel: formatPeriodLabel(requirePeriod(periodCode)),
    base: `/${organisationCode}/returns/${periodToAddress(periodCode)}`,
    editable: Boolean(draft.revision && (transitions.save.from as readonly string[]).includes(draft.revision.status) && me.permissions.includes("returns.edit")),
    readsCases: me.permissions.includes("cases.read"),
  };

  if (draft.status === "not-found") {
    if (sectionId !== undefined) return <NotFoundPage />;
    return (
      <StartReturnPage
        context={context}
        canStart={me.permissions.includes("returns.edit")}
        onStarted={async () => {
          await queryClient.invalidateQueries();
          onStarted();
        }}
      />
    );
  }
  if (sectionId === undefined) return <TaskListPage context={context} draft={draft} />;
  const section = draft.template?.sections.find((s) => s.id === sectionId);
  if (!section) return <NotFoundPage />;
  return <SectionPage key={section.id} context={context} draft={draft} section={section} />;
}
