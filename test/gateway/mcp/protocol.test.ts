// MCP Streamable HTTP as the gateway speaks it: SDK clients end to end, and raw HTTP for what a
// well-behaved client never sends.
import { LATEST_PROTOCOL_VERSION, SUPPORTED_PROTOCOL_VERSIONS } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, USERS, type Stack } from "../../e2e/harness.js";

let stack: Stack;
let admin: string;

beforeAll(async () => {
  stack = await startStack({ transactions: 400 });
  admin = stack.token(USERS.admin);
});
afterAll(() => stack.close());

async function post(body: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; text: string; json: any }> {
  const response = await fetch(stack.mcpUrl, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      authorization: `Bearer ${admin}`,
      ...headers,
    },
    body,
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

const initialize = (version: string, id: number | string = 1) =>
  JSON.stringify({ jsonrpc: "2.0", id, method: "initialize", params: { protocolVersion: version, capabilities: {}, clientInfo: { name: "raw", version: "1" } } });

describe("initialize and tools/list", () => {
  it("the bookkeeper sees the administrator's tools less the administrator-only writes, each fully described", async () => {
    const books = stack.token(USERS.books);
    const [adminClient, booksClient] = await Promise.all([stack.client(admin), stack.client(books)]);
    expect(adminClient.getServerVersion()).toMatchObject({ name: "clara" });
    expect(adminClient.getServerCapabilities()?.tools).toBeDefined();
    const [adminTools, booksTools] = await Promise.all([adminClient.listTools(), booksClient.listTools()]);
    expect(adminTools.tools.map((tool) => tool.name)).toEqual([
      "get_current_user", "list_cards", "get_card", "lock_card", "unlock_card", "list_transactions", "summarize_spending",
      "list_expenses", "get_expense", "list_reimbursements", "get_card_limit", "update_card_limit",
      "list_pending_approvals", "approve_request", "reject_request",
    ]);
    const adminOnly = ["update_card_limit", "approve_request", "reject_request"];
    expect(booksTools.tools).toEqual(adminTools.tools.filter((tool) => !adminOnly.includes(tool.name)));
    for (const tool of adminTools.tools) {
      expect(tool.title, tool.name).toBeTruthy();
      expect(tool.description!.length, tool.name).toBeGreaterThan(20);
      expect(tool.inputSchema.type, tool.name).toBe("object");
      expect(tool.outputSchema?.type, tool.name).toBe("object");
      expect(tool.annotations, tool.name).toMatchObject({
        readOnlyHint: expect.any(Boolean), destructiveHint: expect.any(Boolean), idempotentHint: expect.any(Boolean), openWorldHint: expect.any(Boolean),
      });
    }
    const lock = adminTools.tools.find((tool) => tool.name === "lock_card")!;
    expect(lock.annotations).toMatchObject({ readOnlyHint: false, idempotentHint: true });
    expect(adminTools.tools.find((tool) => tool.name === "list_cards")!.annotations).toMatchObject({ readOnlyHint: true });
  });

  it.each(SUPPORTED_PROTOCOL_VERSIONS)("initialize negotiates protocol %s", async (version) => {
    const answer = await post(initialize(version, `init-${version}`));
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
    expect(answer.headers.get("mcp-session-id")).toBeNull();
    expect(answer.json).toMatchObject({ jsonrpc: "2.0", id: `init-${version}`, result: { protocolVersion: version, capabilities: { tools: {} } } });
  });

  it("initialize with missing params → -32602, not an internal error", async () => {
    const answer = await post(JSON.stringify({ jsonrpc: "2.0", id: 2, method: "initialize", params: { protocolVersion: 5 } }));
    expect(answer.json).toMatchObject({ id: 2, error: { code: -32602 } });
  });

  it("an unknown requested version gets the latest", async () => {
    const answer = await post(initialize("1999-01-01"));
    expect(answer.json.result.protocolVersion).toBe(LATEST_PROTOCOL_VERSION);
  });

  it("answers ping, and a notification with 202 and no body", async () => {
    const ping = await post(JSON.stringify({ jsonrpc: "2.0", id: 42, method: "ping" }), { "mcp-protocol-version": LATEST_PROTOCOL_VERSION });
    expect(ping.json).toEqual({ jsonrpc: "2.0", id: 42, result: {} });
    const note = await post(JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }));
    expect(note.status).toBe(202);
    expect(note.text).toBe("");
    const response = await post(JSON.stringify({ jsonrpc: "2.0", id: 3, result: {} }));
    expect(response.status).toBe(202);
  });

  it("an unknown method is a JSON-RPC method-not-found error", async () => {
    const answer = await post(JSON.stringify({ jsonrpc: "2.0", id: 5, method: "prompts/list" }));
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ id: 5, error: { code: -32601 } });
  });

  it("resources: the views, and no export (exports are reached through the links answers carry); a URI that is no export → -32002", async () => {
    const list = await post(JSON.stringify({ jsonrpc: "2.0", id: 6, method: "resources/list" }));
    expect(list.json.result.resources.length).toBeGreaterThan(0);
    expect(list.json.result.resources.every((resource: { uri: string }) => resource.uri.startsWith("ui://"))).toBe(true);
    const read = await post(JSON.stringify({ jsonrpc: "2.0", id: 7, method: "resources/read", params: { uri: "export://list_transactions/forged.csv" } }));
    expect(read.json).toEqual({ jsonrpc: "2.0", id: 7, error: { code: -32002, message: "Resource not found", data: { uri: "export://list_transactions/forged.csv" } } });
    const bad = await post(JSON.stringify({ jsonrpc: "2.0", id: 8, method: "resources/read", params: {} }));
    expect(bad.json).toMatchObject({ id: 8, error: { code: -32602 } });
  });

  it("the same id from many clients at once gets each its own answer", async () => {
    const names = ["list_cards", "get_current_user", "summarize_spending", "list_transactions"];
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, index) =>
        post(JSON.stringify({ jsonrpc: "2.0", id: 1, method: index % 2 ? "tools/list" : "ping" })).then((answer) => ({ index, answer })),
      ),
    );
    for (const { index, answer } of answers) {
      expect(answer.json.id).toBe(1);
      if (index % 2) expect(answer.json.result.tools.map((tool: { name: string }) => tool.name)).toEqual(expect.arrayContaining(names));
      else expect(answer.json.result).toEqual({});
    }
  });
});

describe("tools/call", () => {
  it("an unknown tool is refused with invalid params, naming it", async () => {
    const client = await stack.client(admin);
    await expect(client.callTool({ name: "drop_all_cards", arguments: {} })).rejects.toThrow(/-32602.*Unknown tool: drop_all_cards/);
    const raw = await post(JSON.stringify({ jsonrpc: "2.0", id: "u", method: "tools/call", params: { name: "drop_all_cards", arguments: {} } }));
    expect(raw.status).toBe(200);
    expect(raw.json).toEqual({ jsonrpc: "2.0", id: "u", error: { code: -32602, message: "Unknown tool: drop_all_cards" } });
  });

  it("a call without a tool name is invalid params, not a hang", async () => {
    const raw = await post(JSON.stringify({ jsonrpc: "2.0", id: 9, method: "tools/call", params: {} }));
    expect(raw.json).toMatchObject({ id: 9, error: { code: -32602 } });
  });
});

describe("malformed input never hangs and gets the right code", () => {
  it("malformed JSON → -32700 with HTTP 400", async () => {
    const answer = await post('{"jsonrpc": "2.0", "id": 1, "method": ');
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ jsonrpc: "2.0", id: null, error: { code: -32700, message: expect.stringContaining("Parse error") } });
  });

  it.each([
    ["an id of null", { jsonrpc: "2.0", id: null, method: "ping" }, null],
    ["an extra top-level key", { jsonrpc: "2.0", id: 11, method: "ping", sneaky: 1 }, 11],
    ["a wrong jsonrpc version", { jsonrpc: "1.0", id: 12, method: "ping" }, 12],
    ["params that are not an object", { jsonrpc: "2.0", id: 13, method: "tools/list", params: [1] }, 13],
    ["a bad _meta", { jsonrpc: "2.0", id: 14, method: "tools/list", params: { _meta: "x" } }, 14],
    ["a bare number", 5, null],
    ["no method, result or error", { jsonrpc: "2.0", id: 15 }, 15],
  ])("%s → -32600 with HTTP 400", async (_name, body, id) => {
    const answer = await post(JSON.stringify(body));
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ jsonrpc: "2.0", id, error: { code: -32600 } });
  });

  it("batches are refused under protocol versions without them", async () => {
    const batch = JSON.stringify([{ jsonrpc: "2.0", id: 1, method: "ping" }]);
    for (const version of ["2025-06-18", LATEST_PROTOCOL_VERSION]) {
      const answer = await post(batch, { "mcp-protocol-version": version });
      expect(answer.status).toBe(400);
      expect(answer.json).toMatchObject({ id: null, error: { code: -32600, message: expect.stringContaining("batches") } });
    }
  });

  it("under 2025-03-26 a batch is answered element by element", async () => {
    const headers = { "mcp-protocol-version": "2025-03-26" };
    const mixed = await post(
      JSON.stringify([
        { jsonrpc: "2.0", id: "a", method: "ping" },
        { jsonrpc: "2.0", method: "notifications/initialized" },
        { jsonrpc: "2.0", id: null, method: "ping" },
        { jsonrpc: "2.0", id: "b", method: "tools/call", params: { name: "nope" } },
        { jsonrpc: "2.0", id: "c", method: "initialize", params: {} },
      ]),
      headers,
    );
    expect(mixed.status).toBe(200);
    expect(mixed.json).toEqual([
      { jsonrpc: "2.0", id: "a", result: {} },
      { jsonrpc: "2.0", id: null, error: { code: -32600, message: expect.any(String) } },
      { jsonrpc: "2.0", id: "b", error: { code: -32602, message: "Unknown tool: nope" } },
      { jsonrpc: "2.0", id: "c", error: { code: -32600, message: expect.stringContaining("batch") } },
    ]);
    const junk = await post(JSON.stringify([1, "x", { a: 1 }]), headers);
    expect(junk.status).toBe(400);
    expect(junk.json).toHaveLength(3);
    for (const element of junk.json) expect(element).toMatchObject({ id: null, error: { code: -32600 } });
    const empty = await post("[]", headers);
    expect(empty.status).toBe(400);
    expect(empty.json).toMatchObject({ id: null, error: { code: -32600 } });
    const notes = await post(JSON.stringify([{ jsonrpc: "2.0", method: "notifications/initialized" }]), headers);
    expect(notes.status).toBe(202);
    const huge = await post(JSON.stringify(Array.from({ length: 101 }, (_, id) => ({ jsonrpc: "2.0", id, method: "ping" }))), headers);
    expect(huge.status).toBe(400);
  });

  it("a body over the limit → 413, without being parsed", async () => {
    const big = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping", params: { _meta: { pad: "x".repeat(1_100_000) } } });
    const answer = await post(big);
    expect(answer.status).toBe(413);
    expect(answer.json).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: -32600, message: expect.stringContaining("limit") } });
  });

  it("an unsupported MCP-Protocol-Version → 400", async () => {
    const answer = await post(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }), { "mcp-protocol-version": "2023-01-01" });
    expect(answer.status).toBe(400);
    expect(answer.json.error.message).toContain("2023-01-01");
  });

  it("a client that does not accept JSON → 406; a body that is not JSON → 415", async () => {
    expect((await post(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }), { accept: "text/event-stream" })).status).toBe(406);
    expect((await post("ping", { "content-type": "text/plain" })).status).toBe(415);
  });
});

describe("the endpoint", () => {
  it("GET and DELETE /mcp → 405 with Allow: POST", async () => {
    for (const method of ["GET", "DELETE"]) {
      const response = await fetch(stack.mcpUrl, { method, headers: { authorization: `Bearer ${admin}`, accept: "text/event-stream" } });
      expect(response.status, method).toBe(405);
      expect(response.headers.get("allow")).toBe("POST");
      expect(await response.json()).toMatchObject({ jsonrpc: "2.0", error: { code: expect.any(Number) } });
    }
  });

  it("another path → 404, and every answer carries a request id", async () => {
    const response = await fetch(`${stack.gatewayUrl}/nothing-here`);
    expect(response.status).toBe(404);
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
