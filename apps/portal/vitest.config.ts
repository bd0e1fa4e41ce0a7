import { baseTestConfig } from "@complaints/vitest-config";
import { defineConfig, mergeConfig } from "vitest/config";

// Unit tests of the app's own modules; the browser tests (e2e/) have their own config and turbo task.
export default mergeConfig(baseTestConfig, defineConfig({ test: { include: ["src/**/*.test.{ts,tsx}"] } }));
