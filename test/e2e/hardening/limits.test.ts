// Rate limits end to end: per client address before authentication, per token after it.
import { afterEach, describe, expect, it } from "vitest";
import { startHardened, USERS, type HardenedStack } from "./stack.js";

const list = { jsonrpc: "2.0", id: 1, method: "tools/list" };
let stack: HardenedStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

describe("rate limits", () => {
  it("per token: 429 with Retry-After past the limit, other tokens unaffected, the SDK client sees the refusal", async () => {
    stack = await startHardened({ rateLimits: { perAddress: null, perToken: { points: 5, durationSec: 60 } } });
    const first = stack.token(USERS.admin);
    const second = stack.token(USERS.books);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await stack.post(list, { authorization: `Bearer ${first}` })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = await stack.post(list, { authorization: `Bearer ${first}` });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers["retry-after"])).toBeLessThanOrEqual(60);
    expect(refused.json).toMatchObject({ jsonrpc: "2.0", error: { code: -32000, message: expect.stringMatching(/Too many requests/) } });

    // The same token through the other header is the same token.
    expect((await stack.post(list, { "clara-mcp-token": first })).status).toBe(429);
    expect((await stack.post(list, { authorization: `Bearer ${second}` })).status).toBe(200);

    const client = await stack.client(second);
    const calls = [];
    for (let i = 0; i < 3; i++) calls.push(await client.listTools().then(() => "ok", (error: Error) => error.message));
    expect(calls.slice(0, 1)).toEqual(["ok"]);
    expect(calls.at(-1)).toMatch(/429|Too many/);
  });

  it("per address, before authentication: floods of bad tokens are cut off without reaching the upstream", async () => {
    stack = await startHardened({ rateLimits: { perAddress: { points: 4, durationSec: 60 }, perToken: null } });
    const mark = stack.sandbox.requestLog.length;
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await stack.post(list, { authorization: `Bearer clara_pat_guess${i}AAAAAAAAAAAAAAAAAAAAAAAA` })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429, 429, 429]);
    // Only the four requests let through asked the upstream who the token belongs to.
    expect(stack.sandbox.requestLog.length - mark).toBe(4);
    // A good token from the same address is limited too: the address is what is counted.
    const good = stack.token(USERS.admin);
    expect((await stack.post(list, { authorization: `Bearer ${good}` })).status).toBe(429);
  });

  it("behind a proxy (trustProxy), the address the proxy appended is counted; without it, X-Forwarded-For is ignored", async () => {
    stack = await startHardened({ trustProxy: true, rateLimits: { perAddress: { points: 2, durationSec: 60 }, perToken: null } });
    const token = stack.token(USERS.admin);
    const from = (forwarded: string) => stack!.post(list, { authorization: `Bearer ${token}`, "x-forwarded-for": forwarded }).then((answer) => answer.status);
    expect([await from("10.0.0.1"), await from("10.0.0.1"), await from("10.0.0.1")]).toEqual([200, 200, 429]);
    expect(await from("10.0.0.2")).toBe(200);
    // A client cannot escape by prepending made-up addresses: the proxy's own entry is the last one.
    expect(await from("203.0.113.9, 10.0.0.1")).toBe(429);
    await stack.close();

    stack = await startHardened({ rateLimits: { perAddress: { points: 2, durationSec: 60 }, perToken: null } });
    const direct = stack.token(USERS.admin);
    const statuses = [];
    for (const forwarded of ["10.0.0.1", "10.0.0.2", "10.0.0.3"]) {
      statuses.push((await stack.post(list, { authorization: `Bearer ${direct}`, "x-forwarded-for": forwarded })).status);
    }
    expect(statuses).toEqual([200, 200, 429]);
  });

  it("health probes are never limited", async () => {
    stack = await startHardened({ rateLimits: { perAddress: { points: 1, durationSec: 60 }, perToken: null } });
    const base = stack.mcpUrl.replace("/mcp", "");
    for (let i = 0; i < 5; i++) expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
