// npm run build: src/main.ts as one ESM bundle for plain node (dist/main.mjs), so `npm start` skips the
// TypeScript loader at start-up. Usage: tsx scripts/build.ts [outfile, default dist/main.mjs]
import { dirname, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const BUNDLE = resolve(ROOT, "dist/main.mjs");

/**
 * Writes the bundle of `entry` (src/main.ts by default). Modules that find project files from where they
 * lie (import.meta.url) see the entry's own URL, computed from where the bundle lies, so the project can
 * still move as a whole.
 */
export async function bundle(outfile: string = BUNDLE, entry = "src/main.ts"): Promise<void> {
  const toRoot = relative(dirname(resolve(ROOT, outfile)), ROOT).split(sep).join("/") || ".";
  await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile: resolve(ROOT, outfile),
    // A native addon: loaded from node_modules at run time.
    external: ["better-sqlite3"],
    define: { "import.meta.url": "__sourceUrl" },
    banner: {
      js: [
        // Some dependencies are CommonJS and call require.
        "import { createRequire as __createRequire } from 'node:module';",
        "const require = __createRequire(import.meta.url);",
        `const __sourceUrl = new URL('${toRoot}/${entry}', import.meta.url).href;`,
      ].join(" "),
    },
    logLevel: "warning",
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundle(process.argv[2] ? resolve(process.argv[2]) : BUNDLE);
}
