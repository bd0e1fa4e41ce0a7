export { exampleReturnValues } from "./template/fixtures.ts";
