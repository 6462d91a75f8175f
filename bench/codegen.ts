// npm run bench:codegen: --all on the largest corpus spec (target ≤ 10 s) and --check on Clara (target ≤ 3 s), as CLI runs.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const LARGEST = "../shared/corpus/specs/shopify__admin__2020-10.json";
const TSX = join("node_modules", ".bin", "tsx");

function timed(args: string[]): number {
  const started = performance.now();
  execFileSync(TSX, ["codegen/main.ts", ...args], { stdio: ["ignore", "ignore", "inherit"] });
  return (performance.now() - started) / 1000;
}

function report(label: string, seconds: number[], target: number): boolean {
  const best = Math.min(...seconds);
  const ok = best <= target;
  console.log(`${label.padEnd(48)} best ${best.toFixed(2)} s, runs ${seconds.map((s) => s.toFixed(2)).join(" / ")} (target ≤ ${target} s) ${ok ? "ok" : "SLOW"}`);
  return ok;
}

const runs = Number(process.env.RUNS ?? 3);
let ok = true;
if (existsSync(LARGEST)) {
  // A fresh folder each run: nothing generated before may be reused.
  const times = Array.from({ length: runs }, () => {
    const out = mkdtempSync(join(tmpdir(), "bench-codegen-"));
    const seconds = timed(["--spec", LARGEST, "--all", "--out", out, "--quiet"]);
    rmSync(out, { recursive: true, force: true });
    return seconds;
  });
  ok = report("--all shopify__admin__2020-10.json (1,473 ops)", times, 10) && ok;
} else {
  console.log(`skipped --all: ${LARGEST} is absent`);
}
const checks = Array.from({ length: runs }, () => {
  try {
    return timed(["--check", "--quiet"]);
  } catch {
    // A drifting generated/ still measures the time; the drift itself is reported on stderr.
    return NaN;
  }
});
ok = report("--check on Clara", checks.filter((t) => !Number.isNaN(t)).length > 0 ? checks.filter((t) => !Number.isNaN(t)) : [Infinity], 3) && ok;
process.exit(ok ? 0 : 1);
