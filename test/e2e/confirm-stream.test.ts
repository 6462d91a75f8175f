// A 2025 write asked over an event stream that fails after the user's yes: the HTTP status line went
// out with the form, so the failure must come down the same stream as an honest isError result (what
// happened, and whether anything changed) and the stream must end. Raw HTTP, to see the stream itself.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHardened, USERS, type HardenedStack } from "./hardening/stack.js";

const LUIS = "card_7Hq2LmX9";
/** Each test ends well within this: a hang fails it here, not at the suite's 30 s. */
const QUICK = 10_000;
const VERSION = "2025-11-25";
const YES = { action: "accept", content: { confirm: true } };

/** A raw 2025 client that declared form elicitation: its token and sealed session id. */
interface Session {
  url: string;
  headers: Record<string, string>;
}

async function initialize(url: string, token: string): Promise<Session> {
  const headers = { "content-type": "application/json", accept: "application/json, text/event-stream", authorization: `Bearer ${token}`, "mcp-protocol-version": VERSION };
  const params = { protocolVersion: VERSION, capabilities: { elicitation: { form: {} } }, clientInfo: { name: "raw-stream", version: "1" } };
  const answer = await fetch(url, { method: "POST", headers, body: JSON.stringify({ jsonrpc: "2.0", id: 0, method: "initialize", params }) });
  await answer.text();
  const id = answer.headers.get("mcp-session-id");
  expect(id, "a client that declared elicitation gets a session id").toBeTruthy();
  return { url, headers: { ...headers, "mcp-session-id": id! } };
}

/** POSTs a message of the session; its answer's status. */
async function post(session: Session, message: object): Promise<number> {
  const answer = await fetch(session.url, { method: "POST", headers: session.headers, body: JSON.stringify({ jsonrpc: "2.0", ...message }) });
  await answer.text();
  return answer.status;
}

/** A tools/call whose answer is an event stream, read one message at a time (keep-alive comments skipped). */
async function streamedCall(session: Session, name: string, args: Record<string, unknown>) {
  // A stream that never ends fails the test here, well before its timeout.
  const answer = await fetch(session.url, {
    method: "POST",
    headers: session.headers,
    body: JSON.stringify({ jsonrpc: "2.0", id: 7, method: "tools/call", params: { name, arguments: args } }),
    signal: AbortSignal.timeout(8_000),
  });
  const reader = answer.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  return {
    status: answer.status,
    type: answer.headers.get("content-type"),
    /** The next message, or undefined once the stream has ended. */
    async next(): Promise<any> {
      for (;;) {
        const end = buffer.indexOf("\n\n");
        if (end >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(event);
          if (data) return JSON.parse(data[1]!);
          continue;
        }
        const { value, done } = await reader.read();
        if (done) return buffer.trim() === "" ? undefined : { unparsed: buffer };
        buffer += value;
      }
    },
  };
}

/** Asks for `name`, lets `meanwhile` happen while the form is open, says yes, and reads the rest. */
async function yesThenFailure(session: Session, name: string, args: Record<string, unknown>, meanwhile: () => Promise<void>) {
  const call = await streamedCall(session, name, args);
  expect(call.status).toBe(200);
  expect(call.type).toBe("text/event-stream");
  const form = await call.next();
  expect(form).toMatchObject({ method: "elicitation/create", params: { mode: "form", message: expect.any(String) } });
  await meanwhile();
  expect(await post(session, { id: form.id, result: YES })).toBe(202);
  const last = await call.next();
  // Nothing after the answer: the stream ended.
  expect(await call.next()).toBeUndefined();
  return { form, last };
}

const auditOf = (stack: HardenedStack, tool: string) => stack.audit.map((line) => JSON.parse(line)).filter((line) => line.tool === tool);

describe("2025 event stream, an error after yes (the sandbox itself)", () => {
  let stack: HardenedStack;
  let session: Session;
  let admin: string;
  beforeAll(async () => {
    stack = await startHardened({ transactions: 50 });
    admin = stack.token(USERS.admin);
    session = await initialize(stack.mcpUrl, admin);
  });
  afterAll(() => stack.close());

  it("decided by someone else while the form was open: the sandbox's 409 comes down the stream, nothing changed", async () => {
    const limit = () => stack.sandbox.db.prepare("SELECT limit_minor FROM cards WHERE id = ?").pluck().get(LUIS);
    const before = limit();
    const mark = stack.sandbox.requestLog.length;
    const { form, last } = await yesThenFailure(session, "approve_request", { approvalId: "apr_Lp01Limit" }, async () => {
      // Another administrator rejects the request in Clara meanwhile.
      const other = stack.token(USERS.admin);
      const rejected = await fetch(`${stack.sandbox.url}/api/v3/approvals/apr_Lp01Limit/reject`, {
        method: "POST",
        headers: { authorization: `Bearer ${other}`, "content-type": "application/json" },
        body: JSON.stringify({ comment: "Sin presupuesto este mes." }),
      });
      expect(rejected.status).toBe(200);
    });
    expect(form.params.message).toMatch(/^Approve request apr_Lp01Limit/);
    expect(last).toMatchObject({ jsonrpc: "2.0", id: 7, result: { isError: true } });
    expect(last.error).toBeUndefined();
    expect(last.result.content[0].text).toMatch(/^Request apr_Lp01Limit was already rejected .*; it cannot be approved now\. Nothing was changed\./);
    const approves = stack.sandbox.requestLog.slice(mark).filter((entry) => entry.path.endsWith("/approve"));
    expect(approves.map((entry) => `${entry.method} ${entry.status}`)).toEqual(["POST 409"]);
    expect(limit()).toBe(before);
    expect(stack.sandbox.db.prepare("SELECT status FROM approval_requests WHERE id = 'apr_Lp01Limit'").pluck().get()).toBe("REJECTED");
    expect(auditOf(stack, "approve_request").at(-1)).toMatchObject({ outcome: "error", confirmation: "accepted" });
  }, QUICK);

  it("the sandbox stopped while the form was open: 'could not connect', nothing changed, and the stream ends", async () => {
    const mark = stack.sandbox.requestLog.length;
    const { last } = await yesThenFailure(session, "update_card_limit", { card: "4821", amount: "36000" }, () => stack.sandbox.close());
    expect(last).toMatchObject({ jsonrpc: "2.0", id: 7, result: { isError: true } });
    expect(last.result.content[0].text).toBe("Clara API is unavailable right now (could not connect). Nothing was changed.");
    // The preview's read reached the sandbox before it stopped; no write ever did.
    expect(stack.sandbox.requestLog.slice(mark).filter((entry) => entry.method !== "GET")).toEqual([]);
    expect(auditOf(stack, "update_card_limit").at(-1)).toMatchObject({ outcome: "error", confirmation: "accepted" });
  }, QUICK);
});

describe("2025 event stream, an error after yes (the write's answer lost)", () => {
  let stack: HardenedStack;
  let session: Session;
  beforeAll(async () => {
    stack = await startHardened({ transactions: 50, faults: true, resilience: { retry: { baseDelayMs: 10, maxDelayMs: 20 } } });
    session = await initialize(stack.mcpUrl, stack.token(USERS.admin));
  });
  afterAll(() => stack.close());

  it("the write reached the sandbox but no answer came back: 'The outcome is unknown', down the stream, which ends", async () => {
    const LIMIT = /^\/api\/v3\/cards\/[^/]+\/limit$/;
    stack.faulty!.always({ method: "PATCH", path: LIMIT }, { kind: "drop-after-forward" });
    try {
      const { last } = await yesThenFailure(session, "update_card_limit", { card: "4821", amount: "37000" }, async () => {});
      expect(last).toMatchObject({ jsonrpc: "2.0", id: 7, result: { isError: true } });
      expect(last.result.content[0].text).toMatch(/^Clara API did not answer \(.+\)\. The outcome is unknown: the change may or may not have been applied/);
    } finally {
      stack.faulty!.always({ method: "PATCH", path: LIMIT }, null);
    }
    // Why "unknown" is the honest word: the change was in fact applied, once (every retry carried its key).
    const patches = stack.sandbox.requestLog.filter((entry) => entry.method === "PATCH");
    expect(patches.length).toBeGreaterThanOrEqual(1);
    expect(new Set(patches.map((entry) => entry.headers["idempotency-key"])).size).toBe(1);
    expect(stack.sandbox.db.prepare("SELECT limit_minor FROM cards WHERE id = ?").pluck().get(LUIS)).toBe(3_700_000);
  }, QUICK);
});
