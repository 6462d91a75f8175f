// What the hot path keeps between requests — the identity of a recent token, and tools/list encoded
// once per role — never outlives a revocation and never answers one caller with another's data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { table } from "../../../generated/tools.js";
import { startStack, USERS, type Stack } from "../../e2e/harness.js";

let stack: Stack;

beforeAll(async () => {
  // A long identity lifetime, so only revocation itself can end a cached identity during the test.
  stack = await startStack({ transactions: 300, identityTtlMs: 600_000 });
});
afterAll(() => stack.close());

interface Answer {
  status: number;
  json: any;
  text: string;
}

async function rpc(token: string, method: string, params?: unknown): Promise<Answer> {
  const response = await fetch(stack.mcpUrl, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream", authorization: `Bearer ${token}` },
    body: JSON.stringify({ jsonrpc: "2.0", id: 7, method, ...(params === undefined ? {} : { params }) }),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined, text };
}

const call = (token: string, name: string, args: Record<string, unknown> = {}) => rpc(token, "tools/call", { name, arguments: args });

/** Identity lookups the API has received so far. */
const identityCalls = () => stack.sandbox.requestLog.filter((entry) => entry.path === "/api/v3/me").length;

async function someCardId(token: string): Promise<string> {
  const page = await stack.sandboxFetch(token, "/api/v3/cards?size=1");
  return page.body.data[0].id as string;
}

describe("the identity cache", () => {
  it("is really used for tools/call that reach the API, and a revoked token gets 401 on every request sent after revocation, under load", async () => {
    const token = stack.token(USERS.admin);
    const cardId = await someCardId(token);
    const first = await call(token, "get_card", { card: cardId });
    expect(first.status).toBe(200);
    expect(first.json.result.structuredContent.id).toBe(cardId);

    // Warm: many calls, few identity lookups — the cache is in play, so what follows tests it.
    const before = identityCalls();
    const warm = await Promise.all(Array.from({ length: 20 }, () => call(token, "get_card", { card: cardId })));
    for (const answer of warm) expect(answer.json.result.structuredContent.id).toBe(cardId);
    expect(identityCalls() - before).toBeLessThan(20);
    expect(stack.logs.some((line) => line.includes('"cached":true'))).toBe(true);

    // Eight workers keep calling; the token is revoked while they run.
    let revokedAt = Number.POSITIVE_INFINITY;
    const afterRevocation: Answer[] = [];
    let stop = false;
    const worker = async () => {
      while (!stop) {
        const sentAt = performance.now();
        const answer = await call(token, "get_card", { card: cardId });
        if (sentAt > revokedAt) afterRevocation.push(answer);
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    await new Promise((resolve) => setTimeout(resolve, 150));
    stack.revoke(token);
    revokedAt = performance.now();
    while (afterRevocation.length < 40) await new Promise((resolve) => setTimeout(resolve, 10));
    stop = true;
    await Promise.all(workers);

    for (const answer of afterRevocation) {
      expect(answer.status).toBe(401);
      expect(answer.json.result).toBeUndefined();
      expect(answer.text).not.toContain(cardId);
    }
  });

  it("a call that would not reach the API (invalid arguments) still cannot ride a cached identity past revocation", async () => {
    const token = stack.token(USERS.books);
    const cardId = await someCardId(token);
    expect((await call(token, "get_card", { card: cardId })).status).toBe(200);
    stack.revoke(token);
    const invalid = await call(token, "list_cards", { limit: "many" });
    expect(invalid.status).toBe(401);
    expect(invalid.json.result).toBeUndefined();
  });

  it("is per token: revoking one of a user's tokens leaves the other working, and the revoked one gets nothing", async () => {
    const kept = stack.token(USERS.admin);
    const doomed = stack.token(USERS.admin);
    const cardId = await someCardId(kept);
    for (const token of [kept, doomed]) expect((await call(token, "get_card", { card: cardId })).status).toBe(200);
    stack.revoke(doomed);
    const [keptAnswer, doomedAnswer] = await Promise.all([call(kept, "get_card", { card: cardId }), call(doomed, "get_card", { card: cardId })]);
    expect(keptAnswer.json.result.structuredContent.id).toBe(cardId);
    expect(doomedAnswer.status).toBe(401);
  });

  it("never answers one company's caller with the other's identity, interleaved with warm caches", async () => {
    const acme = stack.token(USERS.admin);
    const brasa = stack.token(USERS.brasa);
    const [acmeMe, brasaMe] = await Promise.all([stack.sandboxFetch(acme, "/api/v3/me"), stack.sandboxFetch(brasa, "/api/v3/me")]);
    expect(acmeMe.body.company.id).not.toBe(brasaMe.body.company.id);
    const answers = await Promise.all(
      Array.from({ length: 40 }, async (_, index) => {
        const token = index % 2 === 0 ? acme : brasa;
        return { token, answer: await call(token, "get_current_user") };
      }),
    );
    for (const { token, answer } of answers) {
      expect(answer.json.result.structuredContent).toEqual((token === acme ? acmeMe : brasaMe).body);
    }
  });
});

describe("tools/list encoded once per role", () => {
  it("serves each served role its own list, refuses an unserved role, and is never served to a revoked token", async () => {
    const admin = stack.token(USERS.admin);
    const books = stack.token(USERS.books);
    const employee = stack.token(USERS.employee);
    const [adminList, booksList, employeeList] = await Promise.all([rpc(admin, "tools/list"), rpc(books, "tools/list"), rpc(employee, "tools/list")]);
    expect(adminList.status).toBe(200);
    expect(adminList.json.result.tools.length).toBeGreaterThan(0);
    // Same bytes for the same role, request after request (the id is the client's own).
    expect((await rpc(admin, "tools/list")).text).toBe(adminList.text);
    // Each role its own list, exactly the tools the table gives that role.
    const names = (answer: Answer) => answer.json.result.tools.map((tool: { name: string }) => tool.name);
    const [adminMe, booksMe] = await Promise.all([stack.sandboxFetch(admin, "/api/v3/me"), stack.sandboxFetch(books, "/api/v3/me")]);
    const forRole = (role: string) => table.tools.filter((tool) => tool.roles.includes(role)).map((tool) => tool.name);
    expect(names(adminList)).toEqual(forRole(adminMe.body.role));
    expect(names(booksList)).toEqual(forRole(booksMe.body.role));
    expect(employeeList.status).toBe(403);
    expect(employeeList.text).not.toContain('"tools"');

    stack.revoke(admin);
    const revoked = await rpc(admin, "tools/list");
    expect(revoked.status).toBe(401);
    expect(revoked.text).not.toContain('"tools"');
  });

  it("answers a JSON-RPC id exactly as the client sent it", async () => {
    const token = stack.token(USERS.admin);
    const response = await fetch(stack.mcpUrl, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", authorization: `Bearer ${token}` },
      body: JSON.stringify({ jsonrpc: "2.0", id: "list-\u00e9-1", method: "tools/list" }),
    });
    const answer = (await response.json()) as { id: unknown; result: { tools: unknown[] } };
    expect(answer.id).toBe("list-\u00e9-1");
    expect(answer.result.tools.length).toBeGreaterThan(0);
  });
});
