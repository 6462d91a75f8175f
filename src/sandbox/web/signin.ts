// Sign in and sign out. The sign-in page takes a local path to come back to (/login?next=…), so
// any page, this room's or a later one's (OAuth consent), can send people here and get them back.
import type Koa from "koa";
import { CSRF_FIELD, sessionTokenMatches } from "./csrf.js";
import { readForm } from "./forms.js";
import { html } from "./html.js";
import { layout, seeOther, send, sendMessage } from "./layout.js";
import { HOME, safeReturnPath, signinUrl } from "./return-to.js";
import { SESSION_COOKIE, cookieOptions, type SignedIn } from "./sessions.js";
import type { Web } from "./index.js";

export const GENERIC_ERROR = "The email or password is not right.";
export const THROTTLED_ERROR = "Too many attempts to sign in. Wait 15 minutes and try again.";

export interface SigninFormState {
  /** Where the form posts (default /login). */
  action?: string;
  heading?: string;
  /** A sentence under the heading, e.g. which app asks. */
  lead?: string;
  /** The local path to come back to, for /login. */
  next?: string;
  email?: string;
  error?: string;
  notice?: string;
}

/** The sign-in page; other rooms (OAuth's authorization) show it with their own action and heading. */
export function signinPage(ctx: Koa.Context, web: Web, status: number, state: SigninFormState): void {
  const token = web.signinForms.token(ctx);
  const heading = state.heading ?? "Sign in to Clara";
  const main = html`<section class="card narrow" aria-labelledby="signin-title">
  <h1 id="signin-title">${heading}</h1>
  ${state.lead ? html`<p>${state.lead}</p>` : null}
  ${state.notice ? html`<p class="notice" role="status">${state.notice}</p>` : null}
  ${state.error ? html`<p class="error" role="alert">${state.error}</p>` : null}
  <form method="post" action="${state.action ?? "/login"}">
    <input type="hidden" name="${CSRF_FIELD}" value="${token}">
    ${state.next === undefined ? null : html`<input type="hidden" name="next" value="${state.next}">`}
    <label for="email">Email</label>
    <input id="email" name="email" type="email" autocomplete="username" required value="${state.email ?? ""}">
    <label for="password">Password</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required>
    <button type="submit">Sign in</button>
  </form>
</section>`;
  send(ctx, status, layout({ title: "Sign in", main }));
}

export function showSignin(ctx: Koa.Context, web: Web): void {
  const next = safeReturnPath(ctx.query.next as string | undefined);
  if (web.sessions.signedIn(ctx)) return seeOther(ctx, next);
  signinPage(ctx, web, 200, { next, ...(ctx.query.signed_out === "1" ? { notice: "You are signed out." } : {}) });
}

/** A sign-in form's outcome: a new session, or why not (403: the form's token was wrong). */
export type PasswordSignIn = { signedIn: SignedIn } | { status: 401 | 403 | 429; email: string; error: string };

/** Checks a posted sign-in form (its token, the throttle, the password) and starts a session when right. */
export async function passwordSignIn(ctx: Koa.Context, web: Web, form: URLSearchParams): Promise<PasswordSignIn> {
  const email = (form.get("email") ?? "").trim().slice(0, 320);
  if (!web.signinForms.matches(ctx, form.get(CSRF_FIELD))) return { status: 403, email, error: "" };
  const password = (form.get("password") ?? "").slice(0, 1024);
  const address = ctx.ip;
  const until = web.throttle.lockedUntil(email, address);
  if (until !== undefined) {
    ctx.set("Retry-After", String(Math.ceil((until - web.now()) / 1000)));
    return { status: 429, email, error: THROTTLED_ERROR };
  }
  const user = await web.accounts.check(email, password);
  if (!user) {
    web.throttle.failed(email, address);
    return { status: 401, email, error: GENERIC_ERROR };
  }
  web.throttle.succeeded(email);
  // A fresh session id at every sign-in: a cookie planted before it is worth nothing after.
  web.sessions.destroy(ctx.cookies.get(SESSION_COOKIE));
  const { cookie, session } = web.sessions.create(user.id);
  ctx.cookies.set(SESSION_COOKIE, cookie, cookieOptions(ctx));
  web.signinForms.clear(ctx);
  const signedIn = { session, user };
  ctx.state.signedIn = signedIn;
  return { signedIn };
}

export async function signIn(ctx: Koa.Context, web: Web): Promise<void> {
  const form = await readForm(ctx);
  const next = safeReturnPath(form.get("next"));
  const result = await passwordSignIn(ctx, web, form);
  if ("signedIn" in result) return seeOther(ctx, next);
  if (result.status === 403) return refuseForgery(ctx);
  signinPage(ctx, web, result.status, { next, email: result.email, error: result.error });
}

export async function signOut(ctx: Koa.Context, web: Web): Promise<void> {
  const form = await readForm(ctx);
  const signedIn = web.sessions.signedIn(ctx);
  if (!signedIn) return seeOther(ctx, "/login");
  if (!sessionTokenMatches(signedIn.session, form.get(CSRF_FIELD))) return refuseForgery(ctx, signedIn);
  web.flash.forget(signedIn.session.idHash);
  web.sessions.destroy(ctx.cookies.get(SESSION_COOKIE));
  ctx.cookies.set(SESSION_COOKIE, "", cookieOptions(ctx));
  seeOther(ctx, "/login?signed_out=1");
}

/** The signed-in user, or a redirect to the sign-in page that comes back here afterwards. */
export function requireSignedIn(ctx: Koa.Context, web: Web): SignedIn | undefined {
  const signedIn = web.sessions.signedIn(ctx);
  // After sign-in the browser comes back with GET: a form's address would answer 405, so forms come home.
  if (!signedIn) seeOther(ctx, signinUrl(ctx.method === "GET" ? ctx.originalUrl : HOME));
  return signedIn;
}

/** 403 for a post without its form's token: nothing was changed. */
export function refuseForgery(ctx: Koa.Context, signedIn?: SignedIn): void {
  sendMessage(ctx, 403, "Form expired", "This form has expired or did not come from this site, so nothing was changed. Go back, reload the page and try again.", signedIn);
}
