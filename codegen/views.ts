// The views the manifest declares, each bundled by esbuild into one self-contained HTML page: the
// script and the style sheet inline, nothing fetched from anywhere when it runs (checked here).
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { ManifestView } from "./manifest.js";
import { VIEW_URI } from "./shape/view.js";
import type { ViewEntry } from "./table.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** What would make a page load something: an absolute URL, a style sheet import, a CSS url() of anything but data:. */
const EXTERNAL = [/https?:\/\//i, /@import\b/i, /url\(\s*["']?(?!data:|#)/i];

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The page: a script and style inline, a `main` the script draws into. */
export function page(title: string, css: string, js: string): string {
  return [
    `<!doctype html>`,
    `<html lang="en">`,
    `<head>`,
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta name="color-scheme" content="light dark">`,
    `<title>${escapeHtml(title)}</title>`,
    // Neither text can close its element early.
    `<style>${css.replace(/<\/style/gi, "<\\/style")}</style>`,
    `</head>`,
    `<body>`,
    `<main id="view"></main>`,
    `<script>${js.replace(/<\/script/gi, "<\\/script")}</script>`,
    `</body>`,
    `</html>`,
    ``,
  ].join("\n");
}

/** One view's page; `source` is its folder (holding main.ts), relative to the manifest. */
export async function bundleView(name: string, view: ManifestView, manifestDir: string, fail: (field: string, message: string) => void): Promise<ViewEntry | undefined> {
  const folder = resolve(manifestDir, view.source);
  const entry = join(folder, "main.ts");
  if (!existsSync(entry)) {
    fail("source", `no ${join(view.source, "main.ts")} next to the manifest (the view's script)`);
    return undefined;
  }
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    write: false,
    outdir: "out",
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify: true,
    legalComments: "none",
    charset: "utf8",
    logLevel: "silent",
  }).catch((error: Error) => error);
  if (result instanceof Error) {
    fail("source", `the view does not build: ${result.message.split("\n")[0]}`);
    return undefined;
  }
  const js = result.outputFiles.filter((f) => f.path.endsWith(".js")).map((f) => f.text).join("");
  const css = result.outputFiles.filter((f) => f.path.endsWith(".css")).map((f) => f.text).join("");
  const html = page(view.title, css.trim(), js.trim());
  const external = EXTERNAL.map((pattern) => pattern.exec(html)).find(Boolean);
  if (external) {
    fail("source", `the bundle refers to something outside it ("${html.slice(external.index, external.index + 40)}…"); a view is self-contained`);
    return undefined;
  }
  return { name, uri: VIEW_URI(name), title: view.title, description: view.description, html };
}
