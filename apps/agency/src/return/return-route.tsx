import { formatPeriodLabel, requirePeriod, transitions } from "@complaints/domain";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useParams } from "react-router";
import { Loading, NoAccessPage, NotFoundPage, ServiceProblem } from "@complaints/client";
import type { QuarterPageProps } from "../app/body-route.tsx";
import { useDraft } from "./draft/use-draft.ts";
import { periodToAddress } from "@complaints/domain";
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
 * `/{ORG}/returns/{PERIOD}/` and `/{ORG}/returns/{PERIOD}/{SECTION}` (fixed addresses people bookmark): a
 * section the template does not have is Page not found; another body's return is "You do not have
 * access", with none of its figures (the body and the quarter are checked by BodyRoute).
 */
export function ReturnRoute(props: QuarterPageProps) {
  const { section } = useParams();
  const [generation, setGeneration] = useState(0);
  return <ReturnPages key={generation} {...props} sectionId={section} onStarted={() => setGeneration((g) => g + 1)} />;
}

function ReturnPages({ me, org: organisation, period: periodCode, sectionId, onStarted }: QuarterPageProps & { sectionId: string | undefined; onStarted(): void }) {
  const organisationCode = organisation.code;
  const draft = useDraft(organisationCode, periodCode);
  const queryClient = useQueryClient();

  if (draft.status === "forbidden") return <NoAccessPage />;
  if (draft.status === "error") return <ServiceProblem />;
  if (draft.status === "loading") return <Loading />;

  const context: ReturnPageContext = {
    organisationCode,
    organisationName: organisation.name,
    serviceAreas: organisation.serviceAreas ?? noServiceAreas,
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
