// MCP Apps on both eras, through the real gateway on the sandbox: the UI extension advertised only to
// a client that declares it; tools with a view carry its ui:// URI (and ChatGPT's alias) in tools/list;
// tools/call answers the same bytes to clients with and without the extension, text only in content;
// resources/list and resources/read serve each caller the views of the tools it may use.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { table as claraTable, tools } from "../../../generated/tools.js";
import { views } from "../../../generated/views.js";
import { modern } from "../hardening/stack.js";
import { ERAS, startStack, USERS, type Era, type Stack } from "../harness.js";
import { UI_CAPABILITIES } from "../clients.js";

const MIME = "text/html;profile=mcp-app";
const uri = (name: string) => views.find((v) => v.name === name)!.uri;
const WITH_VIEWS = { summarize_spending: "spending-chart", list_cards: "cards-table", lock_card: "write-confirmation", unlock_card: "write-confirmation", update_card_limit: "write-confirmation" };

const READS: { name: string; arguments: Record<string, unknown> }[] = [
  { name: "summarize_spending", arguments: { groupBy: "category", from: "2026-10-01", to: "2026-10-31" } },
  { name: "summarize_spending", arguments: { groupBy: "day", from: "2026-10-01", to: "2026-10-31" } },
  { name: "list_cards", arguments: { limit: 10 } },
  { name: "get_card", arguments: { card: "Luis Pérez" } },
];

describe.each(ERAS)("views on MCP %s", (era: Era) => {
  let stack: Stack;
  let admin: string;
  beforeAll(async () => {
    stack = await startStack({ era, today: "2026-11-20", transactions: 1500 });
    admin = stack.token(USERS.admin);
  });
  afterAll(() => stack.close());

  it("advertises the UI extension only to a client that declares it; resources to both", async () => {
    const [plain, ui] = await Promise.all([stack.client(admin), stack.client(admin, { ui: true })]);
    expect(plain.getServerCapabilities()).toMatchObject({ tools: {}, resources: {} });
    expect(plain.getServerCapabilities()?.extensions).toBeUndefined();
    expect(ui.getServerCapabilities()?.extensions).toEqual({ "io.modelcontextprotocol/ui": { mimeTypes: [MIME] } });
  });

  it("tools/list: the tools with a view carry its ui:// URI and ChatGPT's alias of it, the others no _meta", async () => {
    const listed = (await (await stack.client(admin, { ui: true })).listTools()).tools;
    expect(listed.map((t) => t.name)).toEqual(tools.map((t) => t.name));
    for (const tool of listed) {
      const view = WITH_VIEWS[tool.name as keyof typeof WITH_VIEWS];
      if (!view) expect(tool._meta, tool.name).toBeUndefined();
      else expect(tool._meta, tool.name).toEqual({ ui: { resourceUri: uri(view) }, "openai/outputTemplate": uri(view) });
    }
  });

  it("tools/call: the same result with and without the UI extension, only text items in content", async () => {
    const [plain, ui] = await Promise.all([stack.client(admin), stack.client(admin, { ui: true })]);
    for (const call of READS) {
      const [a, b] = await Promise.all([plain.callTool(call), ui.callTool(call)]);
      expect(JSON.stringify(b), call.name).toBe(JSON.stringify(a));
      expect(a.structuredContent, call.name).toBeDefined();
      for (const item of a.content as { type: string }[]) expect(item.type).toBe("text");
    }
    // Writes: each client locks and unlocks a card of its own; both answers have the same shape of content.
    const listed = (await plain.callTool({ name: "list_cards", arguments: { status: "ACTIVE", limit: 2 } })).structuredContent as { data: { id: string }[] };
    for (const [client, card] of [[plain, listed.data[0]!.id], [ui, listed.data[1]!.id]] as const) {
      for (const name of ["lock_card", "unlock_card"]) {
        const result = await client.callTool({ name, arguments: { card } });
        expect(result.isError, `${name} ${card}`).toBeFalsy();
        expect((result.content as { type: string }[]).map((c) => c.type)).toEqual(["text"]);
        expect(result.structuredContent).toMatchObject({ card: { id: card }, previousStatus: expect.any(String), changedAt: expect.any(String) });
      }
    }
  });

  it("resources/list: the views of the caller's tools, each an MCP App page with its CSP", async () => {
    const client = await stack.client(admin, { ui: true });
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toEqual(views.map((v) => v.uri));
    for (const resource of resources) {
      expect(resource).toMatchObject({ mimeType: MIME, _meta: { ui: { csp: { connectDomains: [], resourceDomains: [] }, prefersBorder: true } } });
      expect(resource.name).toMatch(/^[a-z-]+$/);
      expect(resource.title && resource.description).toBeTruthy();
    }
  });

  it("resources/read: the page as built, text/html;profile=mcp-app, CSP with no connection and no outside resource", async () => {
    const client = await stack.client(admin);
    for (const view of views) {
      const { contents } = await client.readResource({ uri: view.uri });
      expect(contents).toEqual([{ uri: view.uri, mimeType: MIME, text: view.html, _meta: { ui: { csp: { connectDomains: [], resourceDomains: [] }, prefersBorder: true } } }]);
    }
  });

  it("resources/read of a URI nobody serves is this era's resource-not-found error", async () => {
    const client = await stack.client(admin);
    await expect(client.readResource({ uri: "ui://views/nothing.html" })).rejects.toMatchObject({ code: era === "2025" ? -32002 : -32602 });
  });
});

describe("views follow the caller's tools", () => {
  let stack: Stack;
  beforeAll(async () => {
    // A deployment where only administrators may lock and unlock: bookkeepers then may call no write with a confirmation card.
    const table = { ...claraTable, tools: claraTable.tools.map((tool) => (tool.view === uri("write-confirmation") ? { ...tool, roles: ["ADMINISTRATOR"] } : tool)) };
    stack = await startStack({ table, today: "2026-11-20", transactions: 200 });
  });
  afterAll(() => stack.close());

  it.each(ERAS)("a bookkeeper neither lists nor reads the write confirmation card (%s)", async (era) => {
    const books = await stack.client(stack.token(USERS.books), { era, ui: true });
    const admin = await stack.client(stack.token(USERS.admin), { era, ui: true });
    expect((await books.listResources()).resources.map((r) => r.name)).toEqual(["spending-chart", "cards-table"]);
    expect((await admin.listResources()).resources.map((r) => r.name)).toEqual(["spending-chart", "cards-table", "write-confirmation"]);
    await expect(books.readResource({ uri: uri("write-confirmation") })).rejects.toMatchObject({ code: era === "2025" ? -32002 : -32602 });
    expect((await books.readResource({ uri: uri("cards-table") })).contents[0].mimeType).toBe(MIME);
  });
});

describe("2026-07-28 resources on the wire", () => {
  let stack: Stack;
  let token: string;
  beforeAll(async () => {
    stack = await startStack({ era: "2026", today: "2026-11-20", transactions: 200 });
    token = stack.token(USERS.admin);
  });
  afterAll(() => stack.close());

  async function post(request: Parameters<typeof modern>[0], capabilities: object = {}) {
    const { body, headers } = modern(request, capabilities);
    const response = await fetch(stack.mcpUrl, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", authorization: `Bearer ${token}`, ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as any };
  }

  it("resources/list and resources/read say resultType, ttlMs and cacheScope (private: they follow the caller's role)", async () => {
    for (const request of [{ id: 1, method: "resources/list" }, { id: 2, method: "resources/read", params: { uri: uri("spending-chart") } }]) {
      const { status, json } = await post(request);
      expect(status).toBe(200);
      expect(json.result).toMatchObject({ resultType: "complete", cacheScope: "private", _meta: { "io.modelcontextprotocol/serverInfo": { name: "clara" } } });
      expect(Number.isInteger(json.result.ttlMs)).toBe(true);
    }
  });

  it("server/discover names the UI extension only when the request declares it", async () => {
    expect((await post({ id: 3, method: "server/discover" })).json.result.capabilities.extensions).toBeUndefined();
    expect((await post({ id: 4, method: "server/discover" }, UI_CAPABILITIES)).json.result.capabilities.extensions).toEqual(UI_CAPABILITIES.extensions);
  });

  it("an unknown uri is not found, with the uri in its data", async () => {
    const { json } = await post({ id: 6, method: "resources/read", params: { uri: "ui://views/x.html" } });
    expect(json.error).toEqual({ code: -32602, message: "Resource not found", data: { uri: "ui://views/x.html" } });
  });
});

describe("the pages", () => {
  it.each(views.map((v) => [v.name, v] as const))("%s: self-contained, script and style inline, no URL anywhere", (_name, view) => {
    expect(view.html).not.toMatch(/https?:\/\//i);
    expect(view.html).not.toMatch(/\s(src|href)\s*=/i);
    expect(view.html).not.toMatch(/<link\b|@import|url\(/i);
    expect(view.html.match(/<script>/g)).toHaveLength(1);
    expect(view.html.match(/<style>/g)).toHaveLength(1);
    expect(view.html).toMatch(/^<!doctype html>/);
  });
});
