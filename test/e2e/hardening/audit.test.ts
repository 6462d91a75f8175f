// The audit trail end to end: one JSON line per tools/call, on its own stream, tied to the gateway's
// request id and to the upstream's request id of the call that carried it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprint } from "../../../src/gateway/auth/token.js";
import { ERAS, startHardened, USERS, type HardenedStack } from "./stack.js";

describe.each(ERAS)("%s era", (era) => {
  let stack: HardenedStack;
  let admin: string;

  beforeAll(async () => {
    stack = await startHardened({ era });
    admin = stack.token(USERS.admin);
  });
  afterAll(() => stack.close());

  function call(token: string, name: string, args: unknown, requestId: string) {
    return stack.post(
      { jsonrpc: "2.0", id: 9, method: "tools/call", params: { name, arguments: args } },
      { authorization: `Bearer ${token}`, "x-request-id": requestId },
    );
  }

  function linesFor(requestId: string) {
    return stack.audit.map((line) => JSON.parse(line)).filter((line) => line.requestId === requestId);
  }

  describe("audit trail", () => {
    it("a read: who, what, arguments, outcome, upstream status and request id, latency", async () => {
      const mark = stack.sandbox.requestLog.length;
      const answer = await call(admin, "list_cards", { status: "LOCKED", limit: 5 }, "audit-read-1");
      expect(answer.status).toBe(200);
      const lines = linesFor("audit-read-1");
      expect(lines).toHaveLength(1);
      const upstream = stack.sandbox.requestLog.slice(mark).find((entry) => entry.path === "/api/v3/cards")!;
      expect(lines[0]).toEqual({
        type: "audit",
        time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        requestId: "audit-read-1",
        tokenId: fingerprint(admin).tokenId,
        user: expect.stringMatching(/^usr_/),
        userName: expect.any(String),
        company: expect.stringMatching(/^cmp_/),
        role: "ADMINISTRATOR",
        tool: "list_cards",
        arguments: { status: "LOCKED", limit: 5 },
        outcome: "ok",
        upstreamStatus: 200,
        upstreamRequestId: upstream.requestId,
        upstreamCalls: 1,
        latencyMs: expect.any(Number),
      });
    });

    it("a lock by name names the write's own upstream request, not the lookup before it", async () => {
      const mark = stack.sandbox.requestLog.length;
      await call(admin, "lock_card", { card: "luis perez" }, "audit-lock-1");
      const [line] = linesFor("audit-lock-1");
      const write = stack.sandbox.requestLog.slice(mark).find((entry) => entry.method === "PATCH")!;
      expect(line).toMatchObject({ tool: "lock_card", outcome: "ok", arguments: { card: "luis perez" }, upstreamStatus: 200, upstreamRequestId: write.requestId });
      expect(line.upstreamCalls).toBeGreaterThanOrEqual(2);
      await call(admin, "unlock_card", { card: "luis perez" }, "audit-unlock-1");
      expect(linesFor("audit-unlock-1")[0]).toMatchObject({ tool: "unlock_card", outcome: "ok" });
    });

    it("refusals are audited too: invalid arguments, a card that does not exist, an unknown tool", async () => {
      await call(admin, "list_cards", { limit: "many" }, "audit-invalid");
      await call(admin, "get_card", { card: "card_Missing0001" }, "audit-missing");
      await call(admin, "drop_tables", {}, "audit-unknown");
      expect(linesFor("audit-invalid")[0]).toMatchObject({ outcome: "error", upstreamCalls: 0, upstreamStatus: null, message: expect.stringMatching(/limit/) });
      expect(linesFor("audit-missing")[0]).toMatchObject({ outcome: "error", upstreamStatus: 404 });
      expect(linesFor("audit-unknown")[0]).toMatchObject({ outcome: "denied", tool: "drop_tables", upstreamCalls: 0 });
    });

    it("a token revoked mid-session is audited as unauthorized", async () => {
      const books = stack.token(USERS.books);
      await call(books, "get_current_user", {}, "audit-books-1");
      stack.revoke(books);
      const answer = await call(books, "list_cards", {}, "audit-books-2");
      expect(answer.status).toBe(401);
      // The identity checked a moment ago stands in for this tools/call, so the call runs and the upstream refuses it.
      const lines = linesFor("audit-books-2");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ outcome: "unauthorized", role: "BOOKKEEPER", tool: "list_cards", upstreamStatus: 401 });
    });

    it("exactly one line per tools/call and none for anything else; audit lines stay out of the request log", async () => {
      const before = stack.audit.length;
      const client = await stack.client(admin);
      await client.listTools();
      await client.callTool({ name: "get_current_user", arguments: {} });
      await client.callTool({ name: "list_transactions", arguments: { period: "last_7_days", limit: 3 } });
      await client.ping();
      expect(stack.audit.length - before).toBe(2);
      expect(stack.logs.some((line) => line.includes('"type":"audit"'))).toBe(false);
    });
  });
});
