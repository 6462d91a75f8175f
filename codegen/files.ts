// Build → the files of generated/, as text keyed by file name (nothing is written here).
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Build } from "./build.js";
import { emitApiTypes } from "./emit/api-types.js";
import { emitCatalogue } from "./emit/catalogue.js";
import { emitClient } from "./emit/client.js";
import { emitContract } from "./emit/contract.js";
import { emitToolsJson } from "./emit/tools-json.js";
import { emitToolsTs } from "./emit/tools-ts.js";
import { emitViews } from "./emit/views.js";
import { shareTable, type SharedTable } from "./share/index.js";

export type Files = Map<string, string>;

const TABLE_SOURCE = new URL("./table.ts", import.meta.url);
const COERCE_SOURCE = new URL("./coerce.ts", import.meta.url);

const TYPES_VERSION = (createRequire(import.meta.url)("openapi-typescript/package.json") as { version: string }).version;

/**
 * `previous`: the folder generated before; its api.d.ts is reused when made from the same spec by the same openapi-typescript.
 * `shared`: the table's shared schemas, when the caller has worked them out already.
 */
export async function renderFiles(build: Build, previous?: string, shared: SharedTable = shareTable(build.model)): Promise<Files> {
  const source = { specName: build.specName, ...(build.manifestName ? { manifestName: build.manifestName } : {}) };
  const warnings = build.model.warnings;
  let typed = true;
  const key = hash(`${TYPES_VERSION}\n${build.specName}\n${JSON.stringify(build.loaded.doc)}`);
  let apiTypes = previous ? reusable(join(previous, "api.d.ts"), key) : undefined;
  if (apiTypes === undefined) {
    const body = await emitApiTypes(build.loaded.doc, source, (message) => {
      typed = false;
      warnings.push(`${build.specName}: ${message}`);
    });
    apiTypes = `${SEAL}${key} ${hash(body)}\n${body}`;
  } else typed = !apiTypes.includes("export type paths = Record<string, Record<string, any>>;");
  const files: Files = new Map([
    ["TOOLS.md", emitCatalogue(build.model, source)],
    ["api.d.ts", apiTypes],
    ["client.ts", emitClient(build.model.operations, source, typed)],
    ["coerce.ts", readFileSync(COERCE_SOURCE, "utf8")],
    ["table.ts", readFileSync(TABLE_SOURCE, "utf8")],
    ["tools.contract.json", emitContract(build.model.tools)],
    ["tools.json", emitToolsJson(build.model)],
    ["tools.ts", emitToolsTs(build.model, shared, source)],
  ]);
  if (build.model.views.length > 0) files.set("views.ts", emitViews(build.model.views, source));
  return files;
}

// The first line of api.d.ts seals the input (openapi-typescript version, spec) and the text below it.
const SEAL = "// api types: ";

function hash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 24);
}

/** The previous api.d.ts when its seal matches this input and its text is untouched; undefined otherwise. */
function reusable(file: string, key: string): string | undefined {
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, "utf8");
  const newline = text.indexOf("\n");
  const [sealedKey, bodyHash] = text.slice(SEAL.length, newline).split(" ");
  if (!text.startsWith(SEAL) || sealedKey !== key || bodyHash !== hash(text.slice(newline + 1))) return undefined;
  return text;
}
