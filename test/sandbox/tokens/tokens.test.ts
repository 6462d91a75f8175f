import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../../src/sandbox/db/db.js";
import { authenticateToken, createToken, hashToken, isWellFormedToken, listTokens, revokeToken } from "../../../src/sandbox/tokens/tokens.js";
import { startTestSandbox, tampered, type TestSandbox } from "../fixture.js";

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());

describe("personal access tokens", () => {
  it("look like clara_pat_ + base62 + checksum, and only their sha256 is stored", () => {
    const { id, token } = createToken(t.sandbox.db, "books@acme.example", "laptop");
    expect(token).toMatch(/^clara_pat_[0-9A-Za-z]{38}$/);
    expect(id).toMatch(/^tok_/);
    expect(isWellFormedToken(token)).toBe(true);
    expect(isWellFormedToken(tampered(token))).toBe(false);
    const row = t.sandbox.db.prepare("SELECT * FROM tokens WHERE id = ?").get(id) as Record<string, unknown>;
    expect(row.hash).toBe(hashToken(token));
    const everything = JSON.stringify(t.sandbox.db.prepare("SELECT * FROM tokens").all());
    expect(everything).not.toContain(token.slice(10));
  });

  it("a bad checksum is refused before any database lookup", () => {
    let prepared = 0;
    const counting = new Proxy(t.sandbox.db, {
      get(target, prop, receiver) {
        if (prop === "prepare") {
          return (...args: Parameters<Db["prepare"]>) => {
            prepared++;
            return target.prepare(...args);
          };
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    }) as Db;
    expect(authenticateToken(counting, tampered(t.tokens.admin))).toBeUndefined();
    expect(authenticateToken(counting, "clara_pat_short")).toBeUndefined();
    expect(prepared).toBe(0);
    expect(authenticateToken(counting, t.tokens.admin)?.tokenId).toMatch(/^tok_/);
    expect(prepared).toBeGreaterThan(0);
  });

  it("records use, lists without secrets, and a revocation applies to the very next request", async () => {
    const { id, token } = createToken(t.sandbox.db, "books@acme.example", "to revoke");
    const headers = { authorization: `Bearer ${token}` };
    expect((await t.call(null, "/api/v3/me", { headers })).status).toBe(200);
    const listed = listTokens(t.sandbox.db, "books@acme.example").find((x) => x.id === id);
    expect(listed).toMatchObject({ name: "to revoke", revokedAt: null });
    expect(listed?.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(token);
    expect(revokeToken(t.sandbox.db, id)).toBe(true);
    const after = await t.call(null, "/api/v3/me", { headers });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe("UNAUTHORIZED");
    expect(listTokens(t.sandbox.db, "books@acme.example").find((x) => x.id === id)?.revokedAt).not.toBeNull();
    expect(revokeToken(t.sandbox.db, "tok_nope")).toBe(false);
    expect(() => createToken(t.sandbox.db, "nobody@acme.example")).toThrow(/no sandbox user/);
  });

  it("are never recorded in the request log", async () => {
    await t.call("admin", "/api/v3/cards?status=ACTIVE&status=LOCKED");
    const entry = t.sandbox.requestLog.at(-1);
    expect(entry).toMatchObject({ method: "GET", path: "/api/v3/cards", url: "/api/v3/cards?status=ACTIVE&status=LOCKED", query: { status: ["ACTIVE", "LOCKED"] }, status: 400 });
    expect(entry?.headers.authorization).toBeUndefined();
    const log = JSON.stringify(t.sandbox.requestLog);
    for (const token of Object.values(t.tokens)) expect(log).not.toContain(token);
  });
});

describe("npm run tokens", () => {
  const dir = mkdtempSync(join(tmpdir(), "clara-tokens-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (...args: string[]) =>
    promisify(execFile)(process.execPath, ["--import", "tsx", "src/sandbox/cli/tokens.ts", ...args], { env: { ...process.env, SANDBOX_DB: join(dir, "nested", "sandbox.db") } });

  it("creates (seeding a fresh database), lists and revokes", async () => {
    const created = JSON.parse((await run("create", "--email", "admin@acme.example", "--name", "cli", "--json")).stdout);
    expect(created.token).toMatch(/^clara_pat_/);
    const listed = JSON.parse((await run("list", "--email", "admin@acme.example", "--json")).stdout);
    expect(listed).toEqual([expect.objectContaining({ id: created.id, name: "cli", revokedAt: null })]);
    expect((await run("revoke", created.id)).stdout).toContain(created.id);
    const after = JSON.parse((await run("list", "--email", "admin@acme.example", "--json")).stdout);
    expect(after[0].revokedAt).not.toBeNull();
    await expect(run("create", "--email", "ghost@acme.example")).rejects.toThrow(/no sandbox user/);
  });
});
