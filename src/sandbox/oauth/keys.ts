// The authorization server's keys, kept in the sandbox database: the RS256 key that signs access
// tokens (its public half is the JWKS) and the keys that sign its cookies. Made once, on first start;
// a restart then leaves every token and sign-in in flight valid.
import { generateKeyPairSync, randomBytes, randomUUID } from "node:crypto";
import type { JWK } from "oidc-provider";
import type { Db } from "../db/db.js";

export interface ServerKeys {
  /** Private JWKs, newest first: the first signs, every one verifies (so a new key can be added ahead of rotation). */
  signing: JWK[];
  /** Public halves, for checking a token this server signed. */
  publicJwks: { keys: JWK[] };
  /** Cookie signing keys, newest first (Koa's keygrip order). */
  cookies: string[];
}

const PRIVATE_PARTS = ["d", "p", "q", "dp", "dq", "qi"] as const;

function newSigningKey(): JWK {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = privateKey.export({ format: "jwk" }) as JWK;
  return { ...jwk, kid: randomUUID(), alg: "RS256", use: "sig" };
}

export function publicHalf(jwk: JWK): JWK {
  const copy: Record<string, unknown> = { ...jwk };
  for (const part of PRIVATE_PARTS) delete copy[part];
  return copy as JWK;
}

function load(db: Db, kind: "signing" | "cookie"): string[] {
  return db.prepare("SELECT material FROM oauth_keys WHERE kind = ? ORDER BY created_at DESC, id").pluck().all(kind) as string[];
}

/** The keys in the database, made and stored first when there are none. */
export function serverKeys(db: Db, now = Date.now()): ServerKeys {
  const insert = db.prepare("INSERT INTO oauth_keys (id, kind, material, created_at) VALUES (?, ?, ?, ?)");
  db.transaction(() => {
    if (load(db, "signing").length === 0) {
      const key = newSigningKey();
      insert.run(key.kid, "signing", JSON.stringify(key), now);
    }
    if (load(db, "cookie").length === 0) insert.run(`cookie_${randomUUID()}`, "cookie", randomBytes(32).toString("base64url"), now);
  })();
  const signing = load(db, "signing").map((text) => JSON.parse(text) as JWK);
  return { signing, publicJwks: { keys: signing.map(publicHalf) }, cookies: load(db, "cookie") };
}

/** Adds a new signing key that signs from the next start on; the old ones keep verifying. */
export function addSigningKey(db: Db, now = Date.now()): string {
  const key = newSigningKey();
  db.prepare("INSERT INTO oauth_keys (id, kind, material, created_at) VALUES (?, 'signing', ?, ?)").run(key.kid, JSON.stringify(key), now);
  return key.kid!;
}
