// npm run bench:export — seeds a temporary sandbox with enough transactions for one company, starts the
// sandbox and the gateway each in its own process (the gateway built and run as npm start runs it), asks
// list_transactions for everything since 2000, then downloads the export's CSV through its URL: time,
// rows/s, and the gateway's resident memory sampled while the rows stream (at 10k, 50k and 100k rows it
// must stay flat, however many rows there are).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { openDatabase } from "../src/sandbox/db/db.js";
import { seed } from "../src/sandbox/seed/seed.js";
import { startChild } from "./children.js";
import { usage } from "./proc.js";

const { values } = parseArgs({ options: { transactions: { type: "string" }, rows: { type: "string" } } });
// About three quarters of the seed is the Mexican company's, whose administrator exports.
const TRANSACTIONS = Number(values.transactions ?? 102_000);
const ROWS = Number(values.rows ?? 100_000);
const MARKS = [10_000, 50_000, 100_000].filter((mark) => mark <= ROWS);
const EMAIL = "admin@acme.example";
const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

const dir = mkdtempSync(join(tmpdir(), "clara-bench-export-"));
const dbFile = join(dir, "sandbox.db");
const children: { stop(): Promise<void> }[] = [];

try {
  let started = performance.now();
  const db = openDatabase(dbFile);
  seed(db, { transactions: TRANSACTIONS });
  const acme = db.prepare("SELECT COUNT(*) FROM transactions t JOIN companies c ON c.id = t.company_id WHERE c.currency = 'MXN'").pluck().get() as number;
  db.close();
  console.log(`seeded ${TRANSACTIONS.toLocaleString("en-US")} transactions (${acme.toLocaleString("en-US")} for ${EMAIL}'s company) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (acme < ROWS) throw new Error(`only ${acme} rows to export; seed more with --transactions`);

  const sandbox = await startChild("sandbox", { dbFile, tokensFor: [EMAIL] });
  children.push(sandbox);
  const gateway = await startChild("gateway", { upstreamUrl: sandbox.ready.url }, ["--expose-gc"]);
  children.push(gateway);
  const token = sandbox.ready.tokens![EMAIL]![0]!;

  const client = new Client({ name: "bench-export", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(gateway.ready.url), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
  const today = new Date().toISOString().slice(0, 10);
  const answer = await client.callTool({ name: "list_transactions", arguments: { from: "2000-01-01", to: today, limit: 1 } });
  const { export: offer, totalItems } = answer.structuredContent as { export: { download: string }; totalItems: number };
  await client.close();
  console.log(`list_transactions: ${totalItems.toLocaleString("en-US")} match; downloading the CSV through its URL`);

  const idle = usage(gateway.pid).rootRssBytes;
  const cpuBefore = { gateway: usage(gateway.pid).cpuSeconds, sandbox: usage(sandbox.pid).cpuSeconds };
  const samples: { rows: number; rss: number }[] = [];
  let rows = -1;
  let bytes = 0;
  let peak = idle;
  const sampler = setInterval(() => {
    const rss = usage(gateway.pid).rootRssBytes;
    peak = Math.max(peak, rss);
    samples.push({ rows, rss });
  }, 50);
  started = performance.now();
  const response = await fetch(offer.download);
  if (response.status !== 200 || !response.body) throw new Error(`download answered ${response.status}`);
  const at: Record<number, number> = {};
  const live: Record<number, Promise<number>> = {};
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.length;
    for (const byte of value) if (byte === 0x0a) rows++;
    for (const mark of MARKS) {
      if (at[mark] !== undefined || rows < mark) continue;
      at[mark] = usage(gateway.pid).rootRssBytes;
      // And the live heap after a full collection: what the export really holds at that point.
      live[mark] = gateway.heapAfterGc();
    }
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  // Where the time went: the gateway's own CPU, and the API's (here the sandbox: deep page numbers cost it most).
  const cpu = { gateway: usage(gateway.pid).cpuSeconds - cpuBefore.gateway, sandbox: usage(sandbox.pid).cpuSeconds - cpuBefore.sandbox };
  if (rows !== totalItems) throw new Error(`the file has ${rows} rows, the list says ${totalItems}`);

  const result = {
    rows,
    seconds: Math.round(seconds * 100) / 100,
    rowsPerSecond: Math.round(rows / seconds),
    megabytes: mb(bytes),
    cpuSeconds: { gateway: Math.round(cpu.gateway * 10) / 10, sandbox: Math.round(cpu.sandbox * 10) / 10 },
    gatewayRssMb: { idle: mb(idle), ...Object.fromEntries(MARKS.map((mark) => [`at${mark / 1000}k`, mb(at[mark] ?? NaN)])), peak: mb(peak) },
    gatewayLiveHeapMb: Object.fromEntries(await Promise.all(MARKS.map(async (mark) => [`at${mark / 1000}k`, mb(await live[mark]!)]))),
    // RSS in the middle of each tenth of the rows, to see its shape.
    rssByTenth: Array.from({ length: 10 }, (_, i) => mb(samples.find((sample) => sample.rows >= ((i + 0.5) * rows) / 10)?.rss ?? NaN)),
  };
  console.log(`exported ${rows.toLocaleString("en-US")} rows (${result.megabytes} MB) in ${result.seconds} s: ${result.rowsPerSecond.toLocaleString("en-US")} rows/s`);
  console.log(`CPU: gateway ${result.cpuSeconds.gateway} s, sandbox ${result.cpuSeconds.sandbox} s`);
  console.log(`gateway RSS: idle ${result.gatewayRssMb.idle} MB; ${MARKS.map((mark) => `at ${mark / 1000}k rows ${mb(at[mark]!)} MB`).join(", ")}; peak ${result.gatewayRssMb.peak} MB`);
  console.log(`gateway RSS through the export, by tenths of the rows: ${result.rssByTenth.join(", ")} MB`);
  console.log(`gateway live heap after a full GC: ${MARKS.map((mark) => `at ${mark / 1000}k rows ${result.gatewayLiveHeapMb[`at${mark / 1000}k`]} MB`).join(", ")}`);
  mkdirSync(".bench", { recursive: true });
  writeFileSync(".bench/export.json", `${JSON.stringify(result, null, 2)}\n`);
} finally {
  for (const child of children.reverse()) await child.stop().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
}
