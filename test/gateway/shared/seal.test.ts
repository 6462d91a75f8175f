import { describe, expect, it } from "vitest";
import { createSealer } from "../../../src/gateway/shared/seal.js";
import { memoryStore, StoreUnavailable } from "../../../src/gateway/shared/store.js";

const SECRET = "a secret of at least thirty-two bytes!!";

describe("sealed values", () => {
  it("open what was sealed, for the same purpose, before it expires", () => {
    const sealer = createSealer(SECRET);
    const sealed = sealer.seal("confirm", { tool: "approve_request", caller: "u1" }, 60_000, 1_000);
    expect(sealer.open("confirm", sealed, 2_000)).toMatchObject({ tool: "approve_request", caller: "u1", exp: 61_000 });
    // Another replica with the same secret agrees.
    expect(createSealer(SECRET).open("confirm", sealed, 2_000)).toMatchObject({ caller: "u1" });
  });

  it("refuse an altered, expired, other-purpose or other-secret value, and junk", () => {
    const sealer = createSealer(SECRET);
    const sealed = sealer.seal("confirm", { caller: "u1" }, 60_000, 1_000);
    const [body, mac] = sealed.split(".");
    const altered = `${Buffer.from(JSON.stringify({ caller: "u2", exp: 61_000, jti: "x" })).toString("base64url")}.${mac}`;
    expect(sealer.open("confirm", altered, 2_000)).toBeUndefined();
    expect(sealer.open("confirm", `${body}.${mac}x`, 2_000)).toBeUndefined();
    expect(sealer.open("confirm", sealed, 61_000)).toBeUndefined();
    expect(sealer.open("export", sealed, 2_000)).toBeUndefined();
    expect(createSealer("another secret of thirty-two bytes or more").open("confirm", sealed, 2_000)).toBeUndefined();
    for (const junk of ["", ".", "abc", "a.b.c", `${"x".repeat(20_000)}.y`]) expect(sealer.open("confirm", junk, 2_000)).toBeUndefined();
    expect(() => createSealer("short")).toThrow(/at least 32 bytes/);
  });

  it("encrypt: nobody reads the payload, a replica with the secret opens it, an old one is told apart from a forgery", () => {
    const sealer = createSealer(SECRET);
    const box = sealer.encrypt("export download", { s: "clara_pat_secret_token", u: "u1" }, 60_000, 1_000);
    expect(box).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(box, "base64url").toString("latin1")).not.toContain("clara_pat");
    expect(createSealer(SECRET).decrypt("export download", box, 2_000)).toMatchObject({ s: "clara_pat_secret_token", u: "u1", exp: 61_000 });
    expect(sealer.decrypt("export download", box, 61_000)).toEqual({ expired: true });
    expect(sealer.decrypt("confirm", box, 2_000)).toBeUndefined();
    expect(createSealer("another secret of thirty-two bytes or more").decrypt("export download", box, 2_000)).toBeUndefined();
    // Any changed byte fails the tag.
    const raw = Buffer.from(box, "base64url");
    raw[20] = raw[20]! ^ 1;
    expect(sealer.decrypt("export download", raw.toString("base64url"), 2_000)).toBeUndefined();
    for (const junk of ["", "abc", "a.b", "%%", "x".repeat(20_000)]) expect(sealer.decrypt("export download", junk, 2_000)).toBeUndefined();
    // A signed value is no encrypted one, and the other way round.
    expect(sealer.open("export download", box, 2_000)).toBeUndefined();
    expect(sealer.decrypt("confirm", sealer.seal("confirm", { a: 1 }, 60_000, 1_000), 2_000)).toBeUndefined();
  });

  it("two seals of the same payload differ (each has its own id)", () => {
    const sealer = createSealer();
    const a = sealer.open("p", sealer.seal("p", { n: 1 }, 1_000))!;
    const b = sealer.open("p", sealer.seal("p", { n: 1 }, 1_000))!;
    expect(a.jti).not.toBe(b.jti);
  });
});

describe("the memory store", () => {
  it("spends a key once until it expires", async () => {
    const store = memoryStore();
    expect(await store.spend("k", 50)).toBe(true);
    expect(await store.spend("k", 50)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await store.spend("k", 50)).toBe(true);
  });

  it("refuses rather than forgets when full of live keys", async () => {
    const store = memoryStore(2);
    await store.spend("a", 60_000);
    await store.spend("b", 60_000);
    await expect(store.spend("c", 60_000)).rejects.toBeInstanceOf(StoreUnavailable);
    expect(await store.spend("a", 60_000)).toBe(false);
  });
});
