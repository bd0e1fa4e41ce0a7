import { cpSync, existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/**
 * govuk-frontend's compiled CSS loads its fonts and images from `/assets/…`; we serve them from our
 * own origin (no third-party requests), copied into the app's public folder before Vite runs; MOJ
 * Frontend's images likewise.
 */
function govukAssets(): Plugin {
  return {
    name: "govuk-assets",
    buildStart() {
      const source = join(dirname(require.resolve("govuk-frontend/package.json")), "dist", "govuk", "assets");
      const target = join(here, "public", "assets");
      if (!existsSync(join(target, "fonts"))) {
        mkdirSync(target, { recursive: true });
        cpSync(join(source, "fonts"), join(target, "fonts"), { recursive: true });
        cpSync(join(source, "images"), join(target, "images"), { recursive: true });
        const moj = join(dirname(require.resolve("@ministryofjustice/frontend/package.json")), "moj", "assets", "images");
        cpSync(moj, join(target, "images"), { recursive: true });
      }
    },
  };
}

export default defineConfig({
  base: "/portal/",
  plugins: [govukAssets(), react()],
  css: { lightningcss: { errorRecovery: true } },
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false, target: "es2022" },
  server: { proxy: { "/trpc": "http://127.0.0.1:3000" } },
});
