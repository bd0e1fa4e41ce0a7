import { Route } from "react-router";
import { BodyRoute } from "../app/body-route.tsx";
import { CasesRoute } from "./cases-page.tsx";
import { FigureRoute } from "./figure-page.tsx";
import { MappingPage } from "./mapping-page.tsx";

/**
 * The case import pages: `/agency/{ORG}/returns/{PERIOD}/cases` (upload the case file,
 * see the figures), `…/cases/{FIELD}` (the cases behind one figure) and `/agency/{ORG}/cases/mapping`
 * (mappings and default timescales).
 */
export const caseRoutes = (
  <>
    <Route path="/:orgCode/returns/:period/cases" element={<BodyRoute quarter>{(page) => <CasesRoute key={`${page.org.code} ${page.period}`} {...page} />}</BodyRoute>} />
    <Route path="/:orgCode/returns/:period/cases/:field" element={<BodyRoute quarter>{(page) => <FigureRoute {...page} />}</BodyRoute>} />
    <Route path="/:orgCode/cases/mapping" element={<BodyRoute>{({ me, org }) => <MappingPage key={org.code} org={org} me={me} />}</BodyRoute>} />
  </>
);
