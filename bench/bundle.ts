// npm run build: src/main.ts as one ESM bundle for plain node (dist/main.mjs), so `npm start` skips the
// TypeScript loader at start-up. Usage: tsx bench/bundle.ts [outfile, default dist/main.mjs]
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const BUNDLE = resolve(ROOT, "dist/main.mjs");

/**
 * Writes the bundle. Modules that find files next to themselves (new URL("../../spec/…", import.meta.url))
 * get a URL two folders under the project root, as src/<area>/<file> has, computed from where the bundle
 * lies, so the project can still move; the bundle must therefore stay one folder under the root.
 */
export async function bundle(outfile: string = BUNDLE): Promise<void> {
  const depth = relative(ROOT, dirname(resolve(outfile))).split(/[\\/]/).filter(Boolean).length;
  if (depth !== 1) throw new Error(`the bundle must lie one folder under the project root, not at ${outfile}`);
  await build({
    absWorkingDir: ROOT,
    entryPoints: ["src/main.ts"],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile,
    // A native addon: loaded from node_modules at run time.
    external: ["better-sqlite3"],
    define: { "import.meta.url": "__sourceUrl" },
    banner: {
      js: [
        // Some dependencies are CommonJS and call require.
        "import { createRequire as __createRequire } from 'node:module';",
        "const require = __createRequire(import.meta.url);",
        "const __sourceUrl = new URL('../src/main/bundle.ts', import.meta.url).href;",
      ].join(" "),
    },
    logLevel: "warning",
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundle(process.argv[2] ? resolve(process.argv[2]) : BUNDLE);
}
