// Upstream faults end to end: gateway → fault-injecting proxy → sandbox. Timeouts, retries only where
// sending again is safe, Idempotency-Key on every write, 429 Retry-After, and the circuit breaker.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ToolTable } from "../../../generated/table.js";
import { table } from "../../../generated/tools.js";
import { ERAS, startHardened, USERS, type HardenedStack } from "./stack.js";

describe.each(ERAS)("%s era", (era) => {
  const LIST = /^\/api\/v3\/cards(\?|$)/;
  const LOCK = /^\/api\/v3\/cards\/[^/]+\/lock$/;
  const resilience = {
    retry: { retries: 2, baseDelayMs: 20, maxDelayMs: 100, maxRetryAfterMs: 2_000, totalTimeoutMs: 1_500 },
    // No probes between calls here: these tests count every request that reaches the upstream.
    breaker: { failureThreshold: 4, cooldownMs: 300, probeIntervalMs: 3_600_000 },
  };

  function text(result: any): string {
    return result?.content?.[0]?.text ?? "";
  }

  describe("upstream faults", () => {
    let stack: HardenedStack;
    let admin: string;
    let luis: { id: string };

    beforeAll(async () => {
      stack = await startHardened({ era, faults: true, resilience });
      admin = stack.token(USERS.admin);
      const cards = await fetch(`${stack.sandbox.url}/api/v3/cards?cardholder=luis%20perez&size=100`, { headers: { authorization: `Bearer ${admin}` } });
      luis = ((await cards.json()) as { data: Array<{ id: string; cardholder: { name: string } }> }).data.find((card) => card.cardholder.name === "Luis Pérez")!;
    });
    afterAll(() => stack.close());

    const faulty = () => stack.faulty!;
    const seen = (path: RegExp, mark: number) => faulty().requests.slice(mark).filter((request) => path.test(request.path));

    it("a read survives a dropped connection, 500, 502 and 503: retried with backoff", async () => {
      const mark = faulty().requests.length;
      faulty().inject({ path: LIST }, { kind: "drop" }, { kind: "status", status: 500 });
      const first = await stack.call(admin, "list_cards", { limit: 3 });
      expect(first.json.result.isError).toBeFalsy();
      expect(first.json.result.structuredContent.returned).toBe(3);
      faulty().inject({ path: LIST }, { kind: "status", status: 502 }, { kind: "status", status: 503 });
      const second = await stack.call(admin, "list_cards", { limit: 3 });
      expect(second.json.result.isError).toBeFalsy();
      expect(seen(LIST, mark).map((request) => request.fault ?? "ok")).toEqual(["drop", "status", "ok", "status", "status", "ok"]);
    });

    it("a garbage body is a clear error, not a crash, and says nothing internal", async () => {
      faulty().inject({ path: LIST }, { kind: "garbage" });
      const once = await stack.call(admin, "list_cards", { limit: 2 });
      expect(once.status).toBe(200);
      expect(once.json.result.isError).toBe(true);
      expect(text(once.json.result)).toMatch(/did not answer \(unreadable answer\)/);
      expect(text(once.json.result)).not.toMatch(/SyntaxError|Unexpected token|JSON|html/);
      const next = await stack.call(admin, "list_cards", { limit: 2 });
      expect(next.json.result.isError).toBeFalsy();
    });

    it("a slow upstream is cut off at the total timeout and said so; the call does not hang", async () => {
      faulty().always({ path: LIST }, { kind: "hang" });
      try {
        const answer = await stack.call(admin, "list_cards", { limit: 2 });
        expect(answer.status).toBe(200);
        expect(answer.json.result.isError).toBe(true);
        // On a loaded machine the attempt's own timer may fire so late that no retry fits in the budget.
        expect(text(answer.json.result)).toMatch(/did not answer \((no answer within 1500 ms|no answer in time)\)/);
      } finally {
        faulty().always({ path: LIST }, null);
      }
    });

    it("a client that goes away mid-call cancels the upstream call at once, and the audit says so", async () => {
      faulty().always({ path: LIST }, { kind: "hang" });
      const mark = faulty().requests.length;
      const auditMark = stack.audit.length;
      try {
        const sent = request(`${stack.mcpUrl}`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            accept: "application/json, text/event-stream",
            authorization: `Bearer ${admin}`,
            "x-request-id": "goes-away-1",
          },
        });
        sent.on("error", () => {});
        sent.end(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "list_cards", arguments: { limit: 2 } } }));
        while (seen(LIST, mark).length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
        sent.destroy();
        while (!stack.audit.slice(auditMark).some((line) => line.includes("goes-away-1"))) await new Promise((resolve) => setTimeout(resolve, 10));
      } finally {
        faulty().always({ path: LIST }, null);
      }
      const line = JSON.parse(stack.audit.slice(auditMark).find((line) => line.includes("goes-away-1"))!);
      // Cancelled, not timed out (1,500 ms) and not retried: the hung request was the only one sent.
      expect(line).toMatchObject({ tool: "list_cards", outcome: "error" });
      expect(line.message).toMatch(/did not answer \(the call was cancelled\)/);
      expect(seen(LIST, mark)).toHaveLength(1);
      // The access line is written when the response closes, which may come after the audit line.
      const accessLine = () => stack.logs.map((text) => JSON.parse(text)).find((entry) => entry.reqId === "goes-away-1" && entry.msg === "request");
      for (let tries = 0; !accessLine() && tries < 200; tries++) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(accessLine()).toMatchObject({ method: "tools/call", tool: "list_cards", isError: true });
    });

    it("an upstream 429 with a short Retry-After is waited out; a long one is passed on with the wait", async () => {
      const mark = faulty().requests.length;
      faulty().inject({ path: LIST }, { kind: "status", status: 429, retryAfter: "1" });
      const waited = await stack.call(admin, "list_cards", { limit: 2 });
      expect(waited.json.result.isError).toBeFalsy();
      expect(seen(LIST, mark).map((request) => request.fault ?? "ok")).toEqual(["status", "ok"]);

      const mark2 = faulty().requests.length;
      faulty().inject({ path: LIST }, { kind: "status", status: 429, retryAfter: "120" });
      const passed = await stack.call(admin, "list_cards", { limit: 2 });
      expect(passed.json.result.isError).toBe(true);
      expect(text(passed.json.result)).toMatch(/try again in 120 seconds/);
      expect(seen(LIST, mark2)).toHaveLength(1);
    });

    it("every write carries a fresh Idempotency-Key; a lock whose answer was lost is sent again with the same key and applied once", async () => {
      const mark = faulty().requests.length;
      const logMark = stack.sandbox.requestLog.length;
      faulty().inject({ method: "PATCH", path: LOCK }, { kind: "drop-after-forward" });
      const locked = await stack.call(admin, "lock_card", { card: luis.id });
      expect(locked.json.result.isError).toBeFalsy();
      // The replayed answer is the first one: the card was active, and is locked once.
      expect(text(locked.json.result)).toMatch(/^Locked card •••• \d{4} \(Luis Pérez\); it was active\.$/);
      const patches = seen(LOCK, mark);
      expect(patches).toHaveLength(2);
      const key = patches[0]!.headers["idempotency-key"];
      expect(key).toMatch(/^[0-9a-f-]{36}$/);
      expect(patches[1]!.headers["idempotency-key"]).toBe(key);
      const applied = stack.sandbox.requestLog.slice(logMark).filter((entry) => entry.method === "PATCH");
      expect(applied).toHaveLength(2);

      const unlocked = await stack.call(admin, "unlock_card", { card: luis.id });
      expect(text(unlocked.json.result)).toMatch(/^Unlocked card .* it was locked\.$/);
      const keys = seen(LOCK, mark).map((request) => request.headers["idempotency-key"]);
      expect(new Set(keys).size).toBe(2);
    });

    it("a write answered 503 is retried with its key, and reported done only when it is", async () => {
      const mark = faulty().requests.length;
      faulty().inject({ method: "PATCH", path: LOCK }, { kind: "status", status: 503 });
      const answer = await stack.call(admin, "lock_card", { card: luis.id });
      expect(text(answer.json.result)).toMatch(/^Locked card/);
      const patches = seen(LOCK, mark);
      expect(patches.map((request) => request.fault ?? "ok")).toEqual(["status", "ok"]);
      expect(patches[1]!.headers["idempotency-key"]).toBe(patches[0]!.headers["idempotency-key"]);
      await stack.call(admin, "unlock_card", { card: luis.id });
    });
  });

  describe("writes without an idempotency key", () => {
    let stack: HardenedStack;
    let admin: string;

    beforeAll(async () => {
      // Fresh tool entries too: the runtime prepares each entry once, with the API settings it first saw.
      const unkeyed: ToolTable = { ...table, api: { ...table.api, idempotencyHeader: undefined }, tools: table.tools.map((tool) => ({ ...tool })) };
      stack = await startHardened({ era, faults: true, resilience, table: unkeyed });
      admin = stack.token(USERS.admin);
    });
    afterAll(() => stack.close());

    it("are sent once: a dropped answer is reported as an unknown outcome, never retried", async () => {
      const mark = stack.faulty!.requests.length;
      stack.faulty!.inject({ method: "PATCH", path: LOCK }, { kind: "drop-after-forward" });
      const answer = await stack.call(admin, "lock_card", { card: "luis perez" });
      expect(answer.json.result.isError).toBe(true);
      expect(text(answer.json.result)).toMatch(/outcome is unknown|may or may not/i);
      const patches = stack.faulty!.requests.slice(mark).filter((request) => LOCK.test(request.path));
      expect(patches).toHaveLength(1);
      expect(patches[0]!.headers["idempotency-key"]).toBeUndefined();
    });
  });

  describe("circuit breaker", () => {
    let stack: HardenedStack;
    let admin: string;

    beforeAll(async () => {
      stack = await startHardened({ era, faults: true, resilience, identityTtlMs: 60_000 });
      admin = stack.token(USERS.admin);
    });
    afterAll(() => stack.close());

    it("opens on a dead upstream so calls answer at once without touching it, and closes when it is back", async () => {
      // Warm the identity so the failing calls are the tool's own.
      expect((await stack.call(admin, "list_cards", { limit: 1 })).json.result.isError).toBeFalsy();
      stack.faulty!.always({}, { kind: "status", status: 503 });
      const first = await stack.call(admin, "list_cards", { limit: 1 });
      expect(first.json?.result?.isError ?? first.status >= 500).toBe(true);
      const second = await stack.call(admin, "list_cards", { limit: 1 });
      expect(second.status).toBeLessThan(600);

      const mark = stack.faulty!.requests.length;
      const fast = await stack.call(admin, "list_cards", { limit: 1 });
      expect(stack.faulty!.requests.length).toBe(mark);
      const told = fast.json?.result ? text(fast.json.result) : fast.json?.error?.message;
      expect(told).toMatch(/unavailable/);

      stack.faulty!.always({}, null);
      // After the cooldown one probe goes through; keep asking until it has.
      let recovered = false;
      for (let attempt = 0; attempt < 50 && !recovered; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const answer = await stack.call(admin, "list_cards", { limit: 1 });
        recovered = answer.status === 200 && answer.json?.result?.isError !== true;
      }
      expect(recovered).toBe(true);
      expect(stack.faulty!.requests.length).toBeGreaterThan(mark);
    });
  });
});
