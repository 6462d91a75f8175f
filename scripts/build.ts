// npm run build: src/main.ts as an ESM bundle for plain node (dist/main.mjs, its lazily imported parts
// in chunks beside it), so `npm start` skips the TypeScript loader at start-up.
// Usage: tsx scripts/build.ts [outfile, default dist/main.mjs]
import { existsSync, readdirSync, rmSync } from "node:fs";
import { basename, dirname, extname, join, relative, resolve, sep } from "node:path";
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
  removeBundle(outfile);
  const file = resolve(ROOT, outfile);
  const name = basename(file, extname(file));
  const toRoot = relative(dirname(file), ROOT).split(sep).join("/") || ".";
  await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Modules imported with import() go into chunks of their own beside the entry, read only when
    // imported: a gateway in front of a real API never compiles the embedded sandbox.
    splitting: true,
    outdir: dirname(file),
    entryNames: name,
    outExtension: { ".js": extname(file) || ".js" },
    chunkNames: `${name}~[name]-[hash]`,
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

/** Deletes the bundle `outfile` and its chunks (`<name>~…` beside it). */
export function removeBundle(outfile: string): void {
  const file = resolve(ROOT, outfile);
  const dir = dirname(file);
  if (!existsSync(dir)) return;
  const chunk = `${basename(file, extname(file))}~`;
  for (const entry of readdirSync(dir)) if (entry === basename(file) || entry.startsWith(chunk)) rmSync(join(dir, entry), { force: true });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundle(process.argv[2] ? resolve(process.argv[2]) : BUNDLE);
}
