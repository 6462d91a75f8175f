// Rate limits end to end: per client address for traffic without a working credential, per token
// after authentication (a platform's many users behind one address are never limited together).
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

  it("per address, for unauthenticated traffic: floods of bad tokens are cut off without reaching the upstream", async () => {
    stack = await startHardened({ rateLimits: { perAddress: { points: 4, durationSec: 60 }, perToken: null } });
    const mark = stack.sandbox.requestLog.length;
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await stack.post(list, { authorization: `Bearer clara_pat_guess${i}AAAAAAAAAAAAAAAAAAAAAAAA` })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429, 429, 429]);
    // Only the four requests let through asked the upstream who the token belongs to.
    expect(stack.sandbox.requestLog.length - mark).toBe(4);
    // While the address is cut off, even a good token from it waits: guessing must not go on behind one.
    const good = stack.token(USERS.admin);
    expect((await stack.post(list, { authorization: `Bearer ${good}` })).status).toBe(429);
    // Requests without any token count against the address as well.
    await stack.close();
    stack = await startHardened({ rateLimits: { perAddress: { points: 2, durationSec: 60 }, perToken: null } });
    const bare = [];
    for (let i = 0; i < 3; i++) bare.push((await stack.post(list)).status);
    expect(bare).toEqual([401, 401, 429]);
  });

  it("authenticated traffic never counts against its address: many users behind one address are limited per token", async () => {
    stack = await startHardened({ rateLimits: { perAddress: { points: 3, durationSec: 60 }, perToken: { points: 4, durationSec: 60 } } });
    const people = [stack.token(USERS.admin), stack.token(USERS.books), stack.token(USERS.brasa)];
    const statuses: number[] = [];
    for (let round = 0; round < 4; round++) for (const token of people) statuses.push((await stack.post(list, { authorization: `Bearer ${token}` })).status);
    // Twelve requests from one address, three times its limit, all served: each token is within its own.
    expect(statuses).toEqual(Array(12).fill(200));
    expect((await stack.post(list, { authorization: `Bearer ${people[0]}` })).status).toBe(429);
    expect((await stack.post(list, { authorization: `Bearer ${stack.token(USERS.andes)}` })).status).toBe(200);
  });

  it("behind a proxy (trustProxy), the address the proxy appended is counted; without it, X-Forwarded-For is ignored", async () => {
    stack = await startHardened({ trustProxy: true, rateLimits: { perAddress: { points: 2, durationSec: 60 }, perToken: null } });
    const bad = "clara_pat_guessAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    const from = (forwarded: string) => stack!.post(list, { authorization: `Bearer ${bad}`, "x-forwarded-for": forwarded }).then((answer) => answer.status);
    expect([await from("10.0.0.1"), await from("10.0.0.1"), await from("10.0.0.1")]).toEqual([401, 401, 429]);
    expect(await from("10.0.0.2")).toBe(401);
    // A client cannot escape by prepending made-up addresses: the proxy's own entry is the last one.
    expect(await from("203.0.113.9, 10.0.0.1")).toBe(429);
    await stack.close();

    stack = await startHardened({ rateLimits: { perAddress: { points: 2, durationSec: 60 }, perToken: null } });
    const statuses = [];
    for (const forwarded of ["10.0.0.1", "10.0.0.2", "10.0.0.3"]) {
      statuses.push((await stack.post(list, { authorization: `Bearer ${bad}`, "x-forwarded-for": forwarded })).status);
    }
    expect(statuses).toEqual([401, 401, 429]);
  });

  it("health probes are never limited", async () => {
    stack = await startHardened({ rateLimits: { perAddress: { points: 1, durationSec: 60 }, perToken: null } });
    const base = stack.mcpUrl.replace("/mcp", "");
    for (let i = 0; i < 5; i++) expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
