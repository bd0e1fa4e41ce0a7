import { defineConfig } from "vitest/config";

/**
 * House test settings, shared by every package.
 * Database and HTTP tests share two cores with turbo, so the 5 s default is too short
 * (TOOLCHAIN.md); files run one at a time per package so PostgreSQL schemas do not contend.
 */
/** @type {import("vitest/config").UserConfig} */
export const baseTestConfig = defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    reporters: ["default"],
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
  },
});
