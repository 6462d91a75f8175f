// Writes that are not instantly reversible ask the user first, from the real current state, and act
// only on yes: input_required on 2026-07-28, an elicitation form for 2025 clients that declared it,
// a sealed single-use code for clients that can do neither. Every refusal, and nothing written before yes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSealer } from "../../src/gateway/shared/seal.js";
import { memoryStore, StoreUnavailable, type SharedStore } from "../../src/gateway/shared/store.js";
import { ERAS, MODERN, modern, startHardened, USERS, type HardenedStack } from "./hardening/stack.js";
import type { Answering, McpClient } from "./clients.js";

const LUIS = "card_7Hq2LmX9";
const SECRET = "confirmations-test-secret-of-32-bytes!!";
let broken = false;
const inner = memoryStore();
// A store that can be made to fail, to prove a confirmation that cannot be checked is refused.
const store: SharedStore = {
  get available() {
    return !broken;
  },
  spend: (key, ttl) => (broken ? Promise.reject(new StoreUnavailable()) : inner.spend(key, ttl)),
  close: () => inner.close(),
};

let stack: HardenedStack;
let admin: string;
let other: string;

beforeAll(async () => {
  stack = await startHardened({ transactions: 200, sealer: createSealer(SECRET), store });
  admin = stack.token(USERS.admin);
  other = stack.token(USERS.admin);
});
afterAll(() => stack.close());

const writes = () => stack.sandbox.requestLog.filter((entry) => entry.method !== "GET").length;
const limitOf = async (cardId = LUIS): Promise<{ amount: { value: string }; period: string }> =>
  ((await (await fetch(`${stack.sandbox.url}/api/v3/cards/${cardId}`, { headers: { authorization: `Bearer ${admin}` } })).json()) as any).spendingLimit;
/** A limit as the preview words it: "20,000.00 MXN monthly". */
const shown = (limit: { amount: { value: string }; period: string }) =>
  `${Number(limit.amount.value).toLocaleString("en-US", { minimumFractionDigits: 2 })} MXN ${limit.period.toLowerCase().replace("_", " ")}`;
const text = (result: { content: unknown[] }) => (result.content as { text: string }[]).map((part) => part.text).join("\n");
const auditOf = (tool: string) => stack.audit.map((line) => JSON.parse(line)).filter((line) => line.tool === tool);

describe.each(ERAS)("%s era, a client that asks the user", (era) => {
  let clients: McpClient[] = [];
  afterAll(() => Promise.all(clients.map((client) => client.close())));
  async function client(answering: Answering): Promise<McpClient> {
    const made = await (await import("./clients.js")).connectClient(stack.mcpUrl, { era, headers: { authorization: `Bearer ${admin}` }, name: `confirm-${era}`, answering });
    clients.push(made);
    return made;
  }

  it("no: the preview states the real current limit, and nothing is written", async () => {
    const current = await limitOf();
    if (era === "2025") expect(shown(current)).toBe("20,000.00 MXN monthly");
    const before = writes();
    const no = await client("no");
    const answer = await no.callTool({ name: "update_card_limit", arguments: { card: "luis perez", amount: "35000" } });
    expect(no.asked).toEqual([`Change the limit of •••• 4821 (Luis Pérez) from ${shown(current)} to 35,000.00 MXN ${current.period.toLowerCase()}?`]);
    expect(answer.isError).toBe(true);
    expect(text(answer)).toBe("Nothing was changed.");
    expect(writes()).toBe(before);
    expect(await limitOf()).toEqual(current);
  });

  it("cancel and decline change nothing either", async () => {
    const before = writes();
    const cancelled = await (await client("cancel")).callTool({ name: "update_card_limit", arguments: { card: "4821", amount: "1" } });
    expect(text(cancelled)).toBe("Cancelled; nothing was changed.");
    const declined = await (await client("decline")).callTool({ name: "approve_request", arguments: { approvalId: "apr_Lp01Limit" } });
    expect(text(declined)).toBe("Nothing was changed.");
    expect(writes()).toBe(before);
  });

  it("yes: the write happens once, after the question, and the preview came from the state as it was", async () => {
    const current = await limitOf();
    const before = stack.sandbox.requestLog.length;
    const yes = await client("yes");
    const answer = await yes.callTool({ name: "update_card_limit", arguments: { card: "4821", amount: era === "2025" ? "21000" : "22000.5", period: "DAILY" } });
    expect(answer.isError).toBeFalsy();
    expect(yes.asked).toEqual([`Change the limit of •••• 4821 (Luis Pérez) from ${shown(current)} to ${era === "2025" ? "21,000.00" : "22,000.50"} MXN daily?`]);
    const log = stack.sandbox.requestLog.slice(before);
    const write = log.findIndex((entry) => entry.method !== "GET");
    // The current state was read, then exactly one write.
    expect(log.slice(0, write).some((entry) => entry.path === `/api/v3/cards/${LUIS}/limit`)).toBe(true);
    expect(log.filter((entry) => entry.method !== "GET")).toHaveLength(1);
    expect((await limitOf()).period).toBe("DAILY");
    expect(auditOf("update_card_limit").at(-1)).toMatchObject({ outcome: "ok", confirmation: "accepted" });
  });

  it("lock_card stays immediate: nobody is asked", async () => {
    const yes = await client("yes");
    const locked = await yes.callTool({ name: "lock_card", arguments: { card: LUIS } });
    expect(text(locked)).toMatch(/^Locked card •••• 4821/);
    expect(yes.asked).toEqual([]);
    await yes.callTool({ name: "unlock_card", arguments: { card: LUIS } });
  });
});

describe.each(ERAS)("%s era, a client that can neither: the preview and a sealed code", (era) => {
  let client: McpClient;
  beforeAll(async () => {
    client = await (await import("./clients.js")).connectClient(stack.mcpUrl, { era, headers: { authorization: `Bearer ${admin}` }, name: "plain", answering: "none" });
  });
  afterAll(() => client.close());

  async function preview(args: Record<string, unknown>) {
    const answer = await client.callTool({ name: "update_card_limit", arguments: args });
    expect(answer.isError).toBe(true);
    const meta = (answer._meta as Record<string, any>)["com.clara/confirmation"];
    expect(meta).toMatchObject({ argument: "confirmation", code: expect.any(String), preview: expect.stringMatching(/^Change the limit of •••• 4821/) });
    return { answer, code: meta.code as string };
  }

  it("a first call answers the preview and a code, and writes nothing; the code acts once", async () => {
    const before = writes();
    const { answer, code } = await preview({ card: "4821", amount: "23000" });
    expect(text(answer)).toMatch(/^Change the limit of •••• 4821 \(Luis Pérez\) from [\d,.]+ MXN \w+ to 23,000\.00 MXN \w+\?\nNothing has been changed yet/);
    expect(text(answer)).toContain(code);
    expect(writes()).toBe(before);
    const done = await client.callTool({ name: "update_card_limit", arguments: { card: "4821", amount: "23000", confirmation: code } });
    expect(done.isError).toBeFalsy();
    expect(text(done)).toMatch(/to 23,000\.00 MXN/);
    expect(writes()).toBe(before + 1);
    const again = await client.callTool({ name: "update_card_limit", arguments: { card: "4821", amount: "23000", confirmation: code } });
    expect(text(again)).toMatch(/^This confirmation is not valid/);
    expect(writes()).toBe(before + 1);
    const lines = auditOf("update_card_limit").slice(-3);
    expect(lines.map((line) => line.confirmation)).toEqual(["asked", "accepted", "refused"]);
    // The audit says what became of the code, never what it was.
    for (const line of stack.audit) expect(line).not.toContain(code);
  });

  it("refused: an altered code, other arguments, another caller's, an expired one; nothing written", async () => {
    const args = { card: "4821", amount: "24000" };
    const { code } = await preview(args);
    const before = writes();
    const altered = code.slice(0, 10) + (code[10] === "A" ? "B" : "A") + code.slice(11);
    for (const [what, call] of [
      ["altered", { ...args, confirmation: altered }],
      ["other arguments", { ...args, amount: "240000", confirmation: code }],
      ["another card reference", { ...args, card: "luis perez", confirmation: code }],
    ] as const) {
      const answer = await client.callTool({ name: "update_card_limit", arguments: call });
      expect(text(answer), what).toMatch(/^This confirmation is not valid/);
    }
    const theirs = await stack.call(other, "update_card_limit", { ...args, confirmation: code });
    expect(theirs.json.result.content[0].text).toMatch(/^This confirmation is not valid/);
    // Expired: the same bound facts, sealed with the deployment's key but 6 minutes ago.
    const sealer = createSealer(SECRET);
    const { exp: _exp, jti: _jti, ...bound } = sealer.open("confirmation", code)!;
    const expired = sealer.seal("confirmation", bound, 5 * 60_000, Date.now() - 6 * 60_000);
    const late = await client.callTool({ name: "update_card_limit", arguments: { ...args, confirmation: expired } });
    expect(text(late)).toMatch(/^This confirmation is not valid/);
    expect(writes()).toBe(before);
    // The genuine code is still good: none of those spent it.
    const done = await client.callTool({ name: "update_card_limit", arguments: { ...args, confirmation: code } });
    expect(done.isError).toBeFalsy();
  });

  it("a store that cannot answer: refused (fail closed)", async () => {
    const { code } = await preview({ card: "4821", amount: "25000" });
    const before = writes();
    broken = true;
    try {
      const answer = await client.callTool({ name: "update_card_limit", arguments: { card: "4821", amount: "25000", confirmation: code } });
      expect(text(answer)).toMatch(/could not be checked right now\. Nothing was changed/);
    } finally {
      broken = false;
    }
    expect(writes()).toBe(before);
  });
});

describe("2026-07-28 requestState, raw", () => {
  const args = { card: "4821", amount: "26000" };
  const capabilities = { elicitation: { form: {} } };
  async function call(token: string, extra: Record<string, unknown> = {}, id = 1) {
    const { body, headers } = modern({ id, method: "tools/call", params: { name: "update_card_limit", arguments: args, ...extra } }, capabilities);
    return stack.post(body, { ...headers, authorization: `Bearer ${token}` });
  }
  const yes = { confirm: { action: "accept", content: { confirm: true } } };

  it("input_required asks with a form whose message is the preview; the answer with the state acts once", async () => {
    const first = await call(admin);
    expect(first.status).toBe(200);
    const asked = first.json.result;
    expect(asked).toMatchObject({
      resultType: "input_required",
      inputRequests: { confirm: { method: "elicitation/create", params: { mode: "form", message: expect.stringMatching(/to 26,000\.00 MXN/), requestedSchema: { type: "object" } } } },
      requestState: expect.any(String),
      _meta: { "io.modelcontextprotocol/serverInfo": { name: "clara" } },
    });
    expect(asked.ttlMs).toBeUndefined();
    const before = writes();
    const again = await call(admin, { requestState: asked.requestState }, 2);
    // No answer yet: asked again, nothing written.
    expect(again.json.result.resultType).toBe("input_required");
    const done = await call(admin, { requestState: asked.requestState, inputResponses: yes }, 3);
    expect(done.json.result).toMatchObject({ resultType: "complete", content: [{ text: expect.stringMatching(/to 26,000\.00 MXN/) }] });
    expect(writes()).toBe(before + 1);
    const replayed = await call(admin, { requestState: asked.requestState, inputResponses: yes }, 4);
    expect(replayed.json.result.content[0].text).toMatch(/^This confirmation is not valid/);
    expect(writes()).toBe(before + 1);
  });

  it("a declined state is spent too; altered, foreign, other-argument and expired states are refused", async () => {
    const state = (await call(admin)).json.result.requestState as string;
    const before = writes();
    const declined = await call(admin, { requestState: state, inputResponses: { confirm: { action: "decline" } } });
    expect(declined.json.result.content[0].text).toBe("Nothing was changed.");
    const afterDecline = await call(admin, { requestState: state, inputResponses: yes });
    expect(afterDecline.json.result.content[0].text).toMatch(/^This confirmation is not valid/);

    const fresh = (await call(admin)).json.result.requestState as string;
    const altered = `${fresh.slice(0, -2)}${fresh.endsWith("AA") ? "BB" : "AA"}`;
    expect((await call(admin, { requestState: altered, inputResponses: yes })).json.result.content[0].text).toMatch(/not valid/);
    expect((await call(other, { requestState: fresh, inputResponses: yes })).json.result.content[0].text).toMatch(/not valid/);
    const { body, headers } = modern({ id: 9, method: "tools/call", params: { name: "update_card_limit", arguments: { ...args, amount: "1" }, requestState: fresh, inputResponses: yes } }, capabilities);
    expect((await stack.post(body, { ...headers, authorization: `Bearer ${admin}` })).json.result.content[0].text).toMatch(/not valid/);
    const sealer = createSealer(SECRET);
    const { exp: _exp, jti: _jti, ...bound } = sealer.open("request-state", fresh)!;
    const expired = sealer.seal("request-state", bound, 5 * 60_000, Date.now() - 6 * 60_000);
    expect((await call(admin, { requestState: expired, inputResponses: yes })).json.result.content[0].text).toMatch(/not valid/);
    expect(writes()).toBe(before);
    expect(auditOf("update_card_limit").some((line) => line.confirmation === "declined")).toBe(true);
  });

  it("a request that declared no elicitation is never sent a form: it gets the preview and a code", async () => {
    const { body, headers } = modern({ id: 1, method: "tools/call", params: { name: "approve_request", arguments: { approvalId: "apr_Lp01Limit" } } });
    const answer = await stack.post(body, { ...headers, authorization: `Bearer ${admin}` });
    expect(answer.status).toBe(200);
    expect(answer.json.result).toMatchObject({ resultType: "complete", isError: true, _meta: { "com.clara/confirmation": { code: expect.any(String) } } });
    expect(answer.json.result.content[0].text).toMatch(/^Approve request apr_Lp01Limit and change the limit of •••• 4821 \(Luis Pérez\)/);
    expect(MODERN).toBe("2026-07-28");
  });
});
