// Cross-site request forgery: every form carries a token in a hidden field, and a post without the
// right one is refused (403) before anything else runs. Signed-in forms carry their session's token;
// the sign-in form, before any session exists, carries an HMAC of a random value kept in its own
// cookie, so another site can neither read nor make a matching pair.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type Koa from "koa";
import { cookieOptions, type Session } from "./sessions.js";

/** The hidden field's name on every form. */
export const CSRF_FIELD = "csrf";
export const SIGNIN_COOKIE = "clara_signin";

function same(a: string, b: string | null | undefined): boolean {
  if (typeof b !== "string" || b.length === 0) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** True when a signed-in form sent its session's token. */
export function sessionTokenMatches(session: Session, sent: string | null | undefined): boolean {
  return same(session.csrf, sent);
}

export class SigninForms {
  // Per process: a restart only means a sign-in form left open must be reloaded.
  private readonly key = randomBytes(32);

  private sign(nonce: string): string {
    return createHmac("sha256", this.key).update(`signin:${nonce}`).digest("base64url");
  }

  /** The token for a sign-in form, setting the cookie it is bound to when the browser has none. */
  token(ctx: Koa.Context): string {
    let nonce = ctx.cookies.get(SIGNIN_COOKIE);
    if (!nonce || !/^[A-Za-z0-9_-]{43}$/.test(nonce)) {
      nonce = randomBytes(32).toString("base64url");
      // Site-wide: the sign-in form also appears on OAuth's authorization pages.
      ctx.cookies.set(SIGNIN_COOKIE, nonce, { ...cookieOptions(ctx), maxAge: 3_600_000 });
    }
    return this.sign(nonce);
  }

  /** True when a posted sign-in form's token belongs to the cookie this browser sent. */
  matches(ctx: Koa.Context, sent: string | null | undefined): boolean {
    const nonce = ctx.cookies.get(SIGNIN_COOKIE);
    return Boolean(nonce) && same(this.sign(nonce!), sent);
  }

  /** Forgets the pre-session cookie once signed in. */
  clear(ctx: Koa.Context): void {
    ctx.cookies.set(SIGNIN_COOKIE, "", { ...cookieOptions(ctx), maxAge: 0 });
  }
}
