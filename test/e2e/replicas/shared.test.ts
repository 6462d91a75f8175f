// Three replicas behind nginx, on the sandbox, with a real Redis: what they share. One token's limit is
// the deployment's, not each replica's; a confirmation given or spent on one replica is checked on every
// other; Redis stopped mid-load costs no 5xx, refuses confirmations, falls back to each replica's
// counters, says so once, and resumes; a token revoked mid-load is refused by every replica at once.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeBundles, startCluster, type Cluster } from "../../../scripts/cluster/cluster.js";
import { checkRun } from "../../../scripts/cluster/check.js";
import { loadClients, runLoad } from "../../../scripts/cluster/load.js";
import { connectClient } from "../clients.js";
import { limitOf, readiness, roundRobin, rpc, textOf, until } from "./rpc.js";

let cluster: Cluster;
let cards: string[];

beforeAll(async () => {
  // Every log line kept, to prove at the end that none holds a secret.
  cluster = await startCluster({ transactions: 300, env: { RATE_LIMIT_TOKEN: "60/60s" }, keepInfo: true });
  cards = (cluster.sandbox.db.prepare("SELECT id FROM cards WHERE company_id = 'cmp_acme' AND status = 'ACTIVE' ORDER BY id").pluck().all() as string[]).slice(10);
}, 120_000);
afterAll(async () => {
  await cluster?.close();
  await removeBundles();
});

const admin = () => cluster.token("admin@acme.example").token;

describe("rate limits", () => {
  it("RATE_LIMIT_TOKEN=60/60s: 120 tools/list with one token, round-robin over 3 replicas, get 54–66 200s and 429s for the rest", async () => {
    const statuses = await roundRobin(cluster, admin());
    expect(Object.keys(statuses).sort()).toEqual(["200", "429"]);
    expect(statuses[200]).toBeGreaterThanOrEqual(54);
    expect(statuses[200]).toBeLessThanOrEqual(66);
    expect(statuses[200]! + statuses[429]!).toBe(120);
  });
});

describe("confirmations across replicas", () => {
  it("a code asked for on A works once on B, and a replay on C is refused; the sandbox applied it once", async () => {
    const token = admin();
    const card = cards[0]!;
    const [a, b, c] = cluster.replicas.map((replica) => replica.mcpUrl);
    const args = { card, amount: "41234" };
    const asked = await rpc(a!, token, "tools/call", { name: "update_card_limit", arguments: args });
    const code = asked.json.result._meta["com.clara/confirmation"].code as string;
    expect(code).toMatch(/\./);
    const done = await rpc(b!, token, "tools/call", { name: "update_card_limit", arguments: { ...args, confirmation: code } });
    expect(done.json.result.isError).toBeFalsy();
    expect(textOf(done)).toMatch(/changed from .* to 41,234\.00 MXN/);
    const replay = await rpc(c!, token, "tools/call", { name: "update_card_limit", arguments: { ...args, confirmation: code } });
    expect(replay.json.result.isError).toBe(true);
    expect(textOf(replay)).toMatch(/^This confirmation is not valid.*Nothing was changed\./);
    const applied = cluster.sandbox.db.prepare("SELECT count(*) FROM applied_writes WHERE fingerprint = ?").pluck().get(JSON.stringify(["updateCardLimit", card, 4_123_400, null]));
    expect(applied).toBe(1);
    expect(limitOf(cluster, card)).toBe(4_123_400);
  });

  /** A client whose requests go to replica A, except those `toB` picks, which go to B (as a balancer may send them). */
  function routed(toB: (body: any) => boolean, sent: { a: number; b: number; bodies: any[] }): typeof fetch {
    const [a, b] = cluster.replicas;
    return (async (input: string | URL | Request, init?: RequestInit) => {
      const body = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
      if (body) sent.bodies.push(body);
      const target = body && toB(body) ? b! : a!;
      if (target === b) sent.b++;
      else sent.a++;
      return fetch(String(input instanceof Request ? input.url : input).replace(a!.url, target.url), init);
    }) as typeof fetch;
  }

  it("2025 elicitation: the form goes down A's event stream, the user's answer is POSTed to B, and A's call goes on", async () => {
    const card = cards[1]!;
    const sent = { a: 0, b: 0, bodies: [] as any[] };
    // The client's answer to the form is a JSON-RPC response: that is what lands on the other replica.
    const client = await connectClient(cluster.replicas[0]!.mcpUrl, {
      era: "2025",
      headers: { authorization: `Bearer ${admin()}` },
      name: "replicas-elicit",
      answering: "yes",
      fetch: routed((body) => body.result !== undefined && body.method === undefined, sent),
    });
    try {
      const answer = await client.callTool({ name: "update_card_limit", arguments: { card, amount: "42345" } });
      expect(client.asked).toEqual([expect.stringMatching(/^Change the limit of •••• \d{4} .* to 42,345\.00 MXN/)]);
      expect(sent.b).toBe(1);
      expect(answer.isError).toBeFalsy();
      expect(limitOf(cluster, card)).toBe(4_234_500);
    } finally {
      await client.close();
    }
  });

  it("2026-07-28 input_required: asked on A, answered on B with the sealed requestState; the same state replayed on C is refused", async () => {
    const card = cards[2]!;
    const token = admin();
    const sent = { a: 0, b: 0, bodies: [] as any[] };
    const client = await connectClient(cluster.replicas[0]!.mcpUrl, {
      era: "2026",
      headers: { authorization: `Bearer ${token}` },
      name: "replicas-input",
      answering: "yes",
      fetch: routed((body) => body.params?.requestState !== undefined, sent),
    });
    try {
      const answer = await client.callTool({ name: "update_card_limit", arguments: { card, amount: "43456" } });
      expect(answer.isError).toBeFalsy();
      expect(sent.b).toBe(1);
      expect(limitOf(cluster, card)).toBe(4_345_600);
    } finally {
      await client.close();
    }
    const retry = sent.bodies.find((body) => body.params?.requestState !== undefined);
    const replay = await fetch(cluster.replicas[2]!.mcpUrl, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", authorization: `Bearer ${token}`, "mcp-method": "tools/call", "mcp-name": "update_card_limit", "mcp-protocol-version": "2026-07-28" },
      body: JSON.stringify(retry),
    });
    const replayed = (await replay.json()) as any;
    expect(replayed.result.isError).toBe(true);
    expect(replayed.result.content[0].text).toMatch(/^This confirmation is not valid/);
  });
});

describe("exports across replicas", () => {
  it("a download link a list answer offered on replica A downloads on replica B (the deployment's secret opens it)", async () => {
    const books = cluster.token("books@acme.example").token;
    const listed = await rpc(cluster.replicas[0]!.mcpUrl, books, "tools/call", { name: "list_transactions", arguments: { period: "last_30_days", limit: 5 } });
    const link = /(https?:\/\/\S+\/exports\/\S+\.csv)/.exec(textOf(listed))?.[1];
    expect(link, textOf(listed)).toBeDefined();
    const url = new URL(link!);
    expect(url.origin).toBe(cluster.replicas[0]!.url);
    const elsewhere = await fetch(`${cluster.replicas[1]!.url}${url.pathname}`);
    expect(elsewhere.status).toBe(200);
    const csv = await elsewhere.text();
    expect(csv.split("\n")[0]).toMatch(/^\uFEFF?Date,Authorized at/);
    expect(csv.trim().split("\n").length).toBeGreaterThan(5);
  });
});

describe("Redis stopped mid-load and restarted", () => {
  it("no 5xx, confirmations refused while down, limits per replica, one warning per replica; back: shared limits and confirmations resume", async () => {
    const token = admin();
    const card = cards[3]!;
    const args = { card, amount: "44567" };
    const asked = await rpc(cluster.replicas[0]!.mcpUrl, token, "tools/call", { name: "update_card_limit", arguments: args });
    const code = asked.json.result._meta["com.clara/confirmation"].code as string;
    const before = limitOf(cluster, card);

    // A light load through nginx the whole time, each client under its token's 60 a minute.
    const clients = loadClients(cluster.sandbox.db, 3, (email) => cluster.token(email, "redis load").token);
    const load = runLoad({ url: cluster.mcpUrl, clients, durationMs: 9_000, pace: 400 });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await cluster.redis.stop();
    await until(async () => (await readiness(cluster)).every((one) => one.body.redis === "unavailable"), 10_000, "every replica to see Redis gone");

    for (const one of await readiness(cluster)) expect(one).toEqual({ status: 200, body: { status: "ready", upstream: "reachable", redis: "unavailable" } });
    // Fail closed: a confirmation that cannot be checked is refused, and nothing is written.
    const refused = await rpc(cluster.replicas[1]!.mcpUrl, token, "tools/call", { name: "update_card_limit", arguments: { ...args, confirmation: code } });
    expect(refused.status).toBe(200);
    expect(textOf(refused)).toMatch(/^The confirmation could not be checked right now\. Nothing was changed/);
    expect(limitOf(cluster, card)).toBe(before);
    // Each replica counts in its own memory: 120 round-robin calls are 40 a replica, all under 60…
    expect(await roundRobin(cluster, admin())).toEqual({ 200: 120 });
    // …and one replica alone still holds a token to its 60 (limited, not let through).
    const alone = admin();
    const statuses: number[] = [];
    for (let i = 0; i < 70; i++) statuses.push((await rpc(cluster.replicas[0]!.mcpUrl, alone, "tools/list")).status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(60);
    expect(statuses.filter((status) => status === 429)).toHaveLength(10);

    await cluster.redis.start();
    await until(async () => (await readiness(cluster)).every((one) => one.body.redis === "available"), 15_000, "every replica to see Redis back");
    const run = await load;
    const verdict = checkRun(cluster.sandbox.db, run);
    expect(verdict.http).toEqual({});
    expect(verdict.transport).toBe(0);
    expect(verdict.dishonest).toEqual([]);
    expect(verdict.disagreements).toEqual([]);
    expect(verdict.ok).toBeGreaterThan(20);

    for (const replica of cluster.replicas) {
      const warned = replica.lines.filter((line) => line.includes('"redis":"unavailable"'));
      expect(warned, `replica ${replica.index}`).toHaveLength(1);
      expect(warned[0]).toContain('"level":40');
      expect(replica.lines.filter((line) => line.includes('"redis":"available"'))).toHaveLength(1);
      // The warning names Redis, never its address or a secret.
      expect(warned[0]).not.toContain(cluster.redis.url);
    }
    // Shared again: one token's 60 a minute across all three.
    const shared = await roundRobin(cluster, admin());
    expect(shared[200]).toBeGreaterThanOrEqual(54);
    expect(shared[200]).toBeLessThanOrEqual(66);
    // A code asked for after Redis is back works once.
    const again = await rpc(cluster.replicas[2]!.mcpUrl, token, "tools/call", { name: "update_card_limit", arguments: { card, amount: "44568" } });
    const fresh = again.json.result._meta["com.clara/confirmation"].code as string;
    const done = await rpc(cluster.replicas[0]!.mcpUrl, token, "tools/call", { name: "update_card_limit", arguments: { card, amount: "44568", confirmation: fresh } });
    expect(done.json.result.isError).toBeFalsy();
    expect(limitOf(cluster, card)).toBe(4_456_800);
  }, 60_000);
});

describe("revocation", () => {
  it("a token revoked while load runs is refused by every replica on its next request", async () => {
    const made = cluster.token("admin@acme.example", "to revoke");
    const clients = [{ token: made.token, card: { id: cards[4]!, companyId: "cmp_acme" } }];
    const load = runLoad({ url: cluster.mcpUrl, clients, durationMs: 3_000, pace: 100, readsOnly: true });
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    cluster.revoke(made.id);
    const revokedAt = Date.now();
    // Every replica, both kinds of request: one checked upstream every time, one that may ride a recent identity.
    for (const replica of cluster.replicas) {
      expect((await rpc(replica.mcpUrl, made.token, "tools/list")).status, `replica ${replica.index} tools/list`).toBe(401);
      expect((await rpc(replica.mcpUrl, made.token, "tools/call", { name: "get_current_user", arguments: {} })).status, `replica ${replica.index} tools/call`).toBe(401);
    }
    const run = await load;
    const before = run.calls.filter((call) => call.endedAt < revokedAt);
    const after = run.calls.filter((call) => call.startedAt > revokedAt);
    expect(before.filter((call) => call.kind === "ok").length).toBeGreaterThan(3);
    expect(after.length).toBeGreaterThan(3);
    expect(after.map((call) => call.status ?? call.kind)).toEqual(after.map(() => 401));
  }, 30_000);
});

describe("secrets", () => {
  it("no replica's log or audit line holds a token, the gateway secret or the Redis URL", async () => {
    // The audit files are written in the background: a moment for the last lines.
    await new Promise((resolve) => setTimeout(resolve, 600));
    const written = [...cluster.replicas.flatMap((replica) => replica.lines), ...cluster.auditFiles.map((file) => readFileSync(file, "utf8"))].join("\n");
    expect(written.length).toBeGreaterThan(10_000);
    expect(written).toContain('"type":"audit"');
    const tokens = cluster.issued();
    expect(tokens.length).toBeGreaterThan(10);
    for (const secret of [...tokens, cluster.secret, cluster.redis.url]) expect(written.includes(secret), secret.slice(0, 14)).toBe(false);
    expect(written).not.toMatch(/clara_pat_[0-9A-Za-z]{20,}/);
  });
});
