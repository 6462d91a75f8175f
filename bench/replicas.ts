// npm run loadtest -- --replicas 3 [--faults kill,sandbox,redis] [--clients 32 --duration 60]
// Redis, the sandbox, N gateway replicas (npm start's bundle) and nginx in front, each its own process
// (scripts/cluster/); 32 MCP SDK clients through nginx for 60 s, each locking, unlocking and changing
// the limit of a card of its own (asked first) besides reads. Without --faults: 0 errors required. Each
// fault mode is a run of its own, with its faults at fixed times, judged against what the sandbox applied.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { removeBundles, startCluster, type Cluster } from "../scripts/cluster/cluster.js";
import { checkRun, percentile, type Verdict } from "../scripts/cluster/check.js";
import { loadClients, runLoad } from "../scripts/cluster/load.js";
import { usage } from "./proc.js";
import { fixed, formatTable, megabytes } from "./report.js";

export type Fault = "kill" | "sandbox" | "redis";

export interface ReplicaRunOptions {
  replicas: number;
  clients: number;
  durationMs: number;
  faults: Fault[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** When each sandbox outage began (the kill sent; the process gone), and when GET /api/v3/me answered again, seen from outside. */
interface Outage {
  killedAt: number;
  deadAt: number;
  backAt: number;
}

/** How long after a SIGKILL nginx may still send a request on a kept-alive connection to the dead replica. */
const NOTICE_MS = 500;

async function answersAgain(cluster: Cluster, token: string): Promise<number> {
  for (;;) {
    try {
      if ((await fetch(`${cluster.sandbox.url}/api/v3/me`, { headers: { authorization: `Bearer ${token}` } })).status === 200) return Date.now();
    } catch {
      // not yet
    }
    await sleep(20);
  }
}

/** The faults of one mode, at fractions of the run so a shorter run keeps the same shape. */
async function inject(cluster: Cluster, fault: Fault | "none", durationMs: number, events: string[], begin: number, outages: Outage[], dying: Array<[number, number]>): Promise<void> {
  const at = async (fraction: number) => sleep(Math.max(0, begin + fraction * durationMs - Date.now()));
  const note = (what: string) => events.push(`${fixed((Date.now() - begin) / 1000, 1)} s: ${what}`);
  if (fault === "kill") {
    await at(0.3);
    const killedAt = Date.now();
    cluster.replicas[0]!.kill("SIGKILL");
    dying.push([killedAt, killedAt + NOTICE_MS]);
    note("replica 0 killed (SIGKILL)");
    await at(0.55);
    const stoppedAt = Date.now();
    cluster.replicas[1]!.kill("SIGTERM");
    note("replica 1 stopped (SIGTERM)");
    const code = await cluster.replicas[1]!.exited;
    dying.push([stoppedAt, Date.now()]);
    note(`replica 1 exited with ${code}`);
    await at(0.7);
    await Promise.all([cluster.replicas[0]!.start(), cluster.replicas[1]!.start()]);
    note("replicas 0 and 1 started again");
  } else if (fault === "sandbox") {
    // Twice, as the outside test did.
    const probe = cluster.token("books@acme.example", "outage probe").token;
    for (const fraction of [0.3, 0.65]) {
      await at(fraction);
      const killedAt = Date.now();
      cluster.sandbox.kill("SIGKILL");
      await cluster.sandbox.exited;
      const deadAt = Date.now();
      note("sandbox killed");
      await sleep(3_000);
      const watching = answersAgain(cluster, probe);
      await cluster.sandbox.start();
      const backAt = await watching;
      outages.push({ killedAt, deadAt, backAt });
      note(`sandbox answering again, ${backAt - killedAt} ms after the kill`);
    }
  } else if (fault === "redis") {
    await at(0.3);
    await cluster.redis.stop();
    note("Redis stopped");
    await at(0.5);
    await cluster.redis.start();
    note("Redis started again");
  }
}

interface ModeResult {
  mode: string;
  seconds: number;
  verdict: Verdict;
  events: string[];
  replicas: Array<{ first: number; last: number; peak: number }>;
  errors: number;
}

async function runMode(opts: ReplicaRunOptions, fault: Fault | "none"): Promise<ModeResult> {
  const cluster = await startCluster({ replicas: opts.replicas, env: { RATE_LIMIT_ADDRESS: "off", RATE_LIMIT_TOKEN: "100000/60s" } });
  try {
    const clients = loadClients(cluster.sandbox.db, opts.clients, (email) => cluster.token(email, "loadtest").token);
    const samples = cluster.replicas.map(() => [] as Array<{ atMs: number; rss: number }>);
    const begin = Date.now();
    const sampler = setInterval(() => {
      cluster.replicas.forEach((replica, index) => {
        if (replica.running) samples[index]!.push({ atMs: Date.now() - begin, rss: usage(replica.pid).rootRssBytes });
      });
    }, 1_000);
    const events: string[] = [];
    const outages: Outage[] = [];
    // While a replica was dying: a call in flight on it then may get nginx's 502.
    const dying: Array<[number, number]> = [];
    const [run] = await Promise.all([runLoad({ url: cluster.mcpUrl, clients, durationMs: opts.durationMs }), inject(cluster, fault, opts.durationMs, events, begin, outages, dying)]);
    clearInterval(sampler);
    const verdict = checkRun(cluster.sandbox.db, run);
    // What the isError answers said, by their first words.
    const said = new Map<string, number>();
    for (const call of run.calls) {
      if (call.kind !== "tool-error" || call.preview) continue;
      // The reason in parentheses stays ("did not answer (no answer in time)"); a card's name does not.
      const key = (call.text ?? "").replace(/•••• \d{4}.*/, "").replace(/\)[^]*/, ")").slice(0, 90);
      said.set(key, (said.get(key) ?? 0) + 1);
    }
    for (const [text, count] of [...said].sort((a, b) => b[1] - a[1]).slice(0, 6)) events.push(`isError ×${count}: "${text}…"`);
    const unanswered = run.calls.filter((call) => call.kind === "http" || call.kind === "transport");
    if (dying.length > 0) {
      const inFlight = unanswered.filter((call) => dying.some(([from, to]) => call.startedAt <= to && call.endedAt >= from));
      events.push(
        `calls without a replica's answer: ${unanswered.length}, of which in flight on a replica as it died (or sent to it within ${NOTICE_MS} ms, before nginx saw its connections close) or drained: ${inFlight.length}`,
      );
      for (const call of unanswered.filter((one) => !inFlight.includes(one)).slice(0, 5)) {
        events.push(`  not in flight on a dying replica: ${call.tool} ${call.status ?? call.kind} ${fixed((call.startedAt - begin) / 1000, 3)}–${fixed((call.endedAt - begin) / 1000, 3)} s ${call.text ?? ""}`);
      }
    }
    for (const { killedAt, deadAt, backAt } of outages) {
      const ok = (call: (typeof run.calls)[number]) => call.kind === "ok" || call.preview === true;
      const next = outages.find((one) => one.killedAt > backAt)?.killedAt ?? Infinity;
      // Up to the next outage: a call in flight when the API dies again is that outage's.
      const late = run.calls.filter((call) => call.startedAt >= backAt + 1_000 && call.endedAt < next);
      const first = Math.min(...run.calls.filter((call) => call.startedAt >= backAt && ok(call)).map((call) => call.endedAt));
      const writes = run.calls.filter((call) => call.said && call.startedAt > deadAt && call.endedAt < backAt);
      for (const call of late.filter((one) => !ok(one)).slice(0, 3)) events.push(`  failed ${call.startedAt - backAt} ms after /me answered: ${call.tool}: ${call.text}`);
      events.push(
        `outage at ${fixed((killedAt - begin) / 1000, 1)} s: writes started and answered while the API was gone ${writes.length} (said done ${writes.filter((call) => call.said === "done").length}, nothing changed ${writes.filter((call) => call.said === "nothing-changed").length}, unknown ${writes.filter((call) => call.said === "unknown").length}); first success ${first - backAt} ms after /me answered; of the ${late.length} calls started 1 s or more after, ${late.filter((call) => !ok(call)).length} failed`,
      );
    }
    const window = Math.min(10_000, opts.durationMs / 3);
    const mean = (list: Array<{ rss: number }>) => list.reduce((sum, one) => sum + one.rss, 0) / Math.max(1, list.length);
    const replicas = samples.map((list) => ({
      first: mean(list.filter((one) => one.atMs <= window)),
      last: mean(list.filter((one) => one.atMs >= opts.durationMs - window)),
      peak: Math.max(0, ...list.map((one) => one.rss)),
    }));
    const httpErrors = Object.values(verdict.http).reduce((sum, count) => sum + count, 0);
    const errors = verdict.toolErrors + httpErrors + verdict.transport;
    return { mode: fault === "none" ? "plain" : `faults: ${fault}`, seconds: (run.end - run.begin) / 1000, verdict, events, replicas, errors };
  } finally {
    await cluster.close();
  }
}

function report(opts: ReplicaRunOptions, result: ModeResult, load: number[]): string {
  const { verdict } = result;
  const rows = [[result.mode, verdict.calls, result.errors, verdict.toolErrors, JSON.stringify(verdict.http), verdict.transport, fixed(percentile(verdict.latencies, 50)), fixed(percentile(verdict.latencies, 99))]];
  const lines = [
    `Replicas load test, ${new Date().toISOString()}, ${cpus().length} cores (load average before: ${load.map((one) => one.toFixed(2)).join(" ")}), Node ${process.version}: ${opts.clients} MCP SDK clients, ${fixed(result.seconds, 1)} s, ${opts.replicas} replicas behind nginx, Redis, the sandbox`,
    "",
    formatTable(["mode", "calls", "errors", "isError", "HTTP errors", "no answer", "p50 ms", "p99 ms"], rows),
    "",
    `calls/s ${fixed(verdict.calls / result.seconds, 0)}; writes confirmed ${verdict.confirmed}; writes applied twice ${verdict.writesAppliedTwice} (keys ${verdict.keysAppliedTwice}); answers contradicted by the sandbox ${verdict.disagreements.length}; dishonest errors ${verdict.dishonest.length}`,
    ...result.replicas.map((one, index) => `replica ${index} RSS: first ${megabytes(one.first)} MB, last ${megabytes(one.last)} MB, peak ${megabytes(one.peak)} MB`),
    ...result.events,
  ];
  return lines.join("\n");
}

export async function runReplicas(opts: ReplicaRunOptions): Promise<boolean> {
  const modes: Array<Fault | "none"> = opts.faults.length > 0 ? opts.faults : ["none"];
  const results: ModeResult[] = [];
  let good = true;
  try {
    for (const mode of modes) {
      const load = loadavg();
      const result = await runMode(opts, mode);
      results.push(result);
      console.log(`${report(opts, result, load)}\n`);
      for (const call of result.verdict.dishonest.slice(0, 3)) console.error(`dishonest: ${call.tool}: ${call.text}`);
      for (const one of result.verdict.disagreements.slice(0, 3)) console.error(`contradicted: ${one.why}: ${one.record.tool} ${one.record.text ?? ""}`);
      const truthful = result.verdict.dishonest.length === 0 && result.verdict.disagreements.length === 0 && result.verdict.writesAppliedTwice === 0 && result.verdict.keysAppliedTwice === 0;
      // The plain run must have no error at all; a fault run must stay truthful.
      if (!truthful || (mode === "none" && result.errors > 0)) good = false;
    }
  } finally {
    await removeBundles();
  }
  mkdirSync(".bench", { recursive: true });
  writeFileSync(
    ".bench/loadtest-replicas-latest.json",
    JSON.stringify(
      results.map((result) => ({ ...result, verdict: { ...result.verdict, latencies: undefined, p50Ms: percentile(result.verdict.latencies, 50), p99Ms: percentile(result.verdict.latencies, 99) } })),
      null,
      2,
    ),
  );
  return good;
}
