import { baseTestConfig } from "@complaints/vitest-config";
export default baseTestConfig;
