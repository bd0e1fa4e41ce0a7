import { Route, useParams } from "react-router";
import { ActionsRoute } from "./access.tsx";
import { ClosePage } from "./close-page.tsx";
import { EditActionPage } from "./edit-page.tsx";
import { ActionListPage } from "./list-page.tsx";
import { NewActionPage } from "./new-page.tsx";
import { ActionPlanPage } from "./plan-page.tsx";
import { ReviewPage } from "./review-page.tsx";

/** The id in `/agency/{ORG}/actions/{ID}…`; pages are keyed by it so nothing of one plan's form shows on another's. */
function WithId({ children }: { children: (id: string) => React.ReactNode }) {
  const { id = "" } = useParams();
  return <>{children(id)}</>;
}

/**
 * The learning action plan pages, at fixed addresses people bookmark: `/agency/{ORG}/actions`, `…/new` and
 * `…/{ID}`, with the plan's own forms below it (`…/{ID}/edit`, `…/review`, `…/close`).
 */
export const actionRoutes = (
  <>
    <Route path="/:orgCode/actions" element={<ActionsRoute>{(v) => <ActionListPage key={v.org} {...v} />}</ActionsRoute>} />
    <Route path="/:orgCode/actions/new" element={<ActionsRoute>{(v) => <NewActionPage key={v.org} {...v} />}</ActionsRoute>} />
    <Route path="/:orgCode/actions/:id" element={<WithId>{(id) => <ActionsRoute>{(v) => <ActionPlanPage key={id} {...v} id={id} />}</ActionsRoute>}</WithId>} />
    <Route path="/:orgCode/actions/:id/edit" element={<WithId>{(id) => <ActionsRoute>{(v) => <EditActionPage key={id} {...v} id={id} />}</ActionsRoute>}</WithId>} />
    <Route path="/:orgCode/actions/:id/review" element={<WithId>{(id) => <ActionsRoute>{(v) => <ReviewPage key={id} {...v} id={id} />}</ActionsRoute>}</WithId>} />
    <Route path="/:orgCode/actions/:id/close" element={<WithId>{(id) => <ActionsRoute>{(v) => <ClosePage key={id} {...v} id={id} />}</ActionsRoute>}</WithId>} />
  </>
);
