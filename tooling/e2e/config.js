import { fileURLToPath } from "node:url";

/**
 * The browser tests' own vitest settings (an app's `vitest.e2e.config.ts`, turbo's `test:e2e`): the
 * files under e2e/, and the once-per-run set-up that seeds the demo templates the fixtures copy.
 * Plain JavaScript: vitest loads config files with Node, which does not read TypeScript from a package.
 */
export const e2eTestSettings = {
  include: ["e2e/**/*.test.ts"],
  // A file's first test also starts its server and browser (file-scoped fixtures), on a busy machine.
  testTimeout: 180_000,
  globalSetup: [fileURLToPath(new URL("./src/global-setup.ts", import.meta.url))],
};
