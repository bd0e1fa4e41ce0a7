import { e2eTestSettings } from "@complaints/e2e/config";
import { baseTestConfig } from "@complaints/vitest-config";
import { defineConfig } from "vitest/config";

// Browser tests (e2e/) against the real server in Chromium, on the demo seeded once per run.
export default defineConfig({ test: { ...baseTestConfig.test, ...e2eTestSettings } });
