// npm run bench [-- --quick | --duration 5 --warmup 1.5 --connections 16 --soak 100000 --no-sandbox --no-corpus --profile --tsx]
// The gateway against its physical floor, on loopback: direct REST, a bare forwarder, the gateway on
// both protocol eras, and a peer (@ivotoby/openapi-mcp-server) on the same fixture in the same run;
// each server in its own process so its CPU per call and memory are its own.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { LATEST_PROTOCOL_VERSION } from "@modelcontextprotocol/sdk/types.js";
import { serverLoader, startChild, startScript, stopAll, type Child } from "./children.js";
import { FIXTURE_CARD_ID, FIXTURE_TOKEN } from "./fixture-upstream.js";
import { runLoad, runSequential, type LoadOptions, type LoadResult } from "./load.js";
import { loadPeer, startPeer, type Peer } from "./peer.js";
import { usage } from "./proc.js";
import { formatSummary, summarise } from "./profile.js";
import { fixed, formatTable, megabytes, targetRows, type Target } from "./report.js";

const CORPUS_SPEC = "../shared/corpus/specs/shopify__admin__2020-10.json";
const CORPUS_OUT = ".bench/corpus-shopify";
const PROFILE_DIR = ".bench/profiles";

const { values: flags } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    duration: { type: "string" },
    warmup: { type: "string" },
    connections: { type: "string", default: "16" },
    soak: { type: "string" },
    runs: { type: "string" },
    "no-sandbox": { type: "boolean", default: false },
    "no-corpus": { type: "boolean", default: false },
    profile: { type: "boolean", default: false },
    // Servers through tsx (as npm run dev) instead of built like npm start.
    tsx: { type: "boolean", default: false },
  },
});
if (flags.tsx) process.env.BENCH_LOADER = "tsx";
const loaderName = serverLoader() === "tsx" ? "tsx as npm run dev" : "built bundle on plain node as npm start";

const durationMs = Number(flags.duration ?? (flags.quick ? 2 : 5)) * 1000;
const warmupMs = Number(flags.warmup ?? (flags.quick ? 0.5 : 1.5)) * 1000;
const connections = Number(flags.connections);
const soakCalls = Number(flags.soak ?? (flags.quick ? 20_000 : 100_000));
const listRuns = Number(flags.runs ?? (flags.quick ? 100 : 300));

interface Row extends LoadResult {
  name: string;
  /** Server CPU per call, ms, summed over the server's process tree. */
  cpuMs: number;
  /** The upstream's CPU per call, ms, when the server calls one. */
  upstreamCpuMs?: number;
  rssBytes: number;
}

function mcpHeaders(token: string): Record<string, string> {
  return {
    "content-type": "application/json",
    accept: "application/json, text/event-stream",
    "mcp-protocol-version": LATEST_PROTOCOL_VERSION,
    authorization: `Bearer ${token}`,
  };
}

function toolCall(name: string, args: Record<string, unknown>): string {
  return JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name, arguments: args } });
}

const MODERN = "2026-07-28";

/** The same call as a 2026-07-28 client sends it: the envelope in `_meta`, the routing headers beside it. */
function modernCall(token: string, name: string, args: Record<string, unknown>): { headers: Record<string, string>; body: string } {
  const _meta = { "io.modelcontextprotocol/protocolVersion": MODERN, "io.modelcontextprotocol/clientCapabilities": {}, "io.modelcontextprotocol/clientInfo": { name: "bench", version: "1" } };
  return {
    headers: { ...mcpHeaders(token), "mcp-protocol-version": MODERN, "mcp-method": "tools/call", "mcp-name": name },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name, arguments: args, _meta } }),
  };
}

/** A tools/call answer that is a successful result naming the expected text. */
function resultWith(expected: string): (status: number, body: string) => boolean {
  return (_status, body) => body.includes(expected) && body.includes('"result"') && !body.includes('"isError":true');
}

async function measure(name: string, server: Child, upstream: Child | undefined, load: Omit<LoadOptions, "connections">): Promise<Row> {
  // One strict check first: the answer must be right, not merely fast.
  const probe = await runLoad({ ...load, connections: 1, requests: 1 });
  if (probe.errors > 0) throw new Error(`${name}: wrong answer: ${probe.firstError}`);
  await runLoad({ ...load, connections, durationMs: warmupMs });
  // --profile: the V8 CPU profile of each fixture-upstream gateway run, over the measured window.
  const profileFile = flags.profile && /^(gateway|forwarder) /.test(name) ? `${PROFILE_DIR}/${name.replace(/[^a-z0-9]+/gi, "-")}.cpuprofile` : undefined;
  if (profileFile) await server.profile("start");
  const before = usage(server.pid);
  const upstreamBefore = upstream && usage(upstream.pid);
  const result = await runLoad({ ...load, connections, durationMs });
  const after = usage(server.pid);
  const upstreamAfter = upstream && usage(upstream.pid);
  if (profileFile) {
    mkdirSync(PROFILE_DIR, { recursive: true });
    await server.profile("stop", profileFile);
    console.error(`  CPU profile (${name}, measured window; CPU figures of this run include the profiler): ${profileFile}`);
    console.error(formatSummary(summarise(profileFile, 30)));
  }
  const perCall = (seconds: number) => (seconds * 1000) / Math.max(1, result.requests);
  const row: Row = {
    name,
    ...result,
    cpuMs: perCall(after.cpuSeconds - before.cpuSeconds),
    rssBytes: after.rootRssBytes,
  };
  if (upstreamBefore && upstreamAfter) row.upstreamCpuMs = perCall(upstreamAfter.cpuSeconds - upstreamBefore.cpuSeconds);
  console.error(`  ${name}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50Ms.toFixed(3)} ms, cpu ${row.cpuMs.toFixed(3)} ms/call, errors ${result.errors}`);
  if (result.errors > 0) console.error(`    first error: ${result.firstError}`);
  return row;
}

/** The peer's run, driven its own way (bench/peer.ts), measured like the others. */
async function measurePeer(name: string, peer: Peer, upstream: Child, operationId: string, args: Record<string, unknown>, expected: string): Promise<Row> {
  const tool = peer.toolFor(operationId);
  const body = (id: number) => JSON.stringify({ jsonrpc: "2.0", id, method: "tools/call", params: { name: tool, arguments: args } });
  const verify = (text: string) => text.includes(expected) && text.includes('"result"') && !text.includes('"isError":true');
  const probe = await loadPeer(peer, FIXTURE_TOKEN, body, verify, 1, 50);
  if (probe.errors > 0) throw new Error(`${name}: wrong answer: ${probe.firstError}`);
  await loadPeer(peer, FIXTURE_TOKEN, body, verify, connections, warmupMs);
  const before = usage(peer.pid);
  const upstreamBefore = usage(upstream.pid);
  const result = await loadPeer(peer, FIXTURE_TOKEN, body, verify, connections, durationMs);
  const after = usage(peer.pid);
  const upstreamAfter = usage(upstream.pid);
  const perCall = (seconds: number) => (seconds * 1000) / Math.max(1, result.requests);
  const row: Row = { name, ...result, cpuMs: perCall(after.cpuSeconds - before.cpuSeconds), upstreamCpuMs: perCall(upstreamAfter.cpuSeconds - upstreamBefore.cpuSeconds), rssBytes: after.rootRssBytes } as Row;
  console.error(`  ${name}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50Ms.toFixed(3)} ms, cpu ${row.cpuMs.toFixed(3)} ms/call, errors ${result.errors}`);
  return row;
}

/** Latency with one request at a time: what a single assistant's call waits, without queueing. */
async function alone(name: string, load: Omit<LoadOptions, "connections">): Promise<LoadResult & { name: string }> {
  await runSequential({ ...load, requests: 200 });
  const result = await runSequential({ ...load, requests: listRuns * 3 });
  console.error(`  ${name}, one at a time: p50 ${result.p50Ms.toFixed(3)} ms, p99 ${result.p99Ms.toFixed(3)} ms`);
  return { name, ...result };
}

async function toolsListLatency(name: string, gateway: Child, token: string): Promise<LoadResult & { name: string; tools: number; bytes: number }> {
  const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" });
  const probe = await fetch(gateway.ready.url, { method: "POST", headers: mcpHeaders(token), body });
  const raw = Buffer.from(await probe.arrayBuffer());
  const answer = JSON.parse(raw.toString("utf8")) as { result?: { tools?: unknown[] } };
  const tools = answer.result?.tools?.length ?? 0;
  if (tools === 0) throw new Error(`${name}: tools/list answered no tools: ${JSON.stringify(answer).slice(0, 300)}`);
  // Checked once in full above; then every answer must be exactly as long (decoding it is the client's cost).
  const load = { url: gateway.ready.url, method: "POST" as const, headers: mcpHeaders(token), body, expectBytes: raw.length };
  await runSequential({ ...load, requests: Math.min(50, listRuns) });
  const result = await runSequential({ ...load, requests: listRuns });
  console.error(`  ${name}: ${tools} tools, p50 ${result.p50Ms.toFixed(3)} ms, p99 ${result.p99Ms.toFixed(3)} ms`);
  return { name, tools, bytes: raw.length, ...result };
}

async function soak(upstream: Child): Promise<{ readyMs: number; spawnToReadyMs: number; rssAfter5k: number; rssAfterAll: number; heapAfter5k: number; heapAfterAll: number; heapTotalAfter5k: number; heapTotalAfterAll: number; calls: number; errors: number }> {
  // A fresh gateway, so "after 5,000 calls" means since it started.
  const gateway = await startChild("gateway", { upstreamUrl: upstream.ready.url }, ["--expose-gc"]);
  const load = {
    url: gateway.ready.url,
    method: "POST" as const,
    headers: mcpHeaders(FIXTURE_TOKEN),
    body: toolCall("get_card", { card: FIXTURE_CARD_ID }),
    verify: resultWith(FIXTURE_CARD_ID),
    connections,
  };
  const first = await runLoad({ ...load, requests: 5_000 });
  const rssAfter5k = usage(gateway.pid).rootRssBytes;
  // What V8 holds for its heap (live objects and garbage not yet collected): where RSS growth would be.
  const heapTotalAfter5k = (await gateway.memory()).usage.heapTotal;
  const rest = await runLoad({ ...load, requests: Math.max(0, soakCalls - 5_000) });
  const rssAfterAll = usage(gateway.pid).rootRssBytes;
  const heapTotalAfterAll = (await gateway.memory()).usage.heapTotal;
  const heapAfterAll = await gateway.heapAfterGc();
  // The live heap after 5,000 calls comes from a second fresh gateway: collecting garbage in the first
  // one would change the course of its RSS.
  const twin = await startChild("gateway", { upstreamUrl: upstream.ready.url }, ["--expose-gc"]);
  await runLoad({ ...load, url: twin.ready.url, requests: 5_000 });
  const heapAfter5k = await twin.heapAfterGc();
  await twin.stop();
  await gateway.stop();
  console.error(
    `  soak: RSS ${megabytes(rssAfter5k)} MB after 5,000 calls, ${megabytes(rssAfterAll)} MB after ${soakCalls}; V8 heap ${megabytes(heapTotalAfter5k)} → ${megabytes(heapTotalAfterAll)} MB; live heap after GC ${megabytes(heapAfter5k)} → ${megabytes(heapAfterAll)} MB`,
  );
  return {
    readyMs: gateway.ready.readyMs,
    spawnToReadyMs: gateway.spawnToReadyMs,
    rssAfter5k,
    rssAfterAll,
    heapAfter5k,
    heapAfterAll,
    heapTotalAfter5k,
    heapTotalAfterAll,
    calls: first.requests + rest.requests,
    errors: first.errors + rest.errors,
  };
}

/** Ready time of the same gateway built into one bundle and run by plain node (no TypeScript loader). */
async function bundledReady(fixture: Child): Promise<number[]> {
  const { build } = await import("esbuild");
  await build({
    entryPoints: ["bench/gateway-bundled.ts"],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile: ".bench/dist/gateway.mjs",
    external: ["better-sqlite3"],
    // Some dependencies are CommonJS and call require.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: "warning",
  });
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const gateway = await startScript("gateway", ".bench/dist/gateway.mjs", [fixture.ready.url]);
    const probe = await runLoad({ url: gateway.ready.url, method: "POST", headers: mcpHeaders(FIXTURE_TOKEN), body: toolCall("get_card", { card: FIXTURE_CARD_ID }), verify: resultWith(FIXTURE_CARD_ID), connections: 1, requests: 1 });
    await gateway.stop();
    if (probe.errors > 0) throw new Error(`bundled gateway: wrong answer: ${probe.firstError}`);
    times.push(gateway.ready.readyMs);
  }
  console.error(`  bundled gateway ready after ${times.map((ms) => ms.toFixed(0)).join(", ")} ms`);
  return times;
}

function generateCorpusTable(): void {
  const begin = performance.now();
  try {
    // Its warnings (hundreds on this spec) are codegen's business, not the bench's: shown only on failure.
    execFileSync("npm", ["run", "-s", "codegen", "--", "--spec", CORPUS_SPEC, "--all", "--out", CORPUS_OUT], { stdio: "pipe", maxBuffer: 64 << 20 });
  } catch (error) {
    const failed = error as { stderr?: Buffer };
    console.error(failed.stderr?.toString("utf8").slice(-4000));
    throw new Error("codegen of the corpus table failed");
  }
  console.error(`  corpus table generated in ${((performance.now() - begin) / 1000).toFixed(1)} s`);
}

async function againstFixture(rows: Row[], lists: Awaited<ReturnType<typeof toolsListLatency>>[], ready: Record<string, number>, single: Awaited<ReturnType<typeof alone>>[]) {
  console.error("fixture upstream: direct REST, forwarder, gateway");
  const fixture = await startChild("fixture");
  const forwarder = await startChild("forwarder", { upstreamUrl: fixture.ready.url });
  const gateway = await startChild("gateway", { upstreamUrl: fixture.ready.url });
  ready[`gateway (Clara table), ${loaderName}`] = gateway.ready.readyMs;
  const auth = { authorization: `Bearer ${FIXTURE_TOKEN}` };
  const getCard = toolCall("get_card", { card: FIXTURE_CARD_ID });
  const listCards = toolCall("list_cards", {});
  rows.push(await measure("direct REST GET /cards/{id}", fixture, undefined, { url: `${fixture.ready.url}/api/v3/cards/${FIXTURE_CARD_ID}`, headers: auth, verify: resultWithId }));
  rows.push(await measure("forwarder get_card", forwarder, fixture, { url: forwarder.ready.url, method: "POST", headers: mcpHeaders(FIXTURE_TOKEN), body: getCard, verify: resultWith(FIXTURE_CARD_ID) }));
  const peer = await startPeer(fixture.ready.url, FIXTURE_TOKEN);
  const modernCard = modernCall(FIXTURE_TOKEN, "get_card", { card: FIXTURE_CARD_ID });
  const modernList = modernCall(FIXTURE_TOKEN, "list_cards", {});
  rows.push(await measure("gateway get_card", gateway, fixture, { url: gateway.ready.url, method: "POST", headers: mcpHeaders(FIXTURE_TOKEN), body: getCard, verify: resultWith(FIXTURE_CARD_ID) }));
  rows.push(await measure("gateway 2026 get_card", gateway, fixture, { url: gateway.ready.url, method: "POST", ...modernCard, verify: resultWith(FIXTURE_CARD_ID) }));
  rows.push(await measurePeer("peer get_card", peer, fixture, "getCard", { cardId: FIXTURE_CARD_ID }, FIXTURE_CARD_ID));
  rows.push(await measure("forwarder list_cards", forwarder, fixture, { url: forwarder.ready.url, method: "POST", headers: mcpHeaders(FIXTURE_TOKEN), body: listCards, verify: resultWith(FIXTURE_CARD_ID) }));
  rows.push(await measure("gateway list_cards", gateway, fixture, { url: gateway.ready.url, method: "POST", headers: mcpHeaders(FIXTURE_TOKEN), body: listCards, verify: resultWith(FIXTURE_CARD_ID) }));
  rows.push(await measure("gateway 2026 list_cards", gateway, fixture, { url: gateway.ready.url, method: "POST", ...modernList, verify: resultWith(FIXTURE_CARD_ID) }));
  rows.push(await measurePeer("peer list_cards", peer, fixture, "listCards", {}, FIXTURE_CARD_ID));
  await peer.stop();
  single.push(await alone("direct REST GET /cards/{id}", { url: `${fixture.ready.url}/api/v3/cards/${FIXTURE_CARD_ID}`, headers: auth, verify: resultWithId }));
  single.push(await alone("forwarder get_card", { url: forwarder.ready.url, method: "POST", headers: mcpHeaders(FIXTURE_TOKEN), body: getCard, verify: resultWith(FIXTURE_CARD_ID) }));
  single.push(await alone("gateway get_card", { url: gateway.ready.url, method: "POST", headers: mcpHeaders(FIXTURE_TOKEN), body: getCard, verify: resultWith(FIXTURE_CARD_ID) }));
  lists.push(await toolsListLatency("tools/list, Clara manifest", gateway, FIXTURE_TOKEN));
  await Promise.all([forwarder.stop(), gateway.stop()]);
  return fixture;
}

const resultWithId = (_status: number, body: string) => body.includes(`"id":"${FIXTURE_CARD_ID}"`);

async function againstCorpus(fixture: Child, lists: Awaited<ReturnType<typeof toolsListLatency>>[], ready: Record<string, number>) {
  console.error("corpus table: every operation of the largest spec");
  generateCorpusTable();
  const gateway = await startChild("gateway", {
    upstreamUrl: fixture.ready.url,
    tableModule: `${CORPUS_OUT}/tools.ts`,
    identityModule: "generated/tools.ts",
  });
  ready[`gateway (${gateway.ready.tools} tools), tsx`] = gateway.ready.readyMs;
  lists.push(await toolsListLatency(`tools/list, ${gateway.ready.tools} tools`, gateway, FIXTURE_TOKEN));
  await gateway.stop();
}

async function againstSandbox(rows: Row[]) {
  console.error("sandbox upstream (SQLite): direct REST and gateway");
  const admin = "admin@acme.example";
  const sandbox = await startChild("sandbox", { tokensFor: [admin] });
  const token = sandbox.ready.tokens?.[admin]?.[0];
  if (!token) throw new Error("the sandbox made no token");
  const page = (await (await fetch(`${sandbox.ready.url}/api/v3/cards?size=1`, { headers: { authorization: `Bearer ${token}` } })).json()) as { data: { id: string }[] };
  const cardId = page.data[0]?.id;
  if (!cardId) throw new Error("the sandbox has no card");
  const gateway = await startChild("gateway", { upstreamUrl: sandbox.ready.url });
  rows.push(await measure("sandbox: direct REST GET /cards/{id}", sandbox, undefined, { url: `${sandbox.ready.url}/api/v3/cards/${cardId}`, headers: { authorization: `Bearer ${token}` }, verify: (_s, body) => body.includes(cardId) }));
  rows.push(await measure("sandbox: gateway get_card", gateway, sandbox, { url: gateway.ready.url, method: "POST", headers: mcpHeaders(token), body: toolCall("get_card", { card: cardId }), verify: resultWith(cardId) }));
  rows.push(await measure("sandbox: gateway list_cards", gateway, sandbox, { url: gateway.ready.url, method: "POST", headers: mcpHeaders(token), body: toolCall("list_cards", {}), verify: resultWith(cardId) }));
  await Promise.all([gateway.stop(), sandbox.stop()]);
}

async function main(): Promise<void> {
  const started = new Date();
  const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? "unknown"}), ${megabytes(totalmem())} MB, Node ${process.version}`;
  console.error(`bench: ${machine}; ${durationMs / 1000} s per run after ${warmupMs / 1000} s warm-up, ${connections} connections; servers: ${loaderName}`);
  const rows: Row[] = [];
  const lists: Awaited<ReturnType<typeof toolsListLatency>>[] = [];
  const ready: Record<string, number> = {};
  const single: Awaited<ReturnType<typeof alone>>[] = [];
  const fixture = await againstFixture(rows, lists, ready, single);
  const soaked = await soak(fixture);
  const bundled = await bundledReady(fixture);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  ready[`gateway (Clara table), ${loaderName}, soak run`] = soaked.readyMs;
  ready["gateway alone (Clara table), minimal bundle on plain node, median of 3"] = median(bundled);
  if (!flags["no-corpus"]) await againstCorpus(fixture, lists, ready);
  await fixture.stop();
  if (!flags["no-sandbox"]) await againstSandbox(rows);

  const find = (name: string) => rows.find((row) => row.name === name)!;
  const direct = find("direct REST GET /cards/{id}");
  const floor = find("forwarder get_card");
  const gateway = find("gateway get_card");
  const modern = find("gateway 2026 get_card");
  const peer = find("peer get_card");
  const corpusList = lists.find((list) => list.tools >= 1000);
  const ratios = {
    cpuGatewayOverFloor: gateway.cpuMs / floor.cpuMs,
    rpsGatewayOverFloor: gateway.rps / floor.rps,
    rpsGatewayOverDirect: gateway.rps / direct.rps,
    addedMedianOverDirectMs: gateway.p50Ms - direct.p50Ms,
    addedMedianAloneMs: single[2]!.p50Ms - single[0]!.p50Ms,
    rssGrowth: soaked.rssAfterAll / soaked.rssAfter5k - 1,
    rpsGatewayOverPeer: gateway.rps / peer.rps,
    rpsModernOverPeer: modern.rps / peer.rps,
    cpuPeerOverGateway: peer.cpuMs / gateway.cpuMs,
  };
  const targets: Target[] = [
    { name: "gateway CPU per tools/call, 2025", value: gateway.cpuMs, limit: 0.25, kind: "max", unit: "ms" },
    { name: "gateway CPU per tools/call, 2026-07-28", value: modern.cpuMs, limit: 0.25, kind: "max", unit: "ms" },
    { name: "gateway req/s / peer req/s, 2025", value: ratios.rpsGatewayOverPeer, limit: 2, kind: "min", unit: "x" },
    { name: "gateway req/s / peer req/s, 2026-07-28", value: ratios.rpsModernOverPeer, limit: 2, kind: "min", unit: "x" },
    { name: "gateway CPU / forwarder CPU", value: ratios.cpuGatewayOverFloor, limit: 1.5, kind: "max", unit: "x" },
    { name: "gateway req/s / forwarder req/s", value: ratios.rpsGatewayOverFloor, limit: 0.6, kind: "min", unit: "x" },
    { name: "added p50 latency over direct, one at a time", value: ratios.addedMedianAloneMs, limit: 1, kind: "max", unit: "ms" },
    { name: `added p50 latency over direct, ${connections} connections`, value: ratios.addedMedianOverDirectMs, limit: 1, kind: "max", unit: "ms" },
    { name: `RSS growth ${soakCalls} vs 5,000 calls`, value: ratios.rssGrowth * 100, limit: 10, kind: "max", unit: "%" },
    { name: `ready after start, ${loaderName}`, value: soaked.readyMs, limit: 500, kind: "max", unit: "ms" },
    { name: "ready after start, minimal bundle", value: median(bundled), limit: 500, kind: "max", unit: "ms" },
  ];
  if (corpusList) targets.push({ name: `tools/list median, ${corpusList.tools} tools`, value: corpusList.p50Ms, limit: 3, kind: "max", unit: "ms" });

  const out = [
    `Gateway benchmark, ${started.toISOString()}, ${machine}`,
    `${connections} connections, ${durationMs / 1000} s per run; servers: ${loaderName}; CPU = server process tree, per call; RSS = server process`,
    "",
    formatTable(
      ["run", "req/s", "p50 ms", "p99 ms", "errors", "CPU ms/call", "upstream CPU ms/call", "RSS MB"],
      rows.map((row) => [row.name, fixed(row.rps, 0), fixed(row.p50Ms, 3), fixed(row.p99Ms, 3), row.errors, fixed(row.cpuMs, 3), fixed(row.upstreamCpuMs, 3), megabytes(row.rssBytes)]),
    ),
    "",
    formatTable(["one request at a time", "p50 ms", "p99 ms", "errors"], single.map((one) => [one.name, fixed(one.p50Ms, 3), fixed(one.p99Ms, 3), one.errors])),
    "",
    formatTable(
      ["tools/list (sequential, to the last byte)", "tools", "KB", "p50 ms", "p99 ms", "errors"],
      lists.map((list) => [list.name, list.tools, (list.bytes / 1024).toFixed(0), fixed(list.p50Ms, 3), fixed(list.p99Ms, 3), list.errors]),
    ),
    "",
    formatTable(
      ["memory and start-up", "value"],
      [
        ["gateway RSS after 5,000 calls", `${megabytes(soaked.rssAfter5k)} MB`],
        [`gateway RSS after ${soakCalls} calls`, `${megabytes(soaked.rssAfterAll)} MB (${soaked.errors} errors)`],
        ["gateway V8 heap (live and garbage), after 5,000 calls", `${megabytes(soaked.heapTotalAfter5k)} MB`],
        [`gateway V8 heap (live and garbage), after ${soakCalls} calls`, `${megabytes(soaked.heapTotalAfterAll)} MB`],
        ["gateway live heap after GC, after 5,000 calls", `${megabytes(soaked.heapAfter5k)} MB`],
        [`gateway live heap after GC, after ${soakCalls} calls`, `${megabytes(soaked.heapAfterAll)} MB`],
        ...Object.entries(ready).map(([name, ms]): string[] => [`ready after process start: ${name}`, `${fixed(ms, 0)} ms`]),
        ["ready, spawn to ready message (soak gateway)", `${fixed(soaked.spawnToReadyMs, 0)} ms`],
      ],
    ),
    "",
    formatTable(
      ["ratio", "value"],
      [
        ["gateway / forwarder, CPU per call", fixed(ratios.cpuGatewayOverFloor)],
        ["gateway / peer, req/s (2025; 2026-07-28)", `${fixed(ratios.rpsGatewayOverPeer)}; ${fixed(ratios.rpsModernOverPeer)}`],
        ["peer / gateway, CPU per call", fixed(ratios.cpuPeerOverGateway)],
        ["gateway / forwarder, req/s", fixed(ratios.rpsGatewayOverFloor)],
        ["gateway / direct, req/s", fixed(ratios.rpsGatewayOverDirect)],
        [`gateway - direct, p50 ms, ${connections} connections`, fixed(ratios.addedMedianOverDirectMs, 3)],
        ["gateway - direct, p50 ms, one at a time", fixed(ratios.addedMedianAloneMs, 3)],
      ],
    ),
    "",
    formatTable(["target", "measured", "limit", "status"], targetRows(targets)),
  ].join("\n");
  console.log(out);

  mkdirSync(".bench", { recursive: true });
  const json = JSON.stringify({ date: started.toISOString(), machine, durationMs, warmupMs, connections, rows, single, lists, soak: soaked, ready, bundledReadyMs: bundled, ratios, targets }, null, 2);
  const stamp = started.toISOString().replace(/[:.]/g, "-");
  writeFileSync(`.bench/gateway-${stamp}.json`, json);
  writeFileSync(".bench/gateway-latest.json", json);
  console.error(`written .bench/gateway-${stamp}.json`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => stopAll());
