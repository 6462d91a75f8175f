import Koa from "koa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { securityHeaderList, securityHeaders } from "../../../src/gateway/http/headers.js";
import { raw, serve, type Served } from "./serve.js";

describe("security headers", () => {
  let served: Served;

  beforeAll(async () => {
    const app = new Koa();
    app.silent = true;
    // An error boundary outside, like the gateway's, so thrown errors become answers here.
    app.use(async (ctx, next) => {
      try {
        await next();
      } catch {
        ctx.status = 500;
        ctx.body = { error: "Internal error" };
      }
    });
    app.use(securityHeaders());
    app.use((ctx) => {
      if (ctx.path === "/boom") throw new Error("internal detail");
      if (ctx.path === "/ok") ctx.body = { ok: true };
      if (ctx.path === "/limited") {
        ctx.status = 429;
        ctx.body = "slow down";
      }
    });
    served = await serve(app);
  });
  afterAll(() => served.close());

  it("are on every answer: success, not found, error", async () => {
    for (const path of ["/ok", "/missing", "/boom", "/limited"]) {
      const answer = await raw(served.port, { path });
      for (const [name, value] of securityHeaderList()) {
        expect(answer.headers[name.toLowerCase()], `${path} ${name}`).toBe(value);
      }
      expect(answer.headers["x-powered-by"]).toBeUndefined();
    }
  });

  it("the internal error message does not reach the client", async () => {
    const answer = await raw(served.port, { path: "/boom" });
    expect(answer.status).toBe(500);
    expect(answer.body).not.toContain("internal detail");
  });

  it("HSTS only when asked for (HTTPS deployments)", () => {
    const names = (hsts: boolean) => securityHeaderList({ hsts }).map(([name]) => name);
    expect(names(false)).not.toContain("Strict-Transport-Security");
    expect(names(true)).toContain("Strict-Transport-Security");
    expect(names(false)).toEqual(expect.arrayContaining(["X-Content-Type-Options", "Content-Security-Policy", "Cache-Control"]));
  });
});
