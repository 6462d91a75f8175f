// The Clara spec and manifest, and edited copies of the manifest written to a temporary folder, for
// the codegen tests that check what a manifest may say.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { buildFromManifest } from "../../codegen/build.js";
import { ManifestError } from "../../codegen/manifest.js";
import { tempDir } from "./specs.js";

export const claraSpec = readFileSync("spec/clara.openapi.yaml", "utf8");
export const claraManifest = parse(readFileSync("spec/tools.yaml", "utf8")) as Record<string, any>;

/** Writes the Clara spec and an edited copy of its manifest; returns the manifest path. */
export function manifestWith(edit: (m: Record<string, any>) => void, specText = claraSpec): string {
  const dir = tempDir();
  writeFileSync(join(dir, "clara.openapi.yaml"), specText);
  const manifest = structuredClone(claraManifest);
  edit(manifest);
  writeFileSync(join(dir, "tools.yaml"), stringify(manifest));
  return join(dir, "tools.yaml");
}

/** The problems codegen finds in a manifest, one line each; none when it builds. */
export async function problems(file: string): Promise<string[]> {
  try {
    await buildFromManifest(file);
  } catch (error) {
    if (error instanceof ManifestError) return error.problems;
    throw error;
  }
  return [];
}

export const tool = (m: Record<string, any>, name: string) => (m.tools as Array<Record<string, any>>).find((t) => t.name === name)!;
