// The API down (no answer, or 5xx): a caller verified recently is served from the identity it had, only
// to be told Clara is unavailable; a token never verified gets 503 with Retry-After. The moment the API
// answers again the remembered identity is never used, and a refusal forgets it at once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ERAS, startHardened, USERS, type HardenedStack } from "../../e2e/hardening/stack.js";

describe.each(ERAS)("%s era", (era) => {
  let stack: HardenedStack;
  beforeAll(async () => {
    // No reuse of a checked identity for tools/call (ttl 0): every request asks the API, so the grace is what is tested.
    stack = await startHardened({
      era,
      faults: true,
      identityTtlMs: 0,
      identityGraceMs: 60_000,
      resilience: { retry: { retries: 0, totalTimeoutMs: 1_000 }, breaker: { failureThreshold: 3, cooldownMs: 60_000, probeIntervalMs: 50 } },
    });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.faulty!.always({}, null));

  const down = (kind: "drop" | "503") => stack.faulty!.always({}, kind === "drop" ? { kind: "drop" } : { kind: "status", status: 503 });
  const text = (answer: { json: any }) => answer.json?.result?.content?.[0]?.text ?? "";
  const sent = () => stack.faulty!.requests.length;
  /** The first call of a test, once the circuit a previous test opened has closed again (the probe runs every 50 ms). */
  async function verified(token: string): Promise<void> {
    for (let attempt = 0; attempt < 40; attempt++) {
      if ((await stack.call(token, "list_cards", { limit: 1 })).status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error("the API never answered");
  }

  for (const kind of ["drop", "503"] as const) {
    it(`API ${kind === "drop" ? "unreachable" : "answering 503"}: a verified caller gets its tools and honest isError results, never an HTTP 5xx`, async () => {
      const token = stack.token(USERS.admin);
      await verified(token);
      const client = await stack.client(token);
      down(kind);
      expect((await client.listTools()).tools.map((tool: { name: string }) => tool.name)).toContain("update_card_limit");
      const before = sent();
      const write = await stack.call(token, "lock_card", { card: "card_7Hq2LmX9" });
      expect(write.status).toBe(200);
      expect(write.json.result.isError).toBe(true);
      expect(text(write)).toBe("Clara API is unavailable right now, so this was not tried. Nothing was changed.");
      const read = await stack.call(token, "list_cards", { limit: 1 });
      expect(text(read)).toBe("Clara API is unavailable right now, so this was not tried. Try again in a moment.");
      // Only the identity checks went out (or nothing, once the circuit opened): no tool reached the API.
      expect(stack.faulty!.requests.slice(before).every((request) => request.path === "/api/v3/me")).toBe(true);
      expect(stack.logs.some((line) => line.includes('"unverified":true'))).toBe(true);
      expect(stack.audit.map((line) => JSON.parse(line)).filter((line) => line.tool === "lock_card").at(-1)).toMatchObject({ outcome: "error" });
    });
  }

  it("a token never verified gets 503 with Retry-After while the API is down", async () => {
    await verified(stack.token(USERS.admin));
    const token = stack.token(USERS.books);
    down("drop");
    const answer = await stack.call(token, "list_cards", { limit: 1 });
    expect(answer.status).toBe(503);
    expect(answer.headers["retry-after"]).toMatch(/^\d+$/);
    expect(answer.json.error.message).toMatch(/unavailable/);
  });

  it("revoked while the API was down: refused on the first request once the API answers again", async () => {
    const token = stack.token(USERS.admin);
    await verified(token);
    down("drop");
    expect((await stack.call(token, "list_cards", { limit: 1 })).json.result.isError).toBe(true);
    stack.revoke(token);
    stack.faulty!.always({}, null);
    expect((await stack.call(token, "list_cards", { limit: 1 })).status).toBe(401);
  });

  it("a refusal forgets the identity at once: the same token during a later outage is a stranger (503)", async () => {
    const token = stack.token(USERS.admin);
    await verified(token);
    stack.revoke(token);
    expect((await stack.call(token, "list_cards", { limit: 1 })).status).toBe(401);
    down("drop");
    expect((await stack.call(token, "list_cards", { limit: 1 })).status).toBe(503);
  });

  it("once the API answers, the next call succeeds: the circuit closes on the probe, not after its cooldown", async () => {
    const token = stack.token(USERS.admin);
    await verified(token);
    down("drop");
    for (let i = 0; i < 4; i++) await stack.call(token, "list_cards", { limit: 1 });
    stack.faulty!.always({}, null);
    // The cooldown is a minute; the probe every 50 ms finds the API back.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const answer = await stack.call(token, "list_cards", { limit: 1 });
    expect(answer.status).toBe(200);
    expect(answer.json.result.isError).toBeFalsy();
  });
});
