// The web app's static files, read once at start: the style sheet, the copy buttons' script, the icon.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type Koa from "koa";

const FILES: Record<string, string> = { "clara.css": "text/css; charset=utf-8", "copy.js": "text/javascript; charset=utf-8", "favicon.svg": "image/svg+xml" };
const FOLDER = "src/sandbox/web/static";

/** The folder, found by walking up from this module, so the same code works from src/ and from the bundle in dist/. */
function staticFolder(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, FOLDER))) return join(dir, FOLDER);
    if (dirname(dir) === dir) throw new Error(`${FOLDER} not found`);
  }
}

export type StaticFiles = Map<string, { type: string; body: Buffer }>;

export function loadStatic(): StaticFiles {
  const folder = staticFolder();
  return new Map(Object.entries(FILES).map(([name, type]) => [name, { type, body: readFileSync(join(folder, name)) }]));
}

/** Answers GET /static/<name> for a known file; false for any other name. */
export function serveStatic(ctx: Koa.Context, files: StaticFiles, name: string): boolean {
  const file = files.get(name);
  if (!file) return false;
  ctx.type = file.type;
  ctx.set("Cache-Control", "public, max-age=300");
  ctx.body = file.body;
  return true;
}
