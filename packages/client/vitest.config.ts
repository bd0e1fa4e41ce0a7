import { baseTestConfig } from "@complaints/vitest-config";
import { defineConfig, mergeConfig } from "vitest/config";

export default mergeConfig(baseTestConfig, defineConfig({ test: { include: ["src/**/*.test.ts", "src/**/*.test.tsx"] } }));
