import { describe, expect, it } from "vitest";
import { openDatabase } from "../../../src/sandbox/db/db.js";
import { seed } from "../../../src/sandbox/seed/seed.js";
import { Accounts } from "../../../src/sandbox/web/accounts.js";
import { SCRYPT, hashPassword, verifyPassword } from "../../../src/sandbox/web/passwords.js";
import { TODAY } from "../fixture.js";

describe("password hashes", () => {
  it("are scrypt with N ≥ 2^14, r = 8, a 16-byte salt of their own, and verify only the right password", async () => {
    const [a, b] = await Promise.all([hashPassword("clara-demo"), hashPassword("clara-demo")]);
    const [, name, N, r, p, salt, key] = /^(scrypt)\$(\d+)\$(\d+)\$(\d+)\$([\w-]+)\$([\w-]+)$/.exec(a) ?? [];
    expect(name).toBe("scrypt");
    expect(Number(N)).toBeGreaterThanOrEqual(2 ** 14);
    expect(Number(N)).toBe(SCRYPT.N);
    expect([Number(r), Number(p)]).toEqual([8, 1]);
    expect(Buffer.from(salt!, "base64url")).toHaveLength(16);
    expect(Buffer.from(key!, "base64url")).toHaveLength(32);
    // Same password, different salts: nothing in one hash helps with another.
    expect(a).not.toBe(b);
    expect(a).not.toContain("clara-demo");
    expect(await verifyPassword("clara-demo", a)).toBe(true);
    expect(await verifyPassword("clara-demo", b)).toBe(true);
    expect(await verifyPassword("Clara-demo", a)).toBe(false);
    expect(await verifyPassword("", a)).toBe(false);
  });

  it("a malformed hash, or one weakened below the floor, never verifies", async () => {
    const good = await hashPassword("pw-123456");
    const parts = good.split("$");
    expect(await verifyPassword("pw-123456", "")).toBe(false);
    expect(await verifyPassword("pw-123456", "plain:pw-123456")).toBe(false);
    expect(await verifyPassword("pw-123456", good.replace("scrypt$", "bcrypt$"))).toBe(false);
    // N = 2^10 would make guessing cheap: refused even though it is well-formed.
    expect(await verifyPassword("pw-123456", ["scrypt", 1024, ...parts.slice(2)].join("$"))).toBe(false);
    expect(await verifyPassword("pw-123456", ["scrypt", parts[1], 1, ...parts.slice(3)].join("$"))).toBe(false);
  });
});

describe("demo passwords", () => {
  const seeded = () => {
    const db = openDatabase(":memory:");
    seed(db, { now: TODAY.getTime(), transactions: 200 });
    return db;
  };

  it("every user gets one, applied before the first sign-in; unknown emails and wrong passwords get nothing", async () => {
    const db = seeded();
    expect(db.prepare("SELECT COUNT(*) FROM users WHERE password_hash IS NULL").pluck().get()).toBe(6);
    const accounts = new Accounts(db, "clara-demo");
    expect((await accounts.check("admin@andes.example", "clara-demo"))?.company).toMatchObject({ country: "CO", timeZone: "America/Bogota" });
    expect(db.prepare("SELECT COUNT(DISTINCT password_hash) FROM users").pluck().get()).toBe(6);
    expect(await accounts.check(" ADMIN@acme.example ", "clara-demo")).toMatchObject({ email: "admin@acme.example", role: "ADMINISTRATOR" });
    expect(await accounts.check("admin@acme.example", "clara-dem")).toBeUndefined();
    expect(await accounts.check("nobody@acme.example", "clara-demo")).toBeUndefined();
  });

  it("a changed SANDBOX_DEMO_PASSWORD replaces every hash at the next start; an unchanged one costs one check", async () => {
    const db = seeded();
    await new Accounts(db, "clara-demo").applyDemoPassword();
    const before = db.prepare("SELECT password_hash FROM users ORDER BY id").pluck().all();
    // Same password again (a restart): nothing is rewritten.
    await new Accounts(db, "clara-demo").applyDemoPassword();
    expect(db.prepare("SELECT password_hash FROM users ORDER BY id").pluck().all()).toEqual(before);
    const changed = new Accounts(db, "another-password");
    expect(await changed.check("books@acme.example", "another-password")).toBeDefined();
    expect(await changed.check("books@acme.example", "clara-demo")).toBeUndefined();
    const after = db.prepare("SELECT password_hash FROM users ORDER BY id").pluck().all();
    expect(after.every((hash, i) => hash !== before[i])).toBe(true);
  });

  it("a reseed keeps the hashes (people keep their ids)", async () => {
    const db = seeded();
    await new Accounts(db, "clara-demo").applyDemoPassword();
    const before = db.prepare("SELECT id, password_hash FROM users ORDER BY id").all();
    seed(db, { now: TODAY.getTime(), transactions: 100 });
    expect(db.prepare("SELECT id, password_hash FROM users ORDER BY id").all()).toEqual(before);
  });
});
