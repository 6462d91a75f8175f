// Every operation, its success and its error statuses, each body checked against the spec's schema.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectContract, rawRequest, startTestSandbox, tampered, type TestSandbox } from "../fixture.js";

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "PATCH",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

async function cardId(status: string): Promise<string> {
  const r = await t.call("admin", `/api/v3/cards?status=${status}&size=1`);
  return r.body.data[0].id;
}

describe("getCurrentUser", () => {
  it("200 for every demo user", async () => {
    const me = await expectContract("getCurrentUser", await t.call("admin", "/api/v3/me"), 200);
    expect(me).toMatchObject({ email: "admin@acme.example", role: "ADMINISTRATOR", company: { country: "MX", currency: "MXN", timeZone: "America/Mexico_City", billingCycle: { statementDay: 5 } } });
    const brasa = await expectContract("getCurrentUser", await t.call("brasa", "/api/v3/me"), 200);
    expect(brasa.company).toMatchObject({ country: "BR", currency: "BRL", timeZone: "America/Sao_Paulo" });
    for (const [user, role] of [["books", "BOOKKEEPER"], ["employee", "EMPLOYEE"], ["viewer", "VIEWER"]] as const) {
      expect((await expectContract("getCurrentUser", await t.call(user, "/api/v3/me"), 200)).role).toBe(role);
    }
  });

  it("401 without, with a malformed and with an unknown token", async () => {
    await expectContract("getCurrentUser", await t.call(null, "/api/v3/me"), 401);
    await expectContract("getCurrentUser", await t.call(null, "/api/v3/me", { headers: { authorization: "Bearer nope" } }), 401);
    const forged = tampered(t.tokens.admin);
    await expectContract("getCurrentUser", await t.call(null, "/api/v3/me", { headers: { authorization: `Bearer ${forged}` } }), 401);
    await expectContract("getCurrentUser", await t.call(null, "/api/v3/me", { headers: { authorization: t.tokens.admin } }), 401);
  });

  it("400 for a query parameter it does not take", async () => {
    const err = await expectContract("getCurrentUser", await t.call("admin", "/api/v3/me?x=1"), 400);
    expect(err.error.message).toContain('"x"');
  });
});

describe("listCards", () => {
  it("200 with a page of cards", async () => {
    const page = await expectContract("listCards", await t.call("admin", "/api/v3/cards"), 200);
    expect(page).toMatchObject({ page: 1, size: 20, totalItems: 40, totalPages: 2 });
    expect(page.data).toHaveLength(20);
  });

  it("400 naming the parameter and what is allowed", async () => {
    const cases: [string, string, string][] = [
      ["status=FROZEN", "status", "ACTIVE, LOCKED, CANCELLED"],
      ["last4=12a4", "last4", "^[0-9]{4}$"],
      ["size=101", "size", "from 1 to 100"],
      ["page=0", "page", "from 1 to 100000"],
      ["page=two", "page", "an integer"],
      ["minSpendingLimit=-5", "minSpendingLimit", "decimal"],
      ["minSpendingLimit=1.234", "minSpendingLimit", "decimal"],
      ["cardholder=", "cardholder", "1 to 100 characters"],
      ["status=ACTIVE&status=LOCKED", "status", "once"],
      ["color=red", '"color"', "allowed: page, size, status"],
    ];
    for (const [query, name, allowed] of cases) {
      const err = await expectContract("listCards", await t.call("admin", `/api/v3/cards?${query}`), 400);
      expect(err.error.code).toBe("BAD_REQUEST");
      expect(err.error.message, query).toContain(name);
      expect(err.error.message, query).toContain(allowed);
    }
  });

  it("401 without a token", async () => {
    await expectContract("listCards", await t.call(null, "/api/v3/cards"), 401);
  });
});

describe("getCard", () => {
  it("200, 400, 401, 404", async () => {
    const card = await expectContract("getCard", await t.call("admin", "/api/v3/cards/card_7Hq2LmX9"), 200);
    expect(card).toMatchObject({ id: "card_7Hq2LmX9", last4: "4821", cardholder: { name: "Luis Pérez" } });
    const bad = await expectContract("getCard", await t.call("admin", "/api/v3/cards/7Hq2LmX9"), 400);
    expect(bad.error.message).toContain("cardId");
    await expectContract("getCard", await t.call(null, "/api/v3/cards/card_7Hq2LmX9"), 401);
    const missing = await expectContract("getCard", await t.call("admin", "/api/v3/cards/card_doesNotExist"), 404);
    expect(missing.error.code).toBe("NOT_FOUND");
  });
});

describe("toggleCardLock", () => {
  it("200 locking and unlocking", async () => {
    const id = await cardId("ACTIVE");
    const locked = await expectContract("toggleCardLock", await t.call("admin", `/api/v3/cards/${id}/lock`, json({ lock: true })), 200);
    expect(locked).toMatchObject({ previousStatus: "ACTIVE", card: { id, status: "LOCKED" } });
    const unlocked = await expectContract("toggleCardLock", await t.call("books", `/api/v3/cards/${id}/lock`, json({ lock: false })), 200);
    expect(unlocked).toMatchObject({ previousStatus: "LOCKED", card: { id, status: "ACTIVE" } });
  });

  it("400 for a bad body, a bad key, a bad id", async () => {
    const id = await cardId("ACTIVE");
    for (const [init, words] of [
      [json({ lock: "yes" }), "true or false"],
      [json({}), '"lock"'],
      [json({ lock: true, reason: "x" }), '"reason"'],
      [{ method: "PATCH", headers: { "content-type": "application/json" }, body: "{lock:" }, "not valid JSON"],
      [{ method: "PATCH" }, "body is required"],
      [{ method: "PATCH", headers: { "content-type": "text/plain" }, body: '{"lock":true}' }, "application/json"],
      [json({ lock: true }, { "idempotency-key": "has spaces" }), "Idempotency-Key"],
    ] as [RequestInit, string][]) {
      const err = await expectContract("toggleCardLock", await t.call("admin", `/api/v3/cards/${id}/lock`, init), 400);
      expect(err.error.message).toContain(words);
    }
    await expectContract("toggleCardLock", await t.call("admin", "/api/v3/cards/card_%2F..%2Fx/lock", json({ lock: true })), 400);
  });

  it("401, 403, 404, 409, 422", async () => {
    const id = await cardId("ACTIVE");
    await expectContract("toggleCardLock", await t.call(null, `/api/v3/cards/${id}/lock`, json({ lock: true })), 401);
    for (const user of ["employee", "viewer"] as const) {
      const err = await expectContract("toggleCardLock", await t.call(user, `/api/v3/cards/${id}/lock`, json({ lock: true })), 403);
      expect(err.error.code).toBe("FORBIDDEN");
    }
    await expectContract("toggleCardLock", await t.call("admin", "/api/v3/cards/card_doesNotExist/lock", json({ lock: true })), 404);
    const cancelled = await cardId("CANCELLED");
    const conflict = await expectContract("toggleCardLock", await t.call("admin", `/api/v3/cards/${cancelled}/lock`, json({ lock: true })), 409);
    expect(conflict.error.code).toBe("CONFLICT");
    await expectContract("toggleCardLock", await t.call("admin", `/api/v3/cards/${id}/lock`, json({ lock: true }, { "idempotency-key": "contract-1" })), 200);
    const reused = await expectContract("toggleCardLock", await t.call("admin", `/api/v3/cards/${id}/lock`, json({ lock: false }, { "idempotency-key": "contract-1" })), 422);
    expect(reused.error.code).toBe("UNPROCESSABLE");
    await t.call("admin", `/api/v3/cards/${id}/lock`, json({ lock: false }));
  });

  it("202 when the processor finishes later", async () => {
    const slow = await startTestSandbox({ lockDelayMs: 50 });
    try {
      const id = (await slow.call("admin", "/api/v3/cards?status=ACTIVE&size=1")).body.data[0].id;
      const pending = await expectContract("toggleCardLock", await slow.call("admin", `/api/v3/cards/${id}/lock`, json({ lock: true })), 202);
      expect(pending).toMatchObject({ pending: true, previousStatus: "ACTIVE", card: { id, status: "ACTIVE" } });
    } finally {
      await slow.close();
    }
  });
});

describe("listTransactions", () => {
  it("200 and the 400s", async () => {
    const page = await expectContract("listTransactions", await t.call("admin", "/api/v3/transactions?size=50"), 200);
    expect(page.data.length).toBe(50);
    for (const [query, name] of [
      ["from=2026-02-30", "from"],
      ["to=yesterday", "to"],
      ["from=2026-11-10&to=2026-11-01", "must not be after"],
      ["minAmount=5,000", "minAmount"],
      ["maxAmount=1e5", "maxAmount"],
      ["status=SETTLED", "PENDING, POSTED, DECLINED, REVERSED"],
      ["status=POSTED&status=POSTED", "status"],
      ["category=travel", "TRAVEL"],
      ["cardId=4821", "cardId"],
      ["cardholderId=luis", "cardholderId"],
      ["merchant=", "merchant"],
      ["groupBy=category", '"groupBy"'],
    ]) {
      const err = await expectContract("listTransactions", await t.call("admin", `/api/v3/transactions?${query}`), 400);
      expect(err.error.message, query).toContain(name);
    }
    await expectContract("listTransactions", await t.call(null, "/api/v3/transactions"), 401);
  });
});

describe("summarizeTransactions", () => {
  it("200 and the 400s", async () => {
    const summary = await expectContract("summarizeTransactions", await t.call("admin", "/api/v3/transactions/summary?groupBy=category"), 200);
    expect(summary).toMatchObject({ from: "2026-11-06", to: "2026-12-05", timeZone: "America/Mexico_City", groupBy: "category" });
    for (const [query, name] of [
      ["", "groupBy is required"],
      ["groupBy=week", "category, cardholder, merchant, card, day, month"],
      ["groupBy=day&limit=0", "limit"],
      ["groupBy=day&page=1", '"page"'],
    ]) {
      const err = await expectContract("summarizeTransactions", await t.call("admin", `/api/v3/transactions/summary?${query}`), 400);
      expect(err.error.message, query).toContain(name);
    }
    await expectContract("summarizeTransactions", await t.call(null, "/api/v3/transactions/summary?groupBy=day"), 401);
  });
});

describe("outside the spec", () => {
  it("an unknown path is 404 and a wrong method 405, both with the error body", async () => {
    const missing = await rawRequest(t.sandbox.url, "GET", "/api/v3/cards/card_7Hq2LmX9/../../me", { authorization: `Bearer ${t.tokens.admin}` });
    expect(missing.status).toBe(404);
    expect(t.sandbox.requestLog.at(-1)?.path).toBe("/api/v3/cards/card_7Hq2LmX9/../../me");
    expect(missing.body.error.code).toBe("NOT_FOUND");
    const wrong = await t.call("admin", "/api/v3/cards", { method: "DELETE" });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET");
  });
});
