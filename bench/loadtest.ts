// npm run loadtest [-- --clients 32 --duration 60 --window 10]
// Many real MCP clients mix the Clara tools against the gateway on the sandbox for a bounded time,
// then report calls, errors, latency and the gateway's memory at the start and at the end.
// npm run loadtest -- --replicas 3 [--faults kill,sandbox,redis]: replicas behind nginx (bench/replicas.ts).
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { startChild, stopAll } from "./children.js";
import { usage } from "./proc.js";
import { fixed, formatTable, megabytes } from "./report.js";
import { runReplicas, type Fault } from "./replicas.js";

const { values: flags } = parseArgs({
  options: {
    clients: { type: "string", default: "32" },
    duration: { type: "string", default: "60" },
    window: { type: "string", default: "10" },
    replicas: { type: "string" },
    faults: { type: "string", default: "" },
  },
});
const clientCount = Number(flags.clients);
const durationMs = Number(flags.duration) * 1000;
const windowMs = Math.min(Number(flags.window) * 1000, durationMs / 2);

interface Card {
  id: string;
  last4: string;
  status: string;
  cardholder: { name: string };
}

interface Call {
  name: string;
  args: Record<string, unknown>;
}

/** Picks the next call of one client: a mix close to what an assistant does all day. */
function planner(cards: Card[], own: Card, seed: number): () => Call {
  let state = seed * 2654435761 || 1;
  const random = (): number => {
    // xorshift: deterministic per client, so a run can be repeated.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const lastFourCount = new Map<string, number>();
  for (const card of cards) lastFourCount.set(card.last4, (lastFourCount.get(card.last4) ?? 0) + 1);
  const references = (card: Card): string[] => [card.id, ...(lastFourCount.get(card.last4) === 1 ? [card.last4, `•••• ${card.last4}`] : [])];
  let locked = false;
  return () => {
    const roll = random();
    if (roll < 0.2) return { name: "list_cards", args: pick([{}, { status: "LOCKED" }, { minSpendingLimit: "10000" }, { limit: 10 }]) };
    if (roll < 0.45) return { name: "get_card", args: { card: pick(references(pick(cards))) } };
    if (roll < 0.65) return { name: "list_transactions", args: pick([{}, { period: "this_month", limit: 20 }, { period: "last_30_days", minAmount: "5000" }, { card: own.id, limit: 10 }]) };
    if (roll < 0.85) return { name: "summarize_spending", args: pick([{ groupBy: "category", period: "last_month" }, { groupBy: "merchant", period: "this_quarter", limit: 5 }, { groupBy: "cardholder" }]) };
    locked = !locked;
    return { name: locked ? "lock_card" : "unlock_card", args: { card: pick(references(own)) } };
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

interface ToolStats {
  latencies: number[];
  errors: number;
  firstError?: string;
}

async function main(): Promise<void> {
  const users = ["admin@acme.example", "books@acme.example"];
  const perUser = Math.ceil(clientCount / users.length);
  console.error(`loadtest: ${clientCount} MCP clients for ${durationMs / 1000} s on ${cpus().length} cores`);
  const sandbox = await startChild("sandbox", { tokensFor: users, tokensPerUser: perUser });
  const gateway = await startChild("gateway", { upstreamUrl: sandbox.ready.url }, ["--expose-gc"]);
  const tokens = users.flatMap((user) => sandbox.ready.tokens?.[user] ?? []);
  if (tokens.length < clientCount) throw new Error("the sandbox made too few tokens");
  const listed = (await (await fetch(`${sandbox.ready.url}/api/v3/cards?size=100`, { headers: { authorization: `Bearer ${tokens[0]}` } })).json()) as { data: Card[] };
  const active = listed.data.filter((card) => card.status === "ACTIVE");
  if (active.length === 0) throw new Error("the sandbox has no active card");

  const clients = await Promise.all(
    Array.from({ length: clientCount }, async (_, index) => {
      const client = new Client({ name: `loadtest-${index}`, version: "1.0.0" });
      const transport = new StreamableHTTPClientTransport(new URL(gateway.ready.url), {
        requestInit: { headers: { authorization: `Bearer ${tokens[index]}` } },
      });
      await client.connect(transport);
      return client;
    }),
  );

  // The live heap after a full collection, before and after the run: flat when nothing leaks, whatever
  // the RSS sawtooth of the garbage collector does in between.
  const heapBefore = await gateway.heapAfterGc();
  const stats = new Map<string, ToolStats>();
  const samples: { atMs: number; rssBytes: number }[] = [];
  const begin = performance.now();
  const deadline = begin + durationMs;
  const sampler = setInterval(() => samples.push({ atMs: performance.now() - begin, rssBytes: usage(gateway.pid).rootRssBytes }), 1000);
  samples.push({ atMs: 0, rssBytes: usage(gateway.pid).rootRssBytes });

  await Promise.all(
    clients.map(async (client, index) => {
      const next = planner(listed.data, active[index % active.length]!, index + 1);
      while (performance.now() < deadline) {
        const call = next();
        const tool = stats.get(call.name) ?? { latencies: [], errors: 0 };
        stats.set(call.name, tool);
        const started = performance.now();
        try {
          const result = await client.callTool({ name: call.name, arguments: call.args });
          if (result.isError) {
            tool.errors++;
            tool.firstError ??= `${JSON.stringify(call.args)}: ${JSON.stringify(result.content).slice(0, 300)}`;
          }
        } catch (error) {
          tool.errors++;
          tool.firstError ??= `${JSON.stringify(call.args)}: ${String(error)}`;
        }
        tool.latencies.push(performance.now() - started);
      }
    }),
  );
  clearInterval(sampler);
  samples.push({ atMs: performance.now() - begin, rssBytes: usage(gateway.pid).rootRssBytes });
  const seconds = (performance.now() - begin) / 1000;
  await Promise.all(clients.map((client) => client.close()));
  const heapAfter = await gateway.heapAfterGc();

  const mean = (list: { rssBytes: number }[]) => list.reduce((sum, one) => sum + one.rssBytes, 0) / Math.max(1, list.length);
  const firstWindow = samples.filter((one) => one.atMs <= windowMs);
  const lastWindow = samples.filter((one) => one.atMs >= seconds * 1000 - windowMs);
  const first = mean(firstWindow);
  const last = mean(lastWindow);
  const peak = (list: { rssBytes: number }[]) => Math.max(...list.map((one) => one.rssBytes));
  const all = [...stats.values()].flatMap((one) => one.latencies).sort((a, b) => a - b);
  const errors = [...stats.values()].reduce((sum, one) => sum + one.errors, 0);
  const rows = [...stats.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, one]) => {
      const sorted = [...one.latencies].sort((a, b) => a - b);
      return [name, sorted.length, one.errors, fixed(percentile(sorted, 50)), fixed(percentile(sorted, 99))];
    });
  rows.push(["all tools", all.length, errors, fixed(percentile(all, 50)), fixed(percentile(all, 99))]);
  const growth = last / first - 1;

  console.log(
    [
      `Load test, ${new Date().toISOString()}, ${cpus().length} cores, Node ${process.version}: ${clientCount} MCP SDK clients, ${fixed(seconds, 1)} s, gateway on the sandbox`,
      "",
      formatTable(["tool", "calls", "errors", "p50 ms", "p99 ms"], rows),
      "",
      `calls/s ${fixed(all.length / seconds, 0)}`,
      `gateway RSS, mean of the first ${windowMs / 1000} s ${megabytes(first)} MB, of the last ${windowMs / 1000} s ${megabytes(last)} MB (${fixed(growth * 100, 1)} %); peaks ${megabytes(peak(firstWindow))} and ${megabytes(peak(lastWindow))} MB`,
      `gateway live heap after a full GC: ${megabytes(heapBefore)} MB before the run, ${megabytes(heapAfter)} MB after`,
    ].join("\n"),
  );
  for (const [name, one] of stats) if (one.firstError) console.error(`first error of ${name}: ${one.firstError}`);

  mkdirSync(".bench", { recursive: true });
  const json = {
    date: new Date().toISOString(),
    clients: clientCount,
    seconds,
    calls: all.length,
    errors,
    p50Ms: percentile(all, 50),
    p99Ms: percentile(all, 99),
    tools: Object.fromEntries([...stats].map(([name, one]) => [name, { calls: one.latencies.length, errors: one.errors, firstError: one.firstError }])),
    rss: { firstWindowBytes: first, lastWindowBytes: last, growth, samples },
    heapAfterGc: { beforeBytes: heapBefore, afterBytes: heapAfter },
  };
  writeFileSync(".bench/loadtest-latest.json", JSON.stringify(json, null, 2));
  await Promise.all([gateway.stop(), sandbox.stop()]);
  // Errors fail the run; memory is reported (the collector's sawtooth makes a window's mean a noisy judge).
  if (errors > 0) process.exitCode = 1;
}

const FAULTS: readonly Fault[] = ["kill", "sandbox", "redis"];

async function replicated(): Promise<void> {
  const faults = flags.faults!.split(",").filter(Boolean);
  const unknown = faults.filter((fault) => !FAULTS.includes(fault as Fault));
  if (unknown.length > 0) throw new Error(`unknown fault ${unknown.join(", ")} (expected ${FAULTS.join(", ")})`);
  const good = await runReplicas({ replicas: Number(flags.replicas), clients: clientCount, durationMs, faults: faults as Fault[] });
  if (!good) process.exitCode = 1;
}

(flags.replicas ? replicated() : main())
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => stopAll());
