#!/usr/bin/env node
// Builds the server and command line into dist/, so they run on plain `node` (bin/complaints.mjs).
//
// The workspace packages are TypeScript source (their exports point at src/*.ts): they are bundled
// in. Everything from npm stays an import resolved at run time from apps/server/node_modules, so
// native addons (better-sqlite3, argon2) and packages that read their own files (pdfkit's fonts)
// load as they do from source; each of them must therefore be one of this package's dependencies,
// which the build checks.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { basename, dirname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const serverDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const distDir = join(serverDir, "dist");

/** `import x from "@complaints/api"` is bundled; any other package is left to Node. */
const workspaceScope = "@complaints/";

/**
 * A package's name from an import path: `pdfkit/js/x` → `pdfkit`, `@scope/p/x` → `@scope/p`.
 * @param {string} path
 */
function packageName(path) {
  const parts = path.split("/");
  return path.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? path);
}

/**
 * Leaves npm packages as imports, noting each, so the build can check they resolve from dist/.
 * @param {Set<string>} seen
 * @returns {esbuild.Plugin}
 */
function externalPackages(seen) {
  return {
    name: "external-packages",
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith(workspaceScope)) return undefined;
        if (!args.path.startsWith("node:") && !builtinModules.includes(packageName(args.path))) seen.add(packageName(args.path));
        return { path: args.path, external: true };
      });
    },
  };
}

/**
 * A thread's entry that runs from source registers tsx so it can import TypeScript (the spreadsheet
 * reader's worker does); bundled, it is JavaScript already, so registering is nothing to do.
 * @type {esbuild.Plugin}
 */
const compiledAlready = {
  name: "compiled-already",
  setup(build) {
    build.onResolve({ filter: /^tsx\/esm\/api$/ }, () => ({ path: "tsx-register", namespace: "compiled-already" }));
    build.onLoad({ filter: /.*/, namespace: "compiled-already" }, () => ({ contents: "export function register() {}", loader: "js" }));
  },
};

/** `new URL("./read-worker.mjs", import.meta.url)`: a file the code opens beside itself at run time. */
const besideItself = /new URL\(\s*["'](\.\/[^"']+)["']\s*,\s*import\.meta\.url\s*\)/g;

/**
 * Notes each file that bundled workspace code opens beside itself (a worker thread's entry), so it
 * is built beside the bundle under the same name, where `import.meta.url` then points.
 * @param {Set<string>} found
 * @returns {esbuild.Plugin}
 */
function filesBesideItself(found) {
  return {
    name: "files-beside-itself",
    setup(build) {
      build.onLoad({ filter: /\.(ts|mjs|js)$/ }, (args) => {
        if (args.path.split(sep).includes("node_modules")) return undefined;
        for (const [, file = ""] of readFileSync(args.path, "utf8").matchAll(besideItself)) found.add(resolve(dirname(args.path), file));
        return undefined;
      });
    },
  };
}

/** @satisfies {esbuild.BuildOptions} */
const shared = /** @type {const} */ ({
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20.19",
  outdir: distDir,
  outExtension: { ".js": ".mjs" },
  sourcemap: "linked",
  // Nothing is written until both builds succeed, and then only what changed (writeChanged).
  write: false,
  logLevel: "warning",
});

/**
 * The entries for the files found beside bundled code; each keeps its file name.
 * @param {Set<string>} found
 */
function besideEntries(found) {
  const entries = [...found].map((path) => {
    if (!path.endsWith(".mjs")) throw new Error(`${path} is opened beside the code at run time; name it .mjs so its built copy keeps its name.`);
    return { in: path, out: basename(path, ".mjs") };
  });
  // All of them land in the one dist/ folder.
  const names = entries.map((e) => e.out);
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice) throw new Error(`Two files opened beside the code at run time are both named ${twice}.mjs; they would be built to the same file.`);
  return entries;
}

/**
 * The npm packages the bundle imports that Node would not find from dist/ (not this package's dependencies).
 * @param {Set<string>} packages
 */
function undeclared(packages) {
  const manifest = JSON.parse(readFileSync(join(serverDir, "package.json"), "utf8"));
  return [...packages].filter((name) => !(name in (manifest.dependencies ?? {}))).sort();
}

/**
 * Writes the outputs that differ from what is in dist/ (each through a temporary file, renamed into
 * place, so a running server's next worker thread never reads half a file) and removes the rest.
 * @param {esbuild.OutputFile[]} outputFiles
 */
function writeChanged(outputFiles) {
  mkdirSync(distDir, { recursive: true });
  /** @type {Set<string>} */
  const written = new Set();
  for (const file of outputFiles) {
    written.add(file.path);
    if (existsSync(file.path) && Buffer.compare(readFileSync(file.path), file.contents) === 0) continue;
    // Named for this process: the tests' set-up and turbo's build task may both be building.
    const partial = `${file.path}.${process.pid}.partial`;
    writeFileSync(partial, file.contents);
    renameSync(partial, file.path);
  }
  // What an earlier build wrote under another name (another process's partial file is its own).
  for (const name of readdirSync(distDir)) if (/\.(mjs|map)$/.test(name) && !written.has(join(distDir, name))) rmSync(join(distDir, name), { force: true });
}

/** Builds dist/complaints.mjs (the `complaints` command, server included) and the files it opens beside itself. */
export async function buildServer() {
  /** @type {Set<string>} */
  const packages = new Set();
  /** @type {Set<string>} */
  const found = new Set();
  const main = await esbuild.build({ ...shared, entryPoints: { complaints: join(serverDir, "src", "cli", "run.ts") }, plugins: [compiledAlready, externalPackages(packages), filesBesideItself(found)] });
  const beside = found.size > 0 ? await esbuild.build({ ...shared, entryPoints: besideEntries(found), plugins: [compiledAlready, externalPackages(packages)] }) : null;
  const missing = undeclared(packages);
  if (missing.length > 0) throw new Error(`The built server imports ${missing.join(", ")}, which Node cannot find from apps/server/dist: add ${missing.length === 1 ? "it" : "them"} to apps/server/package.json's dependencies ("catalog:").`);
  writeChanged([...main.outputFiles, ...(beside?.outputFiles ?? [])]);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  await buildServer();
  if (!process.argv.includes("--quiet")) console.error(`Built ${distDir} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}
