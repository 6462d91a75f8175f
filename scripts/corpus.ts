// npm run corpus: --all over every spec of ../shared/corpus, with a table of what each gave.
import { existsSync, readdirSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { surveySpec } from "../codegen/survey.js";

const dir = resolve(process.argv[2] ?? "../shared/corpus/specs");
if (!existsSync(dir)) {
  console.error(`corpus: ${dir} is absent; nothing to run`);
  process.exit(0);
}
const verbose = process.argv.includes("--verbose");
const files = readdirSync(dir).filter((f) => /\.(json|ya?ml)$/i.test(f)).sort();
const rows: string[][] = [["spec", "operations", "tools", "warnings", "failures", "time (ms)"]];
let failed = 0;
let ops = 0;
let tools = 0;
let warnings = 0;
const started = performance.now();
for (const file of files) {
  const s = await surveySpec(join(dir, file));
  if (process.stderr.isTTY || verbose) process.stderr.write(`  ${file}: ${Math.round(s.ms)} ms\n`);
  rows.push([basename(file), String(s.operations), String(s.tools), String(s.warnings.length), String(s.failures.length), String(Math.round(s.ms))]);
  ops += s.operations;
  tools += s.tools;
  warnings += s.warnings.length;
  if (s.failures.length > 0) failed++;
  for (const f of s.failures.slice(0, 5)) console.error(`  ${file}: FAIL ${f}`);
  if (verbose) for (const w of s.warnings.slice(0, 10)) console.error(`  ${file}: warn ${w}`);
}
rows.push([`${files.length} specs`, String(ops), String(tools), String(warnings), `${failed} spec(s)`, String(Math.round(performance.now() - started))]);
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const [i, row] of rows.entries()) {
  console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  "));
  if (i === 0 || i === rows.length - 2) console.log(widths.map((w) => "-".repeat(w)).join("  "));
}
process.exit(failed > 0 ? 1 : 0);
