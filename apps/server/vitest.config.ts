import { baseTestConfig } from "@complaints/vitest-config";
import { defineConfig, mergeConfig } from "vitest/config";

export default mergeConfig(baseTestConfig, defineConfig({ test: { globalSetup: ["./test/global-setup.ts"] } }));
