// Clara's spec and an edited copy of its manifest in a folder of their own, and the problems codegen
// finds in them, for the suites that check what the manifest may say.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { buildFromManifest } from "../../codegen/build.js";
import { ManifestError } from "../../codegen/manifest.js";
import { movedManifest, tempDir } from "./specs.js";

const claraSpec = readFileSync("spec/clara.openapi.yaml", "utf8");
export const claraManifest = parse(movedManifest()) as Record<string, any>;

/** Writes the Clara spec and an edited copy of its manifest (`dir` is their folder); returns the manifest path. */
export function manifestWith(edit: (m: Record<string, any>, dir: string) => void, specText = claraSpec): string {
  const dir = tempDir();
  writeFileSync(join(dir, "clara.openapi.yaml"), specText);
  const manifest = structuredClone(claraManifest);
  edit(manifest, dir);
  writeFileSync(join(dir, "tools.yaml"), stringify(manifest));
  return join(dir, "tools.yaml");
}

/** The lines of the ManifestError building `file` throws; none when it builds. */
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
