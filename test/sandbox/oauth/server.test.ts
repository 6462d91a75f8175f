// The authorization server's state in the sandbox database: keys that survive a restart, the grants
// Connected apps lists, and Disconnect taking every token of a grant with it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../../src/sandbox/db/db.js";
import { addSigningKey, serverKeys } from "../../../src/sandbox/oauth/keys.js";
import { startSandbox } from "../../../src/sandbox/server.js";
import { SCOPES } from "../../e2e/oauth/stack.js";

const dir = mkdtempSync(join(tmpdir(), "oauth-keys-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const oauth = { scopes: SCOPES, gateway: { clientId: "gw", clientSecret: "a-long-enough-test-secret" } };

describe("keys", () => {
  it("are made once and kept: after a restart the JWKS is the same, so tokens issued before stay valid", async () => {
    const file = join(dir, "sandbox.db");
    const jwks = async () => {
      const sandbox = await startSandbox({ dbFile: file, transactions: 50, oauth });
      try {
        return (await (await fetch(`${sandbox.url}/oauth/jwks`)).json()) as { keys: { kid: string; d?: string }[] };
      } finally {
        await sandbox.close();
      }
    };
    const first = await jwks();
    expect(first.keys).toHaveLength(1);
    expect(first.keys[0]).not.toHaveProperty("d");
    expect(await jwks()).toEqual(first);
    // Rotation: a new key signs from the next start, the old one still verifies.
    const db = openDatabase(file);
    const kid = addSigningKey(db, Date.now() + 1000);
    expect(serverKeys(db).signing.map((k) => k.kid)).toEqual([kid, first.keys[0]!.kid]);
    db.close();
    expect((await jwks()).keys.map((k) => k.kid)).toEqual([kid, first.keys[0]!.kid]);
  });
});

describe("grants as connected apps", () => {
  it("lists a user's grants with their words, and Disconnect deletes the grant with its tokens", async () => {
    const sandbox = await startSandbox({ dbFile: ":memory:", transactions: 50, oauth, mcpUrl: "http://127.0.0.1:1/mcp" });
    try {
      const db = sandbox.db;
      const grants = sandbox.oauth!.grants;
      const payload = { kind: "Grant", jti: "g1", accountId: "usr_8f2a1c", clientId: "c1", resources: { "http://127.0.0.1:1/mcp": "cards:read cards:lock" } };
      db.prepare("INSERT INTO oauth_models (model, id, payload, grant_id, account_id, client_id, expires_at) VALUES ('Grant', 'g1', ?, NULL, 'usr_8f2a1c', 'c1', NULL)").run(JSON.stringify(payload));
      for (const model of ["AccessToken", "RefreshToken", "AuthorizationCode"]) {
        db.prepare("INSERT INTO oauth_models (model, id, payload, grant_id) VALUES (?, ?, '{}', 'g1')").run(model, `${model}-1`);
      }
      grants.remember("g1", "usr_8f2a1c", "c1", "Claude", 1_000);
      grants.used("g1", 5_000);
      grants.used("g1", 6_000);
      expect(grants.list("usr_8f2a1c")).toEqual([{ id: "g1", name: "Claude", connectedAt: 1_000, permissions: ["see cards and transactions", "lock and unlock cards"], lastUsedAt: 5_000 }]);
      expect(grants.existing("usr_8f2a1c", "c1")).toBe("g1");
      // Another user's id for the grant is, for them, a grant that does not exist.
      expect(grants.disconnect("usr_someone_else", "g1")).toBe(false);
      expect(grants.disconnect("usr_8f2a1c", "g1")).toBe(true);
      expect(db.prepare("SELECT COUNT(*) FROM oauth_models").pluck().get()).toBe(0);
      expect(grants.list("usr_8f2a1c")).toEqual([]);
    } finally {
      await sandbox.close();
    }
  });
});

describe("clients registered by configuration", () => {
  it("are known without registering; an unknown client_id is refused on the server's own page", async () => {
    const redirect = "https://chatgpt.example/connector/oauth/callback";
    const sandbox = await startSandbox({
      dbFile: ":memory:",
      transactions: 50,
      mcpUrl: "http://127.0.0.1:1/mcp",
      oauth: { ...oauth, clients: [{ client_id: "chatgpt-clara", client_name: "ChatGPT", redirect_uris: [redirect], token_endpoint_auth_method: "none" }] },
    });
    try {
      const authorize = (clientId: string) => {
        const url = new URL(`${sandbox.url}/oauth/auth`);
        const params = { client_id: clientId, response_type: "code", redirect_uri: redirect, scope: "cards:read", resource: "http://127.0.0.1:1/mcp", code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", code_challenge_method: "S256" };
        for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
        return fetch(url, { redirect: "manual" });
      };
      const known = await authorize("chatgpt-clara");
      expect(known.status).toBe(303);
      expect(known.headers.get("location")).toMatch(/^\/interaction\//);
      const unknown = await authorize("no-such-client");
      expect(unknown.status).toBe(400);
      expect(await unknown.text()).toContain("invalid_client");
    } finally {
      await sandbox.close();
    }
  });
});
