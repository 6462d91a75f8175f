// Small crafted specs written to a temporary folder, for the codegen tests.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { stringify } from "yaml";

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "codegen-test-"));
}

/** Writes `doc` as YAML (or JSON when the name ends in .json) and returns its path. */
export function writeSpec(doc: unknown, name = "spec.yaml", dir = tempDir()): string {
  const file = join(dir, name);
  writeFileSync(file, name.endsWith(".json") ? JSON.stringify(doc, null, 2) : stringify(doc));
  return file;
}

export function openapi(paths: Record<string, unknown>, schemas: Record<string, unknown> = {}, version = "3.0.3"): Record<string, unknown> {
  return { openapi: version, info: { title: "Test", version: "1" }, paths, components: { schemas } };
}

export const ok = (schema: unknown) => ({ "200": { description: "ok", content: { "application/json": { schema } } } });

/** Clara's manifest as text for a copy in another folder: its views' folders (relative to spec/) made absolute. */
export function movedManifest(): string {
  return readFileSync("spec/tools.yaml", "utf8").replace(/^(\s+source: )(\.\.\/\S+)$/gm, (_line, key: string, path: string) => `${key}${resolve("spec", path)}`);
}
