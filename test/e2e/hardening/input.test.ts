// Hostile input at the HTTP and JSON-RPC level, end to end: gateway over loopback in front of the sandbox.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { securityHeaderList } from "../../../src/gateway/http/headers.js";
import { startHardened, USERS, type HardenedStack, type RawAnswer } from "./stack.js";

let stack: HardenedStack;
let admin: string;

beforeAll(async () => {
  stack = await startHardened({ bodyLimit: 64 * 1024 });
  admin = stack.token(USERS.admin);
});
afterAll(() => stack.close());

const auth = () => ({ authorization: `Bearer ${admin}` });
const list = (id: unknown = 1) => ({ jsonrpc: "2.0", id, method: "tools/list" });

/** Nothing internal in an answer: no stack frames, no file paths, no exception class names. */
function expectNothingInternal(answer: RawAnswer) {
  expect(answer.text).not.toMatch(/\n\s+at |node_modules|src\/gateway|\.ts:\d+|TypeError|ReferenceError|SyntaxError|ECONNREFUSED/);
}

describe("Origin and Host (DNS rebinding)", () => {
  it("an Origin that is not allowed gets 403, before any authentication or upstream call", async () => {
    const before = stack.sandbox.requestLog.length;
    const answer = await stack.post(list(), { ...auth(), origin: "https://evil.example" });
    expect(answer.status).toBe(403);
    expect(answer.json).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: -32000 } });
    expect(stack.sandbox.requestLog.length).toBe(before);
  });

  it("a Host that is not served gets 403 (a rebound name pointing at loopback)", async () => {
    const answer = await stack.post(list(), { ...auth(), host: `rebound.example:${stack.port}` });
    expect(answer.status).toBe(403);
  });

  it("a loopback browser origin passes and is told so with CORS headers", async () => {
    const answer = await stack.post(list(), { ...auth(), origin: "http://localhost:6274" });
    expect(answer.status).toBe(200);
    expect(answer.headers["access-control-allow-origin"]).toBe("http://localhost:6274");
    expect(answer.json.result.tools.length).toBeGreaterThan(0);
  });
});

describe("security headers", () => {
  it("are on every answer: 200, 202, 400, 401, 403, 404, 405, 413, 415", async () => {
    const answers = [
      await stack.post(list(), auth()),
      await stack.post({ jsonrpc: "2.0", method: "notifications/initialized" }, auth()),
      await stack.post("{oops", auth()),
      await stack.post(list(), {}),
      await stack.post(list(), { ...auth(), origin: "https://evil.example" }),
      await stack.post(list(), auth(), "/nope"),
      await stack.post("x".repeat(70 * 1024), auth()),
      await stack.post(list(), { ...auth(), "content-type": "text/plain" }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 202, 400, 401, 403, 404, 413, 415]);
    const got = await fetch(stack.mcpUrl, { headers: auth() });
    await got.arrayBuffer();
    expect(got.status).toBe(405);
    for (const answer of answers) {
      for (const [name, value] of securityHeaderList()) expect(answer.headers[name.toLowerCase()], `${answer.status} ${name}`).toBe(value);
    }
    for (const [name, value] of securityHeaderList()) expect(got.headers.get(name)).toBe(value);
  });
});

describe("input limits and JSON-RPC shapes", () => {
  it("a body past the limit gets 413 with a JSON-RPC error", async () => {
    const answer = await stack.post(JSON.stringify({ ...list(), params: { pad: "x".repeat(100 * 1024) } }), auth());
    expect(answer.status).toBe(413);
    expect(answer.json.error.code).toBeLessThan(0);
    expectNothingInternal(answer);
  });

  it("malformed JSON is a -32700 parse error", async () => {
    for (const body of ["{oops", '{"jsonrpc":"2.0",', "[1,2", "\u0000\u0001", "nul"]) {
      const answer = await stack.post(body, auth());
      expect(answer.status, body).toBe(400);
      expect(answer.json, body).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: -32700 } });
      expectNothingInternal(answer);
    }
  });

  it("wrong shapes get -32600 and never a 500: id null, extra keys, wrong version, no method", async () => {
    const shapes = [
      { jsonrpc: "2.0", id: null, method: "tools/list" },
      { jsonrpc: "2.0", id: 1, method: "tools/list", extra: true },
      { jsonrpc: "1.0", id: 1, method: "tools/list" },
      { jsonrpc: "2.0", id: 1 },
      { jsonrpc: "2.0", id: { nested: 1 }, method: "tools/list" },
      { jsonrpc: "2.0", id: 1, method: 42 },
      "just a string",
      42,
      null,
    ];
    for (const shape of shapes) {
      const answer = await stack.post(JSON.stringify(shape), auth());
      expect(answer.status, JSON.stringify(shape)).toBeLessThan(500);
      expect(answer.json?.error?.code, JSON.stringify(shape)).toBe(-32600);
      expectNothingInternal(answer);
    }
  });

  it("a batch of junk is answered item by item, or refused whole, never hanging", async () => {
    const answer = await stack.post([1, "x", null, { jsonrpc: "2.0" }, { jsonrpc: "2.0", id: 7, method: "tools/list", junk: 1 }], auth());
    expect(answer.status).toBeLessThan(500);
    const errors = Array.isArray(answer.json) ? answer.json : [answer.json];
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expect(error.error.code).toBe(-32600);
    const empty = await stack.post([], auth());
    expect(empty.status).toBe(400);
    expect(empty.json.error.code).toBe(-32600);
  });

  it("unknown methods and bad params get their own codes", async () => {
    const unknown = await stack.post({ jsonrpc: "2.0", id: 3, method: "tools/explode" }, auth());
    expect(unknown.json).toMatchObject({ id: 3, error: { code: -32601 } });
    const badParams = await stack.post({ jsonrpc: "2.0", id: 4, method: "tools/call", params: { name: 5 } }, auth());
    expect(badParams.json).toMatchObject({ id: 4, error: { code: -32602 } });
    expectNothingInternal(badParams);
  });

  it("no log line carries a stack trace for a client's mistake", () => {
    for (const line of stack.logs) {
      const parsed = JSON.parse(line);
      if (parsed.status !== undefined && parsed.status < 500) expect(line).not.toContain("stack");
    }
  });
});
