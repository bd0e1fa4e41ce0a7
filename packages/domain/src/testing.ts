export { exampleReturnValues, exampleV1ReturnValues } from "./template/fixtures.ts";
export { exampleActionPlan } from "./action-plans.fixtures.ts";
