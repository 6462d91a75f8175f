// Build → the files of generated/, as text keyed by file name (nothing is written here).
import { readFileSync } from "node:fs";
import type { Build } from "./build.js";
import { emitApiTypes } from "./emit/api-types.js";
import { emitCatalogue } from "./emit/catalogue.js";
import { emitClient } from "./emit/client.js";
import { emitContract } from "./emit/contract.js";
import { emitToolsJson } from "./emit/tools-json.js";
import { emitToolsTs } from "./emit/tools-ts.js";

export type Files = Map<string, string>;

const TABLE_SOURCE = new URL("./table.ts", import.meta.url);

export async function renderFiles(build: Build): Promise<Files> {
  const source = { specName: build.specName, ...(build.manifestName ? { manifestName: build.manifestName } : {}) };
  const warnings = build.model.warnings;
  let typed = true;
  const apiTypes = await emitApiTypes(build.loaded.doc, source, (message) => {
    typed = false;
    warnings.push(`${build.specName}: ${message}`);
  });
  const files: Files = new Map([
    ["TOOLS.md", emitCatalogue(build.model, source)],
    ["api.d.ts", apiTypes],
    ["client.ts", emitClient(build.model.operations, source, typed)],
    ["table.ts", readFileSync(TABLE_SOURCE, "utf8")],
    ["tools.contract.json", emitContract(build.model.tools)],
    ["tools.json", emitToolsJson(build.model)],
    ["tools.ts", emitToolsTs(build.model, source)],
  ]);
  return files;
}
