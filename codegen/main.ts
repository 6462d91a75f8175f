// The codegen command: write generated/, --check it, --diff a contract, or --all for any spec.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildAll, buildFromManifest, type Build } from "./build.js";
import { buildContract, type Contract } from "./contract.js";
import { diffContracts } from "./diff.js";
import { findDrift } from "./drift.js";
import { renderFiles } from "./files.js";
import { ManifestError } from "./manifest.js";

const USAGE = `usage: npm run codegen [-- --check | --diff <old tools.contract.json>]
       npm run codegen -- --spec <file> --all --out <dir> [--roles A,B]
options: --manifest <file> (default spec/tools.yaml), --out <dir> (default generated), --quiet`;

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      check: { type: "boolean", default: false },
      diff: { type: "string" },
      spec: { type: "string" },
      all: { type: "boolean", default: false },
      out: { type: "string" },
      manifest: { type: "string", default: "spec/tools.yaml" },
      roles: { type: "string" },
      quiet: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.all !== Boolean(values.spec)) {
    console.error("codegen: --all and --spec go together\n" + USAGE);
    return 2;
  }
  const started = performance.now();
  let build: Build;
  try {
    build = values.all
      ? await buildAll(resolve(values.spec!), values.roles ? { roles: values.roles.split(",").map((r) => r.trim()).filter(Boolean) } : {})
      : await buildFromManifest(resolve(values.manifest));
  } catch (error) {
    if (error instanceof ManifestError) {
      console.error(`codegen: the manifest does not fit the spec:\n${error.problems.map((p) => `  ${p}`).join("\n")}`);
      return 1;
    }
    throw error;
  }

  if (values.diff) {
    const before = JSON.parse(readFileSync(values.diff, "utf8")) as Contract;
    const changes = diffContracts(before, buildContract(build.model.tools));
    const breaking = changes.filter((c) => c.kind === "breaking");
    for (const c of changes) console.log(`${c.kind === "breaking" ? "BREAKING" : "additive"}  ${c.tool}: ${c.message}`);
    console.log(changes.length === 0 ? "codegen --diff: no change to the tool surface" : `codegen --diff: ${breaking.length} breaking, ${changes.length - breaking.length} additive`);
    return breaking.length > 0 ? 1 : 0;
  }

  const out = resolve(values.out ?? "generated");
  const files = await renderFiles(build, out);
  const warnings = build.model.warnings;
  if (!values.quiet && warnings.length > 0) {
    const shown = values.all ? warnings.slice(0, 20) : warnings;
    console.error(`codegen: ${warnings.length} warning(s)${shown.length < warnings.length ? ` (first ${shown.length})` : ""}:\n${shown.map((w) => `  ${w}`).join("\n")}`);
  }
  const took = `${Math.round(performance.now() - started)} ms`;
  if (values.check) {
    const drift = findDrift(files, out);
    if (drift.files.length === 0) {
      console.log(`codegen --check: generated/ matches the spec and manifest (${build.model.tools.length} tools, ${took})`);
      return 0;
    }
    console.error(`codegen --check: generated/ is out of date; run npm run codegen`);
    console.error(`  files: ${drift.files.join(", ")}`);
    if (drift.schemas.length > 0) console.error(`  shared schemas: ${drift.schemas.join(", ")}`);
    if (drift.tools.length > 0) console.error(`  tools: ${drift.tools.join(", ")}`);
    return 1;
  }
  mkdirSync(out, { recursive: true });
  for (const [name, text] of files) writeFileSync(join(out, name), text);
  console.log(`codegen: ${build.model.tools.length} tools over ${build.model.operations.length} operations → ${out} (${warnings.length} warnings, ${took})`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`codegen: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    process.exit(2);
  },
);
