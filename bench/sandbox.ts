// npm run bench:sandbox — seeds 1,000,000 transactions into a temporary database, then times
// sandbox answers over HTTP (median and p95 over many runs) against their targets.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { resolvePeriod } from "../src/calendar/presets.js";
import { addDays, todayIn } from "../src/calendar/zone.js";
import { openDatabase } from "../src/sandbox/db/db.js";
import { seed } from "../src/sandbox/seed/seed.js";
import { startSandbox } from "../src/sandbox/server.js";
import { createToken } from "../src/sandbox/tokens/tokens.js";

// --db <file> reuses an already seeded database instead of seeding a temporary one.
const { values } = parseArgs({ options: { transactions: { type: "string" }, runs: { type: "string" }, db: { type: "string" } } });
const TRANSACTIONS = Number(values.transactions ?? 1_000_000);
const RUNS = Number(values.runs ?? 200);
// Cases without a target are shown for information, with fewer runs.
const INFO_RUNS = Math.max(10, Math.floor(RUNS / 4));
const WARMUP = 10;

const dir = mkdtempSync(join(tmpdir(), "clara-bench-"));
const dbFile = values.db ?? join(dir, "sandbox.db");

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

try {
  let t = performance.now();
  const db = openDatabase(dbFile);
  const report = values.db ? { transactions: db.prepare("SELECT COUNT(*) FROM transactions").pluck().get() as number } : seed(db, { transactions: TRANSACTIONS });
  db.close();
  if (!values.db) console.log(`seeded ${report.transactions.toLocaleString("en-US")} transactions in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const sandbox = await startSandbox({ dbFile });
  const { token } = createToken(sandbox.db, "admin@acme.example", "bench");
  const headers = { authorization: `Bearer ${token}` };
  const today = todayIn("America/Mexico_City", new Date(sandbox.now()));
  const lastMonth = resolvePeriod("last_month", { today, statementDay: 5 });
  const last30 = { from: addDays(today, -29), to: today };

  const cases: { name: string; path: string; targetMs?: number }[] = [
    { name: "list: FOOD, 500–2,000 MXN, last 30 days", path: `/api/v3/transactions?category=FOOD&minAmount=500&maxAmount=2000&from=${last30.from}&to=${last30.to}&size=20`, targetMs: 20 },
    { name: "summary: one month by category", path: `/api/v3/transactions/summary?groupBy=category&from=${lastMonth.from}&to=${lastMonth.to}`, targetMs: 100 },
    { name: "list: default period, page 1", path: "/api/v3/transactions" },
    { name: "list: over 5,000 MXN, last 30 days, page 5", path: `/api/v3/transactions?minAmount=5000&from=${last30.from}&to=${last30.to}&page=5` },
    { name: "list: one card, POSTED, last 30 days", path: `/api/v3/transactions?cardId=card_7Hq2LmX9&status=POSTED&from=${last30.from}&to=${last30.to}` },
    { name: "list: merchant 'uber', last 30 days", path: `/api/v3/transactions?merchant=uber&from=${last30.from}&to=${last30.to}` },
    ...(["cardholder", "merchant", "card", "day", "month"] as const).map((g) => ({ name: `summary: one month by ${g}`, path: `/api/v3/transactions/summary?groupBy=${g}&from=${lastMonth.from}&to=${lastMonth.to}` })),
    { name: "cards: list", path: "/api/v3/cards" },
  ];

  const rows: string[][] = [];
  let failed = false;
  for (const c of cases) {
    const times: number[] = [];
    let items = "";
    const runs = c.targetMs === undefined ? INFO_RUNS : RUNS;
    for (let i = 0; i < WARMUP + runs; i++) {
      t = performance.now();
      const res = await fetch(sandbox.url + c.path, { headers });
      const body = (await res.json()) as { totalItems?: number; totals?: { count: number } };
      const ms = performance.now() - t;
      if (res.status !== 200) throw new Error(`${c.path} answered ${res.status}: ${JSON.stringify(body)}`);
      if (i >= WARMUP) times.push(ms);
      items = String(body.totalItems ?? body.totals?.count ?? "");
    }
    times.sort((a, b) => a - b);
    const median = quantile(times, 0.5);
    const p95 = quantile(times, 0.95);
    const verdict = c.targetMs === undefined ? "" : median <= c.targetMs ? "ok" : "MISSED";
    if (verdict === "MISSED") failed = true;
    rows.push([c.name, items, median.toFixed(2), p95.toFixed(2), c.targetMs === undefined ? "" : `≤ ${c.targetMs}`, verdict]);
  }
  await sandbox.close();

  const head = ["case", "matches", "median ms", "p95 ms", "target", ""];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  ");
  console.log(`\n${report.transactions.toLocaleString("en-US")} transactions; over HTTP, ${RUNS} runs per targeted case, ${INFO_RUNS} per other case, after ${WARMUP} warm-up runs\n`);
  console.log(line(head));
  for (const r of rows) console.log(line(r));
  if (failed) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
