import { Route, useParams } from "react-router";
import { RequireSignIn } from "../app/auth.tsx";
import { RequireBody } from "../app/organisation.tsx";
import { CasesRoute } from "./cases-page.tsx";
import { FigureRoute } from "./figure-page.tsx";
import { MappingPage } from "./mapping-page.tsx";

function MappingRoute() {
  const { org = "" } = useParams();
  return <RequireSignIn>{(me) => <RequireBody code={org}>{(o) => <MappingPage key={o.code} org={o} me={me} />}</RequireBody>}</RequireSignIn>;
}

/**
 * The case import pages (issue 10): `/agency/{ORG}/returns/{PERIOD}/cases` (upload the case file,
 * see the figures), `…/cases/{FIELD}` (the cases behind one figure) and `/agency/{ORG}/cases/mapping`
 * (mappings and default timescales).
 */
export const caseRoutes = (
  <>
    <Route path="/:organisationCode/returns/:period/cases" element={<RequireSignIn>{(me) => <CasesRoute me={me} />}</RequireSignIn>} />
    <Route path="/:organisationCode/returns/:period/cases/:field" element={<RequireSignIn>{() => <FigureRoute />}</RequireSignIn>} />
    <Route path="/:org/cases/mapping" element={<MappingRoute />} />
  </>
);
