import { cpSync, existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * govuk-frontend's compiled CSS loads its fonts and images from `/assets/…`; we serve them from our
 * own origin (no third-party requests), copied into the app's public folder before Vite runs; MOJ
 * Frontend's images likewise.
 * @param {string} appDir
 * @returns {import("vite").Plugin}
 */
function govukAssets(appDir) {
  const require = createRequire(join(appDir, "package.json"));
  return {
    name: "govuk-assets",
    buildStart() {
      const source = join(dirname(require.resolve("govuk-frontend/package.json")), "dist", "govuk", "assets");
      const target = join(appDir, "public", "assets");
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

/**
 * The Vite configuration of a browser app served by apps/server under `base` (`/agency/`,
 * `/portal/`); in development the API is proxied to a server on port 3000.
 * @param {string} appDir the app's folder
 * @param {string} base
 */
export function browserAppConfig(appDir, base) {
  return defineConfig({
    base,
    plugins: [govukAssets(appDir), react()],
    css: { lightningcss: { errorRecovery: true } },
    build: { outDir: "dist", emptyOutDir: true, sourcemap: false, target: "es2022" },
    server: { proxy: { "/trpc": "http://127.0.0.1:3000" } },
  });
}
