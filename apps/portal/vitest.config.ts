import { baseTestConfig } from "@complaints/vitest-config";
import { defineConfig, mergeConfig } from "vitest/config";

// Unit tests of the app's own modules, and browser tests (e2e/) against the real server in Chromium.
export default mergeConfig(baseTestConfig, defineConfig({ test: { include: ["src/**/*.test.{ts,tsx}", "e2e/**/*.test.ts"] } }));
