// Personal access tokens: clara_pat_ + 32 random base62 characters + a 6-character checksum.
// Only a sha256 of the token is stored; the token is shown once, when it is created.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/db.js";

export const TOKEN_PREFIX = "clara_pat_";
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const RANDOM_LENGTH = 32;
const CHECKSUM_LENGTH = 6;
const LAST_USED_PRECISION_MS = 60_000;
const TOKEN_RE = new RegExp(`^${TOKEN_PREFIX}([0-9A-Za-z]{${RANDOM_LENGTH}})([0-9A-Za-z]{${CHECKSUM_LENGTH}})$`);

export interface TokenInfo {
  id: string;
  name: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // 248 = 4 × 62: rejecting higher bytes keeps every character equally likely.
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

function checksum(body: string): string {
  let n = createHash("sha256").update(body).digest().readUInt32BE(0);
  let out = "";
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    out = BASE62[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** True when the token has the right shape and its checksum matches (no database needed). */
export function isWellFormedToken(token: string): boolean {
  const m = TOKEN_RE.exec(token);
  return m !== null && checksum(m[1] ?? "") === m[2];
}

function userIdByEmail(db: Db, email: string): string {
  const id = db.prepare("SELECT id FROM users WHERE email = ? COLLATE NOCASE").pluck().get(email) as string | undefined;
  if (!id) throw new Error(`no sandbox user with email ${email}`);
  return id;
}

/** Creates a token for this user; the token is returned here and never again. */
export function createUserToken(db: Db, userId: string, name: string | null, now: number = Date.now()): { id: string; token: string } {
  const body = randomBase62(RANDOM_LENGTH);
  const token = `${TOKEN_PREFIX}${body}${checksum(body)}`;
  const id = `tok_${randomBase62(12)}`;
  db.prepare("INSERT INTO tokens (id, user_id, name, hash, created_at) VALUES (?, ?, ?, ?, ?)").run(id, userId, name, hashToken(token), now);
  return { id, token };
}

/** Creates a token for the user with this email (the command-line tool's way in). */
export function createToken(db: Db, email: string, name?: string): { id: string; token: string } {
  return createUserToken(db, userIdByEmail(db, email), name ?? null);
}

/** Revokes a token; the very next request with it is refused. False when no such token exists. */
export function revokeToken(db: Db, id: string, now: number = Date.now()): boolean {
  const result = db.prepare("UPDATE tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?").run(now, id);
  return result.changes > 0;
}

/** Revokes one of this user's own tokens; false when the user has no token with this id. */
export function revokeUserToken(db: Db, userId: string, id: string, now: number = Date.now()): boolean {
  const result = db.prepare("UPDATE tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? AND user_id = ?").run(now, id, userId);
  return result.changes > 0;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** This user's tokens, oldest first, without secrets; times in ms since the epoch. */
export function listUserTokens(db: Db, userId: string): { id: string; name: string | null; createdAt: number; lastUsedAt: number | null; revokedAt: number | null }[] {
  const rows = db
    .prepare("SELECT id, name, created_at, last_used_at, revoked_at FROM tokens WHERE user_id = ? ORDER BY created_at, id")
    .all(userId) as { id: string; name: string | null; created_at: number; last_used_at: number | null; revoked_at: number | null }[];
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at }));
}

export function listTokens(db: Db, email: string): TokenInfo[] {
  return listUserTokens(db, userIdByEmail(db, email)).map((t) => ({
    id: t.id,
    name: t.name,
    createdAt: new Date(t.createdAt).toISOString(),
    lastUsedAt: iso(t.lastUsedAt),
    revokedAt: iso(t.revokedAt),
  }));
}

export interface TokenOwner {
  tokenId: string;
  userId: string;
}

/** The live token's owner, or undefined (malformed, bad checksum, unknown or revoked). Records the use. */
export function authenticateToken(db: Db, token: string, now: number = Date.now()): TokenOwner | undefined {
  // A bad checksum is refused before any lookup, so guessed tokens cost no database work.
  if (!isWellFormedToken(token)) return undefined;
  const row = db.prepare("SELECT id, user_id, revoked_at, last_used_at FROM tokens WHERE hash = ?").get(hashToken(token)) as
    | { id: string; user_id: string; revoked_at: number | null; last_used_at: number | null }
    | undefined;
  if (!row || row.revoked_at !== null) return undefined;
  // Last use to the minute: a write per request would cost more than the request itself.
  if (row.last_used_at === null || now - row.last_used_at >= LAST_USED_PRECISION_MS) {
    db.prepare("UPDATE tokens SET last_used_at = ? WHERE id = ?").run(now, row.id);
  }
  return { tokenId: row.id, userId: row.user_id };
}
