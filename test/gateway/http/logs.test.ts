// One JSON log line per request, naming the caller by tokenId; no token ever appears in a log line.
import { LATEST_PROTOCOL_VERSION } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprint } from "../../../src/gateway/auth/token.js";
import { ERAS, startStack, TOKEN_HEADER, USERS, type Stack } from "../../e2e/harness.js";

describe.each(ERAS)("%s era", (era) => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ era,  transactions: 300 });
  });
  afterAll(() => stack.close());

  async function post(headers: Record<string, string>, body: unknown): Promise<number> {
    const response = await fetch(stack.mcpUrl, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", "mcp-protocol-version": LATEST_PROTOCOL_VERSION, ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    await response.arrayBuffer();
    return response.status;
  }

  describe("request logs", () => {
    it("one line per request with request id, method, tool, status and latency", async () => {
      const token = stack.token(USERS.admin);
      const before = stack.logs.length;
      const statuses = [
        await post({ authorization: `Bearer ${token}` }, { jsonrpc: "2.0", id: 1, method: "tools/list" }),
        await post({ authorization: `Bearer ${token}` }, { jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "list_cards", arguments: { limit: 2 } } }),
        await post({ authorization: `Bearer ${token}` }, "{oops"),
      ];
      expect(statuses).toEqual([200, 200, 400]);
      const lines = stack.logs.slice(before).map((line) => JSON.parse(line));
      expect(lines).toHaveLength(3);
      const tokenId = fingerprint(token).tokenId;
      expect(lines[0]).toMatchObject({ msg: "request", reqId: expect.any(String), method: "tools/list", status: 200, tokenId, ms: expect.any(Number) });
      expect(lines[1]).toMatchObject({ method: "tools/call", tool: "list_cards", status: 200, tokenId, role: "ADMINISTRATOR" });
      expect(lines[2]).toMatchObject({ status: 400, rpcError: -32700 });
      expect(new Set(lines.map((line) => line.reqId)).size).toBe(3);
    });

    it("no token appears in any line, whatever happened to the request", async () => {
      const good = stack.token(USERS.admin);
      const revoked = stack.token(USERS.books);
      const employee = stack.token(USERS.employee);
      const unknown = "clara_pat_" + "Q".repeat(40);
      const client = await stack.client(good);
      await client.listTools();
      await client.callTool({ name: "list_cards", arguments: { limit: 3 } });
      await client.callTool({ name: "lock_card", arguments: { card: "4821" } });
      await client.callTool({ name: "unlock_card", arguments: { card: "luis perez" } });
      await client.callTool({ name: "get_card", arguments: { card: "card_Missing0001" } });
      await client.callTool({ name: "list_transactions", arguments: { period: "nonsense" } });
      await expect(client.callTool({ name: "not_a_tool", arguments: {} })).rejects.toThrow();
      const viaHeader = await stack.client(revoked, { header: TOKEN_HEADER });
      await viaHeader.callTool({ name: "get_current_user", arguments: {} });
      stack.revoke(revoked);
      await expect(viaHeader.listTools()).rejects.toMatchObject({ code: 401 });
      await expect(viaHeader.callTool({ name: "list_cards", arguments: {} })).rejects.toMatchObject({ code: 401 });
      expect(await post({ authorization: `Bearer ${employee}` }, { jsonrpc: "2.0", id: 1, method: "tools/list" })).toBe(403);
      expect(await post({ authorization: `Bearer ${unknown}` }, { jsonrpc: "2.0", id: 1, method: "tools/list" })).toBe(401);
      expect(await post({ authorization: `Bearer ${good}` }, { jsonrpc: "2.0", id: null, method: "ping" })).toBe(400);

      const all = stack.logs.join("\n");
      expect(stack.logs.length).toBeGreaterThan(10);
      for (const token of [good, revoked, employee, unknown]) {
        expect(all).not.toContain(token);
        // Not even the random part of it.
        expect(all).not.toContain(token.slice(10));
        // Its fingerprint is what identifies the caller instead (the unknown token included).
        expect(all).toContain(fingerprint(token).tokenId);
      }
    });
  });
});
