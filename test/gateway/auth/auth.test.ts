// Personal access tokens and roles on every MCP request, end to end through the sandbox.
import { LATEST_PROTOCOL_VERSION } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { table } from "../../../generated/tools.js";
import { ERAS, startStack, TOKEN_HEADER, USERS, type Stack } from "../../e2e/harness.js";

describe.each(ERAS)("%s era", (era) => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ era,  transactions: 400 });
  });
  afterAll(() => stack.close());

  async function rpc(headers: Record<string, string>, body: unknown = { jsonrpc: "2.0", id: 7, method: "tools/list" }) {
    const response = await fetch(stack.mcpUrl, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": LATEST_PROTOCOL_VERSION, ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, challenge: response.headers.get("www-authenticate"), json: (await response.json()) as any };
  }

  describe("401: no usable token", () => {
    it("a missing token → 401, a Bearer challenge and a JSON-RPC error with the request's id", async () => {
      const answer = await rpc({});
      expect(answer.status).toBe(401);
      expect(answer.challenge).toBe('Bearer realm="clara"');
      expect(answer.json).toEqual({ jsonrpc: "2.0", id: 7, error: { code: -32000, message: expect.stringContaining("Authorization: Bearer") } });
      expect(answer.json.error.message).toContain(TOKEN_HEADER);
    });

    it.each([
      ["another scheme", { authorization: "Basic dXNlcjpwYXNz" }],
      ["Bearer without a token", { authorization: "Bearer" }],
      ["characters a token cannot have", { authorization: "Bearer abc<def>ghi" }],
      ["a token too short to be one", { authorization: "Bearer abc" }],
      ["two different tokens", { authorization: "Bearer clara_pat_aaaaaaaaaaaa", [TOKEN_HEADER]: "clara_pat_bbbbbbbbbbbb" }],
    ])("malformed (%s) → 401", async (_name, headers) => {
      const answer = await rpc(headers);
      expect(answer.status).toBe(401);
      expect(answer.challenge).toBe('Bearer realm="clara", error="invalid_request"');
      expect(answer.json.error.code).toBe(-32000);
    });

    it("an unknown token → 401 invalid_token, for any method", async () => {
      const unknown = "clara_pat_" + "x".repeat(40);
      for (const body of [
        { jsonrpc: "2.0", id: 1, method: "tools/list" },
        { jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "list_cards", arguments: {} } },
        { jsonrpc: "2.0", id: 3, method: "ping" },
        { jsonrpc: "2.0", method: "notifications/initialized" },
      ]) {
        const answer = await rpc({ authorization: `Bearer ${unknown}` }, body);
        expect(answer.status).toBe(401);
        expect(answer.challenge).toBe('Bearer realm="clara", error="invalid_token"');
        expect(answer.json.error.message).toMatch(/unknown or revoked/);
      }
    });

    it("the SDK client cannot even initialize without a valid token", async () => {
      await expect(stack.client("clara_pat_" + "y".repeat(40))).rejects.toMatchObject({ code: 401 });
    });
  });

  describe("the clara-mcp-token header", () => {
    it("works like Authorization: Bearer", async () => {
      const token = stack.token(USERS.books);
      const client = await stack.client(token, { header: TOKEN_HEADER });
      const tools = await client.listTools();
      expect(tools.tools.length).toBe(12);
      const me = await client.callTool({ name: "get_current_user", arguments: {} });
      expect(me.structuredContent).toMatchObject({ email: USERS.books, role: "BOOKKEEPER" });
    });

    it("the same token in both headers is fine", async () => {
      const token = stack.token(USERS.admin);
      const answer = await rpc({ authorization: `Bearer ${token}`, [TOKEN_HEADER]: token });
      expect(answer.status).toBe(200);
    });
  });

  describe("403: a role the gateway does not serve", () => {
    it("the employee is refused with a message naming the served roles and theirs", async () => {
      const employee = stack.token(USERS.employee);
      const answer = await rpc({ authorization: `Bearer ${employee}` });
      expect(answer.status).toBe(403);
      expect(answer.json).toEqual({
        jsonrpc: "2.0",
        id: 7,
        error: { code: -32000, message: "Forbidden: this server serves the roles ADMINISTRATOR and BOOKKEEPER; your role is EMPLOYEE." },
      });
      await expect(stack.client(employee)).rejects.toMatchObject({ code: 403, message: expect.stringContaining("your role is EMPLOYEE") });
      // A tools/call does not get past the role check either.
      const call = await rpc({ authorization: `Bearer ${employee}` }, { jsonrpc: "2.0", id: 8, method: "tools/call", params: { name: "list_cards", arguments: {} } });
      expect(call.status).toBe(403);
    });
  });

  describe("revocation", () => {
    it("a revoked token gets 401 on its very next tools/call, mid-session", async () => {
      const token = stack.token(USERS.admin);
      const client = await stack.client(token);
      const before = await client.callTool({ name: "list_cards", arguments: { limit: 2 } });
      expect(before.isError).toBeFalsy();
      await client.callTool({ name: "get_current_user", arguments: {} });
      stack.revoke(token);
      await expect(client.callTool({ name: "list_cards", arguments: { limit: 2 } })).rejects.toMatchObject({ code: 401 });
      await expect(client.listTools()).rejects.toMatchObject({ code: 401 });
    });

    it("a revoked token gets 401 on its very next tools/list, mid-session", async () => {
      const token = stack.token(USERS.books);
      const client = await stack.client(token);
      await client.callTool({ name: "list_cards", arguments: { limit: 1 } });
      stack.revoke(token);
      await expect(client.listTools()).rejects.toMatchObject({ code: 401 });
    });

    it("a recent identity never answers for a revoked token, even when the call would not reach the API", async () => {
      const token = stack.token(USERS.admin);
      const client = await stack.client(token);
      await client.callTool({ name: "list_cards", arguments: { limit: 1 } });
      stack.revoke(token);
      // Invalid arguments stop before any upstream call, so the gateway must check the token itself.
      await expect(client.callTool({ name: "list_cards", arguments: { limit: "many" } })).rejects.toMatchObject({ code: 401 });
      await expect(client.callTool({ name: "no_such_tool", arguments: {} })).rejects.toMatchObject({ code: 401 });
    });
  });

  describe("tools a role may not use", () => {
    it("are missing from its tools/list and refused exactly like unknown tools, with no upstream call", async () => {
      // A table where only administrators may lock cards.
      const adminsLock = { ...table, tools: table.tools.map((tool) => (tool.name === "lock_card" ? { ...tool, roles: ["ADMINISTRATOR"] } : tool)) };
      const own = await startStack({ era,  transactions: 100, table: adminsLock });
      try {
        const books = await own.client(own.token(USERS.books));
        const admin = await own.client(own.token(USERS.admin));
        expect((await books.listTools()).tools.map((tool) => tool.name)).not.toContain("lock_card");
        expect((await admin.listTools()).tools.map((tool) => tool.name)).toContain("lock_card");
        const writesBefore = own.sandbox.requestLog.filter((request) => request.method !== "GET").length;
        const refused = await books.callTool({ name: "lock_card", arguments: { card: "4821" } }).catch((error: Error) => error.message);
        const unknown = await books.callTool({ name: "lock_cart", arguments: { card: "4821" } }).catch((error: Error) => error.message);
        expect(refused).toBe(String(unknown).replace("lock_cart", "lock_card"));
        expect(refused).toMatch(/-32602/);
        expect(own.sandbox.requestLog.filter((request) => request.method !== "GET").length).toBe(writesBefore);
      } finally {
        await own.close();
      }
    });
  });
});
