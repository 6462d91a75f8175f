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

interface FormState {
  next: string;
  email?: string;
  error?: string;
  notice?: string;
}

function signinPage(ctx: Koa.Context, web: Web, status: number, state: FormState): void {
  const token = web.signinForms.token(ctx);
  const main = html`<section class="card narrow" aria-labelledby="signin-title">
  <h1 id="signin-title">Sign in to Clara</h1>
  ${state.notice ? html`<p class="notice" role="status">${state.notice}</p>` : null}
  ${state.error ? html`<p class="error" role="alert">${state.error}</p>` : null}
  <form method="post" action="/login">
    <input type="hidden" name="${CSRF_FIELD}" value="${token}">
    <input type="hidden" name="next" value="${state.next}">
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

export async function signIn(ctx: Koa.Context, web: Web): Promise<void> {
  const form = await readForm(ctx);
  if (!web.signinForms.matches(ctx, form.get(CSRF_FIELD))) return refuseForgery(ctx);
  const next = safeReturnPath(form.get("next"));
  const email = (form.get("email") ?? "").trim().slice(0, 320);
  const password = (form.get("password") ?? "").slice(0, 1024);
  const address = ctx.ip;
  const until = web.throttle.lockedUntil(email, address);
  if (until !== undefined) {
    ctx.set("Retry-After", String(Math.ceil((until - web.now()) / 1000)));
    return signinPage(ctx, web, 429, { next, email, error: THROTTLED_ERROR });
  }
  const user = await web.accounts.check(email, password);
  if (!user) {
    web.throttle.failed(email, address);
    return signinPage(ctx, web, 401, { next, email, error: GENERIC_ERROR });
  }
  web.throttle.succeeded(email);
  // A fresh session id at every sign-in: a cookie planted before it is worth nothing after.
  web.sessions.destroy(ctx.cookies.get(SESSION_COOKIE));
  const { cookie } = web.sessions.create(user.id);
  ctx.cookies.set(SESSION_COOKIE, cookie, cookieOptions(ctx));
  web.signinForms.clear(ctx);
  seeOther(ctx, next);
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
