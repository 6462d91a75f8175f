// Three replicas behind nginx under load while things break: a replica killed (SIGKILL) and another
// stopped (SIGTERM) mid-load, and the sandbox (the API) killed for 3 s. Every call completes or is
// answered honestly, no write is applied twice, every answer about a write agrees with what the sandbox
// applied, and once the API answers again every call started a second later succeeds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeBundles, startCluster, type Cluster } from "../../../scripts/cluster/cluster.js";
import { checkRun, type Verdict } from "../../../scripts/cluster/check.js";
import { loadClients, runLoad, type CallRecord } from "../../../scripts/cluster/load.js";
import { rpc, until } from "./rpc.js";

let cluster: Cluster;

beforeAll(async () => {
  // Every client comes from 127.0.0.1 through nginx, so no per-address limit; the per-token one stays on.
  cluster = await startCluster({ transactions: 300, env: { RATE_LIMIT_ADDRESS: "off", RATE_LIMIT_TOKEN: "100000/60s" } });
}, 120_000);
afterAll(async () => {
  await cluster?.close();
  await removeBundles();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a verdict must say in every scenario: honest answers, nothing applied twice, nothing contradicted. */
function expectTruthful(verdict: Verdict): void {
  expect(verdict.dishonest.map((call) => call.text)).toEqual([]);
  expect(verdict.disagreements.map((one) => `${one.why}: ${one.record.tool} ${one.record.text ?? ""}`)).toEqual([]);
  expect(verdict.keysAppliedTwice).toBe(0);
  expect(verdict.writesAppliedTwice).toBe(0);
}

const failed = (call: CallRecord) => call.kind === "http" || call.kind === "transport";

describe("a replica killed and another stopped mid-load", () => {
  it("SIGKILL one, SIGTERM another: calls complete or are answered honestly, nothing applied twice, no confirmation contradicted", async () => {
    const clients = loadClients(cluster.sandbox.db, 8, (email) => cluster.token(email, "kill load").token);
    const load = runLoad({ url: cluster.mcpUrl, clients, durationMs: 8_000 });
    await sleep(2_500);
    const killedAt = Date.now();
    cluster.replicas[0]!.kill("SIGKILL");
    await sleep(2_000);
    const stoppedAt = Date.now();
    cluster.replicas[1]!.kill("SIGTERM");
    const drained = await cluster.replicas[1]!.exited;
    const stoppedBy = Date.now();
    const run = await load;
    const verdict = checkRun(cluster.sandbox.db, run);

    expectTruthful(verdict);
    // The stopped replica finished its calls in flight and exited cleanly.
    expect(drained).toBe(0);
    // A call can only fail without an answer from a replica if it was in flight on the one killed, or
    // went to the one draining (nginx never sends a POST twice, so it answers 502 for it).
    const unanswered = run.calls.filter(failed);
    // nginx may still send a request on a kept-alive connection to the killed replica until it sees the close.
    const explained = unanswered.filter((call) => (call.startedAt <= killedAt + 500 && call.endedAt >= killedAt) || (call.endedAt >= stoppedAt && call.startedAt <= stoppedBy + 50));
    expect(unanswered.map((call) => `${call.tool} ${call.status ?? call.kind} ${call.startedAt - run.begin}-${call.endedAt - run.begin} ms`)).toEqual(
      explained.map((call) => `${call.tool} ${call.status ?? call.kind} ${call.startedAt - run.begin}-${call.endedAt - run.begin} ms`),
    );
    expect(Object.keys(verdict.http).filter((status) => status !== "502")).toEqual([]);
    // Load went on through the last replica.
    expect(run.calls.filter((call) => call.startedAt > stoppedBy + 500 && call.kind === "ok").length).toBeGreaterThan(20);
    expect(verdict.confirmed).toBeGreaterThan(10);
    console.log(`kill run: ${verdict.calls} calls, ${verdict.ok} ok, ${verdict.confirmed} writes confirmed, HTTP errors ${JSON.stringify(verdict.http)}, no answer ${verdict.transport}`);

    await Promise.all([cluster.replicas[0]!.start(), cluster.replicas[1]!.start()]);
  }, 60_000);
});

describe("the sandbox killed for 3 s mid-load", () => {
  it("replicas stay up, no 5xx, writes say nothing changed or outcome unknown, and every call started 1 s after the API answers succeeds", async () => {
    const clients = loadClients(cluster.sandbox.db, 8, (email) => cluster.token(email, "outage load").token);
    const never = cluster.token("admin@acme.example", "never seen").token;
    const probe = cluster.token("books@acme.example", "probe").token;
    // A caller only replica 0 ever verified: the others know it from Redis when the API is gone.
    const onlyZero = cluster.token("admin@brasa.example", "seen by one").token;
    expect((await rpc(cluster.replicas[0]!.mcpUrl, onlyZero, "tools/list")).status).toBe(200);
    // nginx forgets a replica it saw refused for 2 s; give the restarted ones that.
    await sleep(2_000);
    const load = runLoad({ url: cluster.mcpUrl, clients, durationMs: 10_000 });
    await sleep(2_000);
    const killedAt = Date.now();
    cluster.sandbox.kill("SIGKILL");
    await cluster.sandbox.exited;
    const deadAt = Date.now();
    // When GET /api/v3/me first answers again, seen from outside, every 20 ms.
    let backAt = 0;
    const watching = (async () => {
      while (!backAt) {
        try {
          const me = await fetch(`${cluster.sandbox.url}/api/v3/me`, { headers: { authorization: `Bearer ${probe}` } });
          if (me.status === 200) backAt = Date.now();
        } catch {
          // not yet
        }
        if (!backAt) await sleep(20);
      }
    })();
    await sleep(1_000);
    // A token no replica ever verified cannot be served while the API is gone: 503 with Retry-After.
    const unknown = await rpc(cluster.replicas[2]!.mcpUrl, never, "tools/list");
    expect(unknown.status).toBe(503);
    expect(unknown.headers.get("retry-after")).toMatch(/^\d+$/);
    for (const replica of cluster.replicas.slice(1)) {
      const answer = await rpc(replica.mcpUrl, onlyZero, "tools/call", { name: "lock_card", arguments: { card: "card_x" } });
      expect(answer.status, `replica ${replica.index}`).toBe(200);
      expect(answer.json.result.content[0].text).toBe("Clara API is unavailable right now, so this was not tried. Nothing was changed.");
    }
    await sleep(Math.max(0, 3_000 - (Date.now() - killedAt)));
    await cluster.sandbox.start();
    await watching;
    const run = await load;
    const verdict = checkRun(cluster.sandbox.db, run);

    expectTruthful(verdict);
    expect(cluster.replicas.every((replica) => replica.running)).toBe(true);
    expect(verdict.http).toEqual({});
    expect(verdict.transport).toBe(0);
    // Writes answered during the outage said nothing changed, or that the outcome is unknown.
    const during = run.calls.filter((call) => call.said && call.startedAt > deadAt && call.endedAt < backAt);
    expect(during.length).toBeGreaterThan(5);
    expect(during.filter((call) => call.said === "done")).toEqual([]);
    // Recovery: every call started a second or more after the API answered succeeded.
    const late = run.calls.filter((call) => call.startedAt >= backAt + 1_000);
    expect(late.length).toBeGreaterThan(10);
    expect(late.filter((call) => call.kind !== "ok" && !call.preview).map((call) => call.text)).toEqual([]);
    const firstOk = Math.min(...run.calls.filter((call) => call.startedAt >= backAt && (call.kind === "ok" || call.preview)).map((call) => call.endedAt));
    console.log(`outage run: ${verdict.calls} calls, ${during.length} writes during the outage, API back ${backAt - killedAt} ms after the kill, first success ${firstOk - backAt} ms after it answered`);
  }, 60_000);
});
