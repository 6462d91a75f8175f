import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Koa from "koa";
import { Agent, fetch as undiciFetch } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../../src/sandbox/server.js";
import { createWeb } from "../../../src/sandbox/web/index.js";
import { GENERIC_ERROR } from "../../../src/sandbox/web/signin.js";
import { HOME, PASSWORD, Visitor, csrfOf, mainText, startWebSandbox } from "./visitor.js";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startWebSandbox();
});
afterAll(() => sandbox.close());

const visitor = () => new Visitor(sandbox.url);
const count = (sql: string, ...args: unknown[]) => sandbox.db.prepare(sql).pluck().get(...args) as number;

describe("sign in", () => {
  it("a page away asks to sign in and comes back to it; the form has labelled fields and a named button", async () => {
    const v = visitor();
    const away = await v.get(HOME);
    expect(away.status).toBe(303);
    expect(away.location).toBe(`/login?next=${encodeURIComponent(HOME)}`);
    const form = await v.get(away.location!);
    expect(form.status).toBe(200);
    expect(form.text).toMatch(/<label for="email">Email<\/label>\s*<input id="email" name="email"/);
    expect(form.text).toMatch(/<label for="password">Password<\/label>\s*<input id="password" name="password" type="password"/);
    expect(form.text).toContain('<button type="submit">Sign in</button>');
    expect(form.text).toContain(`name="next" value="${HOME}"`);
    const signedIn = await v.post("/login", { email: "admin@acme.example", password: PASSWORD, next: HOME });
    expect(signedIn.status).toBe(303);
    expect(signedIn.location).toBe(HOME);
    const page = await v.get(HOME);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Ana Torres");
    expect(page.text).toMatch(/<button type="submit" class="secondary">Sign out<\/button>/);
  });

  it("the session cookie is HttpOnly and SameSite=Lax, not Secure over plain HTTP, and its value is stored nowhere", async () => {
    const v = visitor();
    const answer = await v.signIn("books@acme.example");
    const line = answer.headers.getSetCookie().find((c) => c.startsWith("clara_session="))!;
    expect(line).toMatch(/; httponly/i);
    expect(line).toMatch(/; samesite=lax/i);
    expect(line).toMatch(/; path=\//i);
    expect(line).not.toMatch(/; secure/i);
    const value = v.cookies.get("clara_session")!;
    expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(sandbox.db.prepare("SELECT * FROM web_sessions").all())).not.toContain(value);
    // The pre-session cookie is gone once signed in.
    expect(v.cookies.has("clara_signin")).toBe(false);
  });

  it("a wrong password and an unknown email get the same generic error, and no session", async () => {
    const wrong = visitor();
    const a = await wrong.signIn("employee@acme.example", "not-the-password");
    const unknown = visitor();
    const b = await unknown.signIn("nobody@acme.example", PASSWORD);
    for (const [v, page] of [[wrong, a], [unknown, b]] as const) {
      expect(page.status).toBe(401);
      expect(page.text).toContain(GENERIC_ERROR);
      expect(v.cookies.has("clara_session")).toBe(false);
      expect((await v.get(HOME)).status).toBe(303);
    }
    expect(GENERIC_ERROR).toBe("The email or password is not right.");
    // Nothing else on the page tells the two apart (the email typed is shown back, escaped).
    expect(mainText(a.text).replace("employee@acme.example", "X")).toBe(mainText(b.text).replace("nobody@acme.example", "X"));
  });

  it("5 failures for one email lock it for 15 minutes, even with the right password (429)", async () => {
    const v = visitor();
    for (let i = 0; i < 5; i++) expect((await v.signIn("admin@brasa.example", `wrong-${i}`)).status).toBe(401);
    const locked = await v.signIn("admin@brasa.example", PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    expect(Number(locked.headers.get("retry-after"))).toBeLessThanOrEqual(15 * 60);
    expect(locked.text).toContain("Too many attempts");
    expect(v.cookies.has("clara_session")).toBe(false);
    // Another browser is locked out of that email too; other emails still sign in.
    expect((await visitor().signIn("admin@brasa.example", PASSWORD)).status).toBe(429);
    expect((await visitor().signIn("admin@andes.example", PASSWORD)).status).toBe(303);
  });

  it("20 failures from one address lock that address for every email", async () => {
    const own = await startWebSandbox();
    try {
      const attempts = Array.from({ length: 20 }, (_, i) => new Visitor(own.url).signIn(`guess${i}@acme.example`, "wrong"));
      expect((await Promise.all(attempts)).map((p) => p.status)).toEqual(Array(20).fill(401));
      const v = new Visitor(own.url);
      expect((await v.signIn("admin@acme.example", PASSWORD)).status).toBe(429);
      expect(v.cookies.has("clara_session")).toBe(false);
    } finally {
      await own.close();
    }
  });

  it("a sign-in posted without its CSRF token, or with another browser's, is refused (403) before the password is looked at", async () => {
    const v = visitor();
    await v.get("/login");
    const failuresBefore = count("SELECT COUNT(*) FROM signin_failures");
    const sessionsBefore = count("SELECT COUNT(*) FROM web_sessions");
    const none = await v.post("/login", { email: "admin@acme.example", password: PASSWORD }, null);
    expect(none.status).toBe(403);
    expect(none.text).toContain("nothing was changed");
    const other = visitor();
    await other.get("/login");
    const theirs = await v.post("/login", { email: "admin@acme.example", password: PASSWORD }, csrfOf(other.last!.text));
    expect(theirs.status).toBe(403);
    // A forged form without the pre-session cookie at all.
    const bare = new Visitor(sandbox.url);
    expect((await bare.post("/login", { email: "admin@acme.example", password: PASSWORD }, csrfOf(other.last!.text))).status).toBe(403);
    expect(v.cookies.has("clara_session")).toBe(false);
    expect(count("SELECT COUNT(*) FROM web_sessions")).toBe(sessionsBefore);
    expect(count("SELECT COUNT(*) FROM signin_failures")).toBe(failuresBefore);
  });

  it("never sends the browser to another site after sign-in", async () => {
    for (const next of ["https://evil.example/phish", "//evil.example", "/\\evil.example"]) {
      const v = visitor();
      const form = await v.get(`/login?next=${encodeURIComponent(next)}`);
      expect(form.text).toContain(`name="next" value="${HOME}"`);
      const answer = await v.post("/login", { email: "books@acme.example", password: PASSWORD, next });
      expect(answer.status).toBe(303);
      expect(answer.location).toBe(HOME);
    }
  });
});

describe("over TLS", () => {
  it("every cookie is also Secure", async () => {
    const folder = mkdtempSync(join(tmpdir(), "web-tls-"));
    const [cert, key] = [join(folder, "cert.pem"), join(folder, "key.pem")];
    execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1"], { stdio: "ignore" });
    const app = new Koa();
    app.use(createWeb({ db: sandbox.db, now: () => Date.now(), mcpUrl: () => undefined }).middleware);
    const server = createServer({ cert: readFileSync(cert), key: readFileSync(key) }, app.callback());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const dispatcher = new Agent({ connect: { rejectUnauthorized: false } });
    try {
      const base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const form = await undiciFetch(`${base}/login`, { dispatcher });
      const signinCookie = form.headers.getSetCookie()[0]!;
      expect(signinCookie).toMatch(/; secure/i);
      const answer = await undiciFetch(`${base}/login`, {
        dispatcher,
        method: "POST",
        redirect: "manual",
        headers: { cookie: signinCookie.split(";")[0]!, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrf: csrfOf(await form.text()), email: "admin@acme.example", password: PASSWORD }).toString(),
      });
      expect(answer.status).toBe(303);
      const session = answer.headers.getSetCookie().find((c) => c.startsWith("clara_session="))!;
      expect(session).toMatch(/; secure/i);
      expect(session).toMatch(/; httponly/i);
      expect(session).toMatch(/; samesite=lax/i);
    } finally {
      await dispatcher.close();
      await new Promise((resolve) => server.close(resolve));
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe("sign out", () => {
  it("deletes the session on the server: the same cookie is refused afterwards", async () => {
    const v = visitor();
    await v.signIn("admin@acme.example");
    const cookie = v.cookies.get("clara_session")!;
    await v.get(HOME);
    const out = await v.post("/logout", {});
    expect(out.status).toBe(303);
    expect(out.location).toBe("/login?signed_out=1");
    expect(v.cookies.has("clara_session")).toBe(false);
    expect(mainText((await v.get(out.location!)).text)).toContain("You are signed out.");
    const replay = new Visitor(sandbox.url);
    replay.cookies.set("clara_session", cookie);
    const page = await replay.get(HOME);
    expect(page.status).toBe(303);
    expect(page.location).toMatch(/^\/login\?next=/);
  });

  it("a sign-out without the session's CSRF token is refused (403) and the session goes on", async () => {
    const v = visitor();
    await v.signIn("admin@acme.example");
    expect((await v.post("/logout", {}, null)).status).toBe(403);
    expect((await v.post("/logout", {}, "forged")).status).toBe(403);
    expect((await v.get(HOME)).status).toBe(200);
  });
});

describe("every page", () => {
  it("has a strict Content-Security-Policy, no inline script, and no framing or referrer", async () => {
    const v = visitor();
    for (const path of ["/login", "/settings/integrations/nope", "/static/nope.css", "/"]) {
      const page = await v.get(path);
      expect(page.headers.get("content-security-policy"), path).toBe(
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      );
      expect(page.headers.get("x-frame-options"), path).toBe("DENY");
      expect(page.headers.get("referrer-policy"), path).toBe("no-referrer");
    }
    await v.signIn("admin@acme.example");
    const page = await v.get(HOME);
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc="\/static\/)/);
    expect(page.text).not.toMatch(/\son[a-z]+=/i);
    expect(page.text).not.toMatch(/style="/);
    const css = await v.get("/static/clara.css");
    expect(css.headers.get("content-type")).toMatch(/^text\/css/);
    expect((await v.get("/static/copy.js")).headers.get("content-type")).toMatch(/^text\/javascript/);
    expect((await v.get("/static/../server.ts")).status).toBe(404);
  });

  it("leaves the REST API exactly as it was, including its JSON 404 for paths nobody serves", async () => {
    const me = await fetch(`${sandbox.url}/api/v3/me`);
    expect(me.status).toBe(401);
    expect(me.headers.get("content-security-policy")).toBeNull();
    const unknown = await fetch(`${sandbox.url}/nothing-here`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
    // The request log is the REST API's: no sign-in form (and its password) is ever in it.
    expect(JSON.stringify(sandbox.requestLog)).not.toContain(PASSWORD);
    expect(sandbox.requestLog.some((entry) => entry.path === "/login")).toBe(false);
  });
});
