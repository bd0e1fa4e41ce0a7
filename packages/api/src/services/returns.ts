/**
 * A body's quarterly returns, the services the routers, the imports and the uploads call: each job in
 * its own file under `returns/` (reading in scope, drafting and saving, validation, the workflow, the
 * audit and history), named here so callers need not know which.
 */
export { getReturnFor, getReturnInScope, loadCurrent, returnedByDepartment } from "./returns/in-scope.ts";
export { audit, diffValues, figureChanges, inTransaction, prefixKeys, type FigureChange } from "./returns/audit.ts";
export { loadForSave, openDraft, refuse, saveDraft, type InputProblem, type SaveInput, type SaveOptions } from "./returns/drafts.ts";
export { validateReturnById, validateValues } from "./returns/validate.ts";
export { acceptReturn, approveReturn, reopenReturn, returnToBody, sendBackReturn, submitReturn } from "./returns/workflow.ts";
export { changesSinceReturned, returnHistory, revisionDifference } from "./returns/history.ts";
