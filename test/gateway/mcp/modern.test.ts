// MCP 2026-07-28 on the same /mcp as the 2025 revisions: the v2 SDK client pinned to it, a dual-era
// client, the 1.x client, and raw HTTP for the edges: routing headers that disagree with the body,
// versions not served, a missing _meta, server/discover without a token.
import { Client as V2Client, StreamableHTTPClientTransport as V2Transport } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectClient } from "../../e2e/clients.js";
import { MODERN, modern, startHardened, USERS, type HardenedStack } from "../../e2e/hardening/stack.js";

let stack: HardenedStack;
let admin: string;
let books: string;

beforeAll(async () => {
  stack = await startHardened({ transactions: 200 });
  admin = stack.token(USERS.admin);
  books = stack.token(USERS.books);
});
afterAll(() => stack.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const cardCalls = () => stack.sandbox.requestLog.filter((entry) => entry.path.startsWith("/api/v3/cards")).length;

/** A 2026-07-28 request; `token` null sends none. */
function send(request: Parameters<typeof modern>[0], extra: Record<string, string> = {}, token: string | null = admin) {
  const { body, headers } = modern(request);
  return stack.post(body, { ...headers, ...(token ? bearer(token) : {}), ...extra });
}

describe("server/discover and tools/list", () => {
  it("discover lists the served modern versions, capabilities and who answers; resultType on every result", async () => {
    const answer = await send({ id: "d1", method: "server/discover" });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      jsonrpc: "2.0",
      id: "d1",
      result: {
        resultType: "complete",
        supportedVersions: [MODERN],
        capabilities: { tools: { listChanged: false }, resources: {} },
        ttlMs: expect.any(Number),
        cacheScope: "private",
        _meta: { "io.modelcontextprotocol/serverInfo": { name: "clara", version: "0.1.0" } },
      },
    });
  });

  it("without a token, discover is answered like any request without one: 401 with WWW-Authenticate", async () => {
    const answer = await send({ id: 2, method: "server/discover" }, {}, null);
    expect(answer.status).toBe(401);
    expect(answer.headers["www-authenticate"]).toMatch(/^Bearer /);
    expect(answer.json).toMatchObject({ id: 2, error: { code: -32000 } });
    expect(answer.text).not.toContain("supportedVersions");
  });

  it("tools/list: the caller's own list in manifest order, private to the caller, with an integer ttlMs", async () => {
    const [forAdmin, forBooks] = await Promise.all([send({ id: 3, method: "tools/list" }), send({ id: 4, method: "tools/list" }, {}, books)]);
    const result = forAdmin.json.result;
    expect(result).toMatchObject({ resultType: "complete", cacheScope: "private", _meta: { "io.modelcontextprotocol/serverInfo": { name: "clara" } } });
    expect(Number.isInteger(result.ttlMs) && result.ttlMs >= 0).toBe(true);
    expect(result.tools.map((tool: { name: string }) => tool.name)).toEqual(stack.gateway && (await import("../../../generated/tools.js")).tools.map((tool) => tool.name));
    expect(forBooks.json.result.tools.length).toBeLessThan(result.tools.length);
    // The same bytes every time: the list is encoded once per role.
    expect((await send({ id: 3, method: "tools/list" })).text).toBe(forAdmin.text);
  });

  it("a tools/call result says it is complete and who answered", async () => {
    const answer = await send({ id: 5, method: "tools/call", params: { name: "get_card", arguments: { card: "4821" } } });
    expect(answer.json.result).toMatchObject({ resultType: "complete", structuredContent: { last4: "4821" }, _meta: { "io.modelcontextprotocol/serverInfo": { name: "clara" } } });
  });
});

describe("envelope checks, before the caller is known, and the tool does not run", () => {
  it.each([
    ["Mcp-Method that is not the body's method", { "mcp-method": "tools/list" }],
    ["Mcp-Name that is not the body's tool", { "mcp-name": "get_current_user" }],
    ["Mcp-Name as base64 of another name", { "mcp-name": `=?base64?${Buffer.from("lock_card").toString("base64")}?=` }],
    ["MCP-Protocol-Version that is not the _meta version", { "mcp-protocol-version": "2025-11-25" }],
  ])("%s → 400 -32020", async (_what, headers) => {
    const before = cardCalls();
    const answer = await send({ id: 7, method: "tools/call", params: { name: "get_card", arguments: { card: "4821" } } }, headers);
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ jsonrpc: "2.0", id: 7, error: { code: -32020, message: expect.stringMatching(/^Header mismatch/) } });
    expect(cardCalls()).toBe(before);
    // Without a token it is the same answer: it is about the envelope, not the caller.
    const anonymous = await send({ id: 7, method: "tools/call", params: { name: "get_card", arguments: { card: "4821" } } }, headers, null);
    expect(anonymous.status).toBe(400);
  });

  it("a required routing header that is missing → 400 -32020", async () => {
    const { body, headers } = modern({ id: 8, method: "tools/call", params: { name: "get_card", arguments: { card: "4821" } } });
    for (const missing of ["mcp-method", "mcp-name", "mcp-protocol-version"]) {
      const { [missing]: _gone, ...rest } = headers;
      const answer = await stack.post(body, { ...rest, ...bearer(admin) });
      expect(answer.status, missing).toBe(400);
      expect(answer.json.error.code, missing).toBe(-32020);
    }
  });

  it("a non-ASCII tool name matches when sent as base64", async () => {
    const answer = await send({ id: 9, method: "tools/call", params: { name: "get_cárd", arguments: {} } });
    expect(answer.status).toBe(200);
    expect(answer.json.error).toMatchObject({ code: -32602, message: "Unknown tool: get_cárd" });
  });

  it("2025 requests whose Mcp-Method or Mcp-Name disagree with the body get -32020 too", async () => {
    const before = cardCalls();
    const body = { jsonrpc: "2.0", id: 10, method: "tools/call", params: { name: "get_card", arguments: { card: "4821" } } };
    const answer = await stack.post(body, { ...bearer(admin), "mcp-name": "lock_card" });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ id: 10, error: { code: -32020 } });
    expect(cardCalls()).toBe(before);
    // Agreeing headers are fine on 2025 requests.
    const agreeing = await stack.post(body, { ...bearer(admin), "mcp-method": "tools/call", "mcp-name": "get_card" });
    expect(agreeing.json.result.structuredContent.last4).toBe("4821");
  });

  it("a _meta version that is not served → 400 -32022 with the supported and requested versions", async () => {
    const { body, headers } = modern({ id: 11, method: "server/discover" });
    (body as any).params._meta["io.modelcontextprotocol/protocolVersion"] = "2027-01-01";
    const answer = await stack.post(body, { ...headers, "mcp-protocol-version": "2027-01-01" });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ jsonrpc: "2.0", id: 11, error: { code: -32022, message: "Unsupported protocol version", data: { supported: [MODERN], requested: "2027-01-01" } } });
  });

  it("a 2026-07-28 header without the _meta → 400 -32602; so is a _meta without clientCapabilities", async () => {
    const bare = await stack.post({ jsonrpc: "2.0", id: 12, method: "server/discover", params: {} }, { "mcp-protocol-version": MODERN, "mcp-method": "server/discover" });
    expect(bare.status).toBe(400);
    expect(bare.json).toMatchObject({ id: 12, error: { code: -32602 } });
    const { body, headers } = modern({ id: 13, method: "server/discover" });
    delete (body as any).params._meta["io.modelcontextprotocol/clientCapabilities"];
    const noCapabilities = await stack.post(body, headers);
    expect(noCapabilities.status).toBe(400);
    expect(noCapabilities.json).toMatchObject({ id: 13, error: { code: -32602 } });
  });

  it("a request without the _meta and without a 2026 header is a 2025 request: no resultType, served as before", async () => {
    const answer = await stack.post({ jsonrpc: "2.0", id: 14, method: "tools/list" }, { ...bearer(admin), "mcp-protocol-version": "2025-06-18" });
    expect(answer.status).toBe(200);
    expect(answer.json.result.resultType).toBeUndefined();
    expect(answer.json.result.tools.length).toBeGreaterThan(10);
    const discover = await stack.post({ jsonrpc: "2.0", id: 15, method: "server/discover" }, bearer(admin));
    expect(discover.json).toMatchObject({ id: 15, error: { code: -32601 } });
  });

  it("resources/list names no export, privately; a URI that is no export → -32602 (2026-07-28's resource not found)", async () => {
    const list = await send({ id: 18, method: "resources/list" });
    expect(list.json.result).toMatchObject({ resultType: "complete", cacheScope: "private" });
    expect(list.json.result.resources.some((resource: { uri: string }) => resource.uri.startsWith("export://"))).toBe(false);
    const read = await send({ id: 19, method: "resources/read", params: { uri: "export://list_transactions/forged.csv" } });
    expect(read.json).toMatchObject({ id: 19, error: { code: -32602, message: "Resource not found" } });
  });

  it("initialize, ping and unknown methods on 2026-07-28 → 404 -32601; initialize asking for it answers 2025-11-25", async () => {
    for (const method of ["initialize", "ping", "logging/setLevel", "resources/subscribe"]) {
      const answer = await send({ id: 16, method });
      expect(answer.status, method).toBe(404);
      expect(answer.json, method).toMatchObject({ id: 16, error: { code: -32601 } });
    }
    const init = await stack.post(
      { jsonrpc: "2.0", id: 17, method: "initialize", params: { protocolVersion: MODERN, capabilities: {}, clientInfo: { name: "raw", version: "1" } } },
      bearer(admin),
    );
    expect(init.json.result.protocolVersion).toBe("2025-11-25");
  });
});

describe("three clients on one endpoint", () => {
  it("the v2 client pinned to 2026-07-28 never initializes; the dual-era client picks 2026; the 1.x client initializes", async () => {
    const seen: string[] = [];
    const spy = async (url: string | URL, init?: RequestInit) => {
      if (typeof init?.body === "string") seen.push(JSON.parse(init.body).method ?? "response");
      return fetch(url, init);
    };
    const pinned = new V2Client({ name: "pinned", version: "1" }, { versionNegotiation: { mode: { pin: MODERN } } });
    await pinned.connect(new V2Transport(new URL(stack.mcpUrl), { requestInit: { headers: bearer(admin) }, fetch: spy as typeof fetch }));
    expect((await pinned.callTool({ name: "get_card", arguments: { card: "4821" } })).structuredContent).toMatchObject({ last4: "4821" });
    expect(pinned.getProtocolEra()).toBe("modern");
    expect(seen).not.toContain("initialize");
    await pinned.close();

    seen.length = 0;
    const dual = new V2Client({ name: "dual", version: "1" }, { versionNegotiation: { mode: "auto" } });
    await dual.connect(new V2Transport(new URL(stack.mcpUrl), { requestInit: { headers: bearer(admin) }, fetch: spy as typeof fetch }));
    expect(dual.getProtocolEra()).toBe("modern");
    expect((await dual.listTools()).tools.length).toBeGreaterThan(10);
    // It asked server/discover first and was answered: no fallback round trip to initialize.
    expect(seen[0]).toBe("server/discover");
    expect(seen).not.toContain("initialize");
    await dual.close();

    const legacy = await connectClient(stack.mcpUrl, { era: "2025", headers: bearer(admin), name: "legacy", answering: "none" });
    const result = await legacy.callTool({ name: "get_card", arguments: { card: "4821" } });
    expect(result.resultType).toBeUndefined();
    expect(result.structuredContent).toMatchObject({ last4: "4821" });
    await legacy.close();
  });
});
