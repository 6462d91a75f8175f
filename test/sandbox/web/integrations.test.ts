import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../../src/sandbox/server.js";
import type { ConnectedApp, ConnectedApps } from "../../../src/sandbox/web/index.js";
import { HOME, Visitor, csrfOf, mainText, startWebSandbox } from "./visitor.js";

// A stand-in for the OAuth grants (src/sandbox/oauth/grants.ts supplies the real ones).
const grants = new Map<string, ConnectedApp[]>();
const apps: ConnectedApps = {
  list: (userId) => grants.get(userId) ?? [],
  disconnect(userId, id) {
    const list = grants.get(userId) ?? [];
    grants.set(userId, list.filter((a) => a.id !== id));
    return list.some((a) => a.id === id);
  },
};

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startWebSandbox({ connectedApps: apps });
});
afterAll(() => sandbox.close());

const signedIn = async (email: string) => {
  const v = new Visitor(sandbox.url);
  expect((await v.signIn(email)).status).toBe(303);
  return v;
};
const tokensOf = (email: string) =>
  sandbox.db.prepare("SELECT t.* FROM tokens t JOIN users u ON u.id = t.user_id WHERE u.email = ? ORDER BY t.created_at").all(email) as { id: string; name: string; revoked_at: number | null }[];
const newTokenOn = (text: string) => /id="new-token" type="text" readonly value="(clara_pat_[A-Za-z0-9]+)"/.exec(text)?.[1];

describe("Settings → Integrations → Clara MCP", () => {
  it("generates a token (303 back to the page), shows it once with the setup for this MCP URL, never again", async () => {
    const v = await signedIn("admin@acme.example");
    await v.get(HOME);
    const posted = await v.post(`${HOME}/tokens`, { name: "Claude Desktop" });
    expect(posted.status).toBe(303);
    expect(posted.location).toBe(HOME);
    // A HEAD (a prefetch, a link checker) does not use up the one view.
    expect((await v.request("HEAD", HOME)).status).toBe(200);
    const page = await v.get(HOME);
    const token = newTokenOn(page.text)!;
    expect(token).toMatch(/^clara_pat_/);
    expect(page.text).toContain('<label for="new-token">Your new token</label>');
    expect(page.text).toContain('<button type="submit">Generate token</button>');
    // The setup snippets carry this deployment's URL and the new token.
    const text = mainText(page.text);
    expect(text).toContain(`claude mcp add --transport http clara http://127.0.0.1:3000/mcp --header "Authorization: Bearer ${token}"`);
    for (const client of ["Claude Code", "Claude Desktop", "Cursor", "VS Code"]) expect(page.text).toContain(`Copy ${client} setup`);
    expect((await fetch(`${sandbox.url}/api/v3/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    // Reloading, or coming back later, never shows it again.
    const reload = await v.get(HOME);
    expect(reload.text).not.toContain(token);
    expect(newTokenOn(reload.text)).toBeUndefined();
    expect(mainText(reload.text)).toContain('Replace <token> with a token you generated above.');
    expect(tokensOf("admin@acme.example").map((t) => t.name)).toContain("Claude Desktop");
  });

  it("lists the user's tokens in Name, Created, Last used, Status; only their own", async () => {
    const v = await signedIn("books@acme.example");
    await v.get(HOME);
    await v.post(`${HOME}/tokens`, { name: "Cursor" });
    const page = await v.get(HOME);
    expect(page.text).toMatch(/<th scope="col">Name<\/th><th scope="col">Created<\/th><th scope="col">Last used<\/th><th scope="col">Status<\/th>/);
    const text = mainText(page.text);
    expect(text).toMatch(/Cursor \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d Never Active Revoke/);
    // The administrator's "Claude Desktop" token is not in the bookkeeper's table.
    expect(page.text).toContain("<td>Cursor</td>");
    expect(page.text).not.toContain("<td>Claude Desktop</td>");
  });

  it("a name is required (400, nothing created), and a name with markup is shown as text", async () => {
    const v = await signedIn("admin@andes.example");
    await v.get(HOME);
    const before = tokensOf("admin@andes.example").length;
    const blank = await v.post(`${HOME}/tokens`, { name: "   " });
    expect(blank.status).toBe(400);
    expect(mainText(blank.text)).toContain("Give the token a name of 1 to 60 characters");
    expect(blank.text).toContain('aria-invalid="true"');
    expect((await v.post(`${HOME}/tokens`, { name: "x".repeat(61) })).status).toBe(400);
    expect(tokensOf("admin@andes.example")).toHaveLength(before);
    await v.post(`${HOME}/tokens`, { name: `<img src=x onerror=alert(1)> "Claude"` });
    const page = await v.get(HOME);
    expect(page.text).not.toContain("<img src=x");
    expect(page.text).toContain("&lt;img src=x onerror=alert(1)&gt; &quot;Claude&quot;");
  });

  it("a post without its CSRF token, or with a wrong one, gets 403 and changes nothing", async () => {
    const v = await signedIn("admin@acme.example");
    await v.get(HOME);
    await v.post(`${HOME}/tokens`, { name: "Keep me" });
    const keep = tokensOf("admin@acme.example").find((t) => t.name === "Keep me")!;
    const before = JSON.stringify(tokensOf("admin@acme.example"));
    await v.get(HOME);
    for (const csrf of [null, "", "forged-token", csrfOf((await (await signedIn("admin@acme.example")).get(HOME)).text)]) {
      expect((await v.post(`${HOME}/tokens`, { name: "Forged" }, csrf)).status).toBe(403);
      expect((await v.post(`${HOME}/tokens/${keep.id}/revoke`, {}, csrf)).status).toBe(403);
    }
    // A cross-site form sends no JSON either: another content type never carries the token.
    const json = await v.request("POST", `${HOME}/tokens`, JSON.stringify({ name: "Forged", csrf: csrfOf((await v.get(HOME)).text) }), { "content-type": "application/json" });
    expect(json.status).toBe(403);
    expect(mainText(json.text)).toContain("nothing was changed");
    expect(JSON.stringify(tokensOf("admin@acme.example"))).toBe(before);
  });

  it("revokes after a confirmation step; the REST API refuses the token on its very next request", async () => {
    const v = await signedIn("admin@acme.example");
    await v.get(HOME);
    await v.post(`${HOME}/tokens`, { name: "To revoke" });
    const token = newTokenOn((await v.get(HOME)).text)!;
    const headers = { authorization: `Bearer ${token}` };
    expect((await fetch(`${sandbox.url}/api/v3/me`, { headers })).status).toBe(200);
    const row = tokensOf("admin@acme.example").find((t) => t.name === "To revoke")!;
    const confirm = await v.get(`${HOME}/tokens/${row.id}/revoke`);
    expect(confirm.status).toBe(200);
    expect(mainText(confirm.text)).toContain("Revoke “To revoke”?");
    expect(confirm.text).toContain('<button type="submit" class="danger">Revoke</button>');
    // The confirmation page itself changes nothing.
    expect(tokensOf("admin@acme.example").find((t) => t.id === row.id)!.revoked_at).toBeNull();
    const done = await v.post(`${HOME}/tokens/${row.id}/revoke`, {});
    expect(done.status).toBe(303);
    expect((await fetch(`${sandbox.url}/api/v3/me`, { headers })).status).toBe(401);
    const page = mainText((await v.get(HOME)).text);
    expect(page).toContain("Token “To revoke” revoked");
    expect(page).toMatch(/To revoke .* Revoked \d/);
  });

  it("signed out, a page asks to sign in and comes back; a form post comes back to the page", async () => {
    const v = new Visitor(sandbox.url);
    const revokePage = `${HOME}/tokens/tok_x/revoke`;
    expect((await v.get(revokePage)).location).toBe(`/login?next=${encodeURIComponent(revokePage)}`);
    expect((await v.request("POST", `${HOME}/tokens`, "name=x")).location).toBe(`/login?next=${encodeURIComponent(HOME)}`);
    expect(tokensOf("admin@acme.example").some((t) => t.name === "x")).toBe(false);
  });

  it("another user's token is, for you, a token that does not exist", async () => {
    const owner = await signedIn("admin@acme.example");
    await owner.get(HOME);
    await owner.post(`${HOME}/tokens`, { name: "Not yours" });
    const row = tokensOf("admin@acme.example").find((t) => t.name === "Not yours")!;
    const other = await signedIn("books@acme.example");
    expect((await other.get(`${HOME}/tokens/${row.id}/revoke`)).status).toBe(404);
    await other.get(HOME);
    expect((await other.post(`${HOME}/tokens/${row.id}/revoke`, {})).status).toBe(404);
    expect(tokensOf("admin@acme.example").find((t) => t.id === row.id)!.revoked_at).toBeNull();
  });

  it("an employee or a viewer gets 403 and one sentence, nothing else", async () => {
    for (const [email, label] of [["employee@acme.example", "Employee"], ["viewer@acme.example", "Viewer"]]) {
      const v = await signedIn(email!);
      const page = await v.get(HOME);
      expect(page.status).toBe(403);
      expect(/<p class="message">([^<]*)<\/p>/.exec(page.text)?.[1]).toBe(`Clara MCP is not available for your role (${label}).`);
      expect(mainText(page.text)).toBe(`Clara MCP Clara MCP is not available for your role (${label}).`);
      expect(page.text).not.toMatch(/Generate token|clara_pat_|\/mcp|<table/);
      expect(page.text).toContain("Sign out");
      await v.get("/login");
      expect((await v.post(`${HOME}/tokens`, { name: "sneaky" }, csrfOf(page.text))).status).toBe(403);
      expect(tokensOf(email!)).toHaveLength(0);
    }
  });

  it("shows dates in the company's time zone", async () => {
    const at = Date.UTC(2026, 10, 20, 3, 30);
    for (const [email, zone, shown] of [
      ["admin@acme.example", "America/Mexico_City", "19 Nov 2026, 21:30"],
      ["admin@andes.example", "America/Bogota", "19 Nov 2026, 22:30"],
      ["admin@brasa.example", "America/Sao_Paulo", "20 Nov 2026, 00:30"],
    ]) {
      const user = sandbox.db.prepare("SELECT id FROM users WHERE email = ?").pluck().get(email) as string;
      sandbox.db.prepare("INSERT INTO tokens (id, user_id, name, hash, created_at) VALUES (?, ?, 'Dated', ?, ?)").run(`tok_dated${user}`, user, `hash-${user}`, at);
      const text = mainText((await (await signedIn(email!)).get(HOME)).text);
      expect(text).toContain(`Dated ${shown} Never Active`);
      expect(text).toContain(`Times in ${zone}.`);
    }
  });

  it("connected apps: none yet, then the grants its source supplies, each with Disconnect and a confirmation", async () => {
    const v = await signedIn("books@acme.example");
    expect(mainText((await v.get(HOME)).text)).toContain("Connected apps No apps connected yet.");
    const user = sandbox.db.prepare("SELECT id FROM users WHERE email = 'books@acme.example'").pluck().get() as string;
    grants.set(user, [{ id: "grant_1", name: "Claude <web>", connectedAt: Date.UTC(2026, 10, 18, 15), permissions: ["Read cards", "Lock cards"], lastUsedAt: null }]);
    const page = await v.get(HOME);
    expect(mainText(page.text)).toContain("Claude <web> 18 Nov 2026, 09:00 Read cards, Lock cards Never");
    expect(page.text).toContain("Claude &lt;web&gt;");
    // Disconnect asks first, on a page whose button is named Disconnect too.
    const confirm = await v.get(`${HOME}/apps/grant_1/disconnect`);
    expect(confirm.status).toBe(200);
    expect(mainText(confirm.text)).toContain("Disconnect “Claude <web>”?");
    expect(confirm.text).toContain('<button type="submit" class="danger">Disconnect</button>');
    expect(grants.get(user)).toHaveLength(1);
    expect((await v.get(`${HOME}/apps/grant_2/disconnect`)).status).toBe(404);
    expect((await v.post(`${HOME}/apps/grant_1/disconnect`, {}, null)).status).toBe(403);
    expect(grants.get(user)).toHaveLength(1);
    await v.get(HOME);
    expect((await v.post(`${HOME}/apps/grant_1/disconnect`, {})).status).toBe(303);
    expect(grants.get(user)).toEqual([]);
    expect(mainText((await v.get(HOME)).text)).toContain("“Claude <web>” disconnected.");
    await v.get(HOME);
    expect((await v.post(`${HOME}/apps/grant_1/disconnect`, {})).status).toBe(404);
  });

  it("shows the MCP URL the sandbox is given, also when set after start", async () => {
    const v = await signedIn("admin@acme.example");
    expect(mainText((await v.get(HOME)).text)).toContain("MCP URL http://127.0.0.1:3000/mcp");
    sandbox.setMcpUrl("https://mcp.clara.example/mx/mcp");
    const page = mainText((await v.get(HOME)).text);
    expect(page).toContain("MCP URL https://mcp.clara.example/mx/mcp");
    expect(page).toContain("claude mcp add --transport http clara https://mcp.clara.example/mx/mcp");
    sandbox.setMcpUrl("http://127.0.0.1:3000/mcp");
  });
});
