import Koa from "koa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileOriginPolicy, localPolicy, originGuard, parseList } from "../../../src/gateway/http/origin.js";
import { raw, serve, type Served } from "./serve.js";

describe("origin and host rules", () => {
  const local = compileOriginPolicy(localPolicy);

  it("accepts loopback hosts on any port and nothing else by default", () => {
    for (const host of ["localhost", "localhost:3000", "127.0.0.1:8080", "[::1]:3000", "LOCALHOST:1"]) {
      expect(local.hostAllowed(host), host).toBe(true);
    }
    for (const host of ["evil.example", "evil.example:3000", "localhost.evil.example", "127.0.0.1.nip.io:3000", "", "localhost:*", "local host"]) {
      expect(local.hostAllowed(host), host).toBe(false);
    }
    expect(local.hostAllowed(undefined)).toBe(false);
  });

  it("accepts no Origin (non-browser clients) and loopback origins, refuses the rest", () => {
    expect(local.originAllowed(undefined)).toBe(true);
    for (const origin of ["http://localhost:6274", "http://127.0.0.1:3000", "https://localhost", "http://[::1]:5173"]) {
      expect(local.originAllowed(origin), origin).toBe(true);
    }
    for (const origin of ["null", "http://evil.example", "http://localhost.evil.example:3000", "file://", "http://localhost:3000/path", "ftp://localhost", ""]) {
      expect(local.originAllowed(origin), origin).toBe(false);
    }
  });

  it("configured entries: exact ports, any port, and * to switch a check off", () => {
    const rules = compileOriginPolicy({
      hosts: ["mcp.example.com", "gw.internal:8443"],
      origins: ["https://app.example.com", "https://tools.example.com:*"],
    });
    expect(rules.hostAllowed("mcp.example.com:443")).toBe(true);
    expect(rules.hostAllowed("gw.internal:8443")).toBe(true);
    expect(rules.hostAllowed("gw.internal:8080")).toBe(false);
    expect(rules.hostAllowed("localhost:3000")).toBe(false);
    expect(rules.originAllowed("https://app.example.com")).toBe(true);
    expect(rules.originAllowed("https://app.example.com:8443")).toBe(false);
    expect(rules.originAllowed("http://app.example.com")).toBe(false);
    expect(rules.originAllowed("https://tools.example.com:9000")).toBe(true);
    const open = compileOriginPolicy({ hosts: ["*"], origins: ["*"] });
    expect(open.hostAllowed("anything.example")).toBe(true);
    expect(open.originAllowed("https://anything.example")).toBe(true);
  });

  it("a malformed entry stops start-up with the entry named", () => {
    expect(() => compileOriginPolicy({ hosts: ["http://x"], origins: [] })).toThrow(/not a host: "http:\/\/x"/);
    expect(() => compileOriginPolicy({ hosts: [], origins: ["example.com"] })).toThrow(/not an origin: "example.com"/);
    expect(parseList(" a.example, ,b.example:80 ")).toEqual(["a.example", "b.example:80"]);
  });
});

describe("origin guard middleware", () => {
  let served: Served;
  let reached = 0;

  beforeAll(async () => {
    const app = new Koa();
    app.use(originGuard({ policy: localPolicy, paths: ["/mcp"], allowHeaders: ["authorization", "content-type", "clara-mcp-token"] }));
    app.use((ctx) => {
      reached++;
      ctx.body = { ok: true };
    });
    served = await serve(app);
  });
  afterAll(() => served.close());

  const post = (headers: Record<string, string>, path = "/mcp") =>
    raw(served.port, { method: "POST", path, headers: { "content-type": "application/json", ...headers }, body: "{}" });

  it("an Origin that is not allowed gets 403 with a JSON-RPC error, and the request goes no further", async () => {
    const before = reached;
    const answer = await post({ origin: "http://evil.example" });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body)).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: -32000 } });
    expect(answer.body).not.toContain("evil.example");
    expect(answer.headers["access-control-allow-origin"]).toBeUndefined();
    expect(reached).toBe(before);
  });

  it("a rebound Host name gets 403 even without an Origin", async () => {
    const before = reached;
    const answer = await post({ host: `attacker.example:${served.port}` });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body).error.message).toMatch(/Host/);
    expect(reached).toBe(before);
  });

  it("a loopback client with no Origin passes", async () => {
    const answer = await post({});
    expect(answer.status).toBe(200);
    expect(answer.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("an allowed browser origin passes and gets CORS headers; its preflight is answered", async () => {
    const answer = await post({ origin: "http://localhost:6274" });
    expect(answer.status).toBe(200);
    expect(answer.headers["access-control-allow-origin"]).toBe("http://localhost:6274");
    expect(answer.headers.vary).toMatch(/Origin/);
    const before = reached;
    const preflight = await raw(served.port, {
      method: "OPTIONS",
      path: "/mcp",
      headers: { origin: "http://localhost:6274", "access-control-request-method": "POST", "access-control-request-headers": "authorization" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers["access-control-allow-headers"]).toContain("clara-mcp-token");
    expect(preflight.headers["access-control-allow-methods"]).toContain("POST");
    expect(reached).toBe(before);
  });

  it("paths outside the guarded list (health probes by pod IP) are not checked", async () => {
    const answer = await raw(served.port, { path: "/healthz", headers: { host: "10.1.2.3:3000" } });
    expect(answer.status).toBe(200);
  });
});
