export { exampleReturnValues, exampleV1ReturnValues } from "./template/fixtures.ts";
