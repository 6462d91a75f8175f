// Signed-in sessions: a random value in an HttpOnly cookie and only its sha256 in the database. A
// session ends after 30 idle minutes, 12 hours after sign-in, or at sign-out, which deletes its row.
import { createHash, randomBytes } from "node:crypto";
import type Koa from "koa";
import type { Db } from "../db/db.js";
import { userById, type WebUser } from "./accounts.js";

export const SESSION_COOKIE = "clara_session";
export const IDLE_MS = 30 * 60_000;
export const ABSOLUTE_MS = 12 * 3_600_000;
// Last activity to the minute: a write on every page view would buy nothing.
const TOUCH_MS = 60_000;

export interface Session {
  /** sha256 of the cookie value, hex: the row's key, and the key of anything held for this session. */
  idHash: string;
  userId: string;
  /** The token every form of this session carries (src/sandbox/web/csrf.ts). */
  csrf: string;
  createdAt: number;
  lastSeenAt: number;
}

export interface SignedIn {
  session: Session;
  user: WebUser;
}

const hash = (value: string): string => createHash("sha256").update(value).digest("hex");

/** The cookie attributes every cookie of the web app gets: Secure whenever the request came over TLS. */
export function cookieOptions(ctx: Koa.Context, path = "/"): { httpOnly: true; sameSite: "lax"; secure: boolean; path: string; overwrite: true } {
  return { httpOnly: true, sameSite: "lax", secure: ctx.secure, path, overwrite: true };
}

export class Sessions {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  /** A new session for this user; the cookie value is returned here and stored nowhere. */
  create(userId: string): { cookie: string; session: Session } {
    const now = this.now();
    this.db.prepare("DELETE FROM web_sessions WHERE last_seen_at <= ? OR created_at <= ?").run(now - IDLE_MS, now - ABSOLUTE_MS);
    const cookie = randomBytes(32).toString("base64url");
    const session: Session = { idHash: hash(cookie), userId, csrf: randomBytes(32).toString("base64url"), createdAt: now, lastSeenAt: now };
    this.db
      .prepare("INSERT INTO web_sessions (id_hash, user_id, csrf, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)")
      .run(session.idHash, userId, session.csrf, now, now);
    return { cookie, session };
  }

  /** The live session a cookie value names, its activity recorded; undefined when unknown or expired. */
  find(cookie: string | undefined): Session | undefined {
    if (!cookie || cookie.length > 100) return undefined;
    const row = this.db.prepare("SELECT id_hash, user_id, csrf, created_at, last_seen_at FROM web_sessions WHERE id_hash = ?").get(hash(cookie)) as
      | { id_hash: string; user_id: string; csrf: string; created_at: number; last_seen_at: number }
      | undefined;
    if (!row) return undefined;
    const now = this.now();
    if (now - row.last_seen_at >= IDLE_MS || now - row.created_at >= ABSOLUTE_MS) {
      this.db.prepare("DELETE FROM web_sessions WHERE id_hash = ?").run(row.id_hash);
      return undefined;
    }
    let lastSeenAt = row.last_seen_at;
    if (now - lastSeenAt >= TOUCH_MS) {
      lastSeenAt = now;
      this.db.prepare("UPDATE web_sessions SET last_seen_at = ? WHERE id_hash = ?").run(now, row.id_hash);
    }
    return { idHash: row.id_hash, userId: row.user_id, csrf: row.csrf, createdAt: row.created_at, lastSeenAt };
  }

  /** Ends the session a cookie value names: its row is deleted, so the cookie never works again. */
  destroy(cookie: string | undefined): void {
    if (cookie) this.db.prepare("DELETE FROM web_sessions WHERE id_hash = ?").run(hash(cookie));
  }

  /** The signed-in user of a request and their session, or undefined; looked up once per request. */
  signedIn(ctx: Koa.Context): SignedIn | undefined {
    if ("signedIn" in ctx.state) return ctx.state.signedIn as SignedIn | undefined;
    const session = this.find(ctx.cookies.get(SESSION_COOKIE));
    const user = session ? userById(this.db, session.userId) : undefined;
    const found = session && user ? { session, user } : undefined;
    ctx.state.signedIn = found;
    return found;
  }
}
