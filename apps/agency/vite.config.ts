import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { browserAppConfig } from "@complaints/vite-config";

export default browserAppConfig(dirname(fileURLToPath(import.meta.url)), "/agency/");
