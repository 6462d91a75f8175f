// The web room: Clara's own pages in the sandbox, server-rendered on the same port as the REST API.
// Sign-in (/login), sign-out (POST /logout) and Settings → Integrations → Clara MCP, where users
// generate, see and revoke their MCP tokens and connected apps. Every answer carries a strict CSP;
// /api/v3/* and any path not listed here pass through untouched to the REST API.
import type Koa from "koa";
import type { Db } from "../db/db.js";
import { Accounts, DEFAULT_DEMO_PASSWORD } from "./accounts.js";
import { noConnectedApps, type ConnectedApps } from "./apps.js";
import { SigninForms } from "./csrf.js";
import { Flash } from "./flash.js";
import { FormTooLarge } from "./forms.js";
import { confirmDisconnect, confirmRevoke, disconnect, generateToken, revoke, showClaraMcp } from "./integrations.js";
import { seeOther, sendMessage } from "./layout.js";
import { HOME } from "./return-to.js";
import { Sessions, type SignedIn } from "./sessions.js";
import { passwordSignIn, showSignin, signIn, signinPage, signOut, type PasswordSignIn, type SigninFormState } from "./signin.js";
import { loadStatic, serveStatic } from "./static.js";
import { SigninThrottle } from "./throttle.js";

export { layout, send, sendMessage, seeOther, csrfField } from "./layout.js";
export { safeReturnPath, signinUrl } from "./return-to.js";
export { html, escapeHtml, type Html } from "./html.js";
export type { ConnectedApp, ConnectedApps } from "./apps.js";
export type { SignedIn } from "./sessions.js";
export type { PasswordSignIn, SigninFormState } from "./signin.js";
export { sessionTokenMatches, CSRF_FIELD } from "./csrf.js";
export { readForm } from "./forms.js";
export { ROLE_LABELS } from "./accounts.js";

export interface WebOptions {
  db: Db;
  now(): number;
  /** Every user's password (default "clara-demo"). */
  demoPassword?: string;
  /** This deployment's MCP URL, read at each page view (the gateway may start listening later). */
  mcpUrl(): string | undefined;
  /** The OAuth grants shown under "Connected apps" (none by default). */
  apps?: ConnectedApps;
  /** Called on unexpected failures (never with a form's fields). */
  onError?(err: unknown): void;
}

/** The room's parts, handed to every page. */
export interface Web {
  db: Db;
  now(): number;
  mcpUrl(): string | undefined;
  accounts: Accounts;
  sessions: Sessions;
  signinForms: SigninForms;
  throttle: SigninThrottle;
  flash: Flash;
  apps: ConnectedApps;
}

type Page = (ctx: Koa.Context, web: Web, id: string) => void | Promise<void>;

// [method, path pattern, page]; a pattern's one group is the id the page gets.
const ROUTES: [string, RegExp, Page][] = [
  ["GET", /^\/$/, (ctx) => seeOther(ctx, HOME)],
  ["GET", /^\/settings(?:\/integrations)?\/?$/, (ctx) => seeOther(ctx, HOME)],
  ["GET", /^\/login$/, showSignin],
  ["POST", /^\/login$/, signIn],
  ["POST", /^\/logout$/, signOut],
  ["GET", /^\/settings\/integrations\/clara-mcp$/, showClaraMcp],
  ["POST", /^\/settings\/integrations\/clara-mcp\/tokens$/, generateToken],
  ["GET", /^\/settings\/integrations\/clara-mcp\/tokens\/([A-Za-z0-9_]{1,64})\/revoke$/, confirmRevoke],
  ["POST", /^\/settings\/integrations\/clara-mcp\/tokens\/([A-Za-z0-9_]{1,64})\/revoke$/, revoke],
  ["GET", /^\/settings\/integrations\/clara-mcp\/apps\/([A-Za-z0-9_.-]{1,128})\/disconnect$/, confirmDisconnect],
  ["POST", /^\/settings\/integrations\/clara-mcp\/apps\/([A-Za-z0-9_.-]{1,128})\/disconnect$/, disconnect],
];

/** Paths this room answers, known route or not (anything else is the REST API's). */
const OWN = /^\/(?:$|login(?:\/|$)|logout(?:\/|$)|settings(?:\/|$)|static\/)/;

const csp = (formActions: readonly string[]) =>
  `default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; form-action ${["'self'", ...formActions].join(" ")}; frame-ancestors 'none'; base-uri 'none'`;
const CSP = csp([]);

/**
 * The headers of every page. `formActions`: sources a form of the page may end up at, besides this
 * site (Chromium checks form-action against every redirect after a post, e.g. back to an OAuth client).
 */
function securityHeaders(ctx: Koa.Context, formActions: readonly string[] = []): void {
  ctx.set("Content-Security-Policy", formActions.length === 0 ? CSP : csp(formActions));
  ctx.set("X-Frame-Options", "DENY");
  ctx.set("X-Content-Type-Options", "nosniff");
  ctx.set("Referrer-Policy", "no-referrer");
  ctx.set("Cross-Origin-Opener-Policy", "same-origin");
  ctx.set("Cross-Origin-Resource-Policy", "same-origin");
}

export interface WebApp {
  /** Koa middleware: answers this room's paths, passes every other request on. */
  middleware: Koa.Middleware;
  /** The signed-in user of a request and their session, or undefined (for other rooms' pages). */
  signedIn(ctx: Koa.Context): SignedIn | undefined;
  /** Applies the demo password now instead of at the first sign-in. */
  applyDemoPassword(): Promise<void>;
  /** The sign-in page, for other rooms' sign-ins (its action, heading, lead). */
  signinPage(ctx: Koa.Context, status: number, state: SigninFormState): void;
  /** Checks a posted sign-in form and starts a session when it is right. */
  passwordSignIn(ctx: Koa.Context, form: URLSearchParams): Promise<PasswordSignIn>;
  /** The pages' security headers, for other rooms' pages. */
  securityHeaders(ctx: Koa.Context, formActions?: readonly string[]): void;
}

export function createWeb(options: WebOptions): WebApp {
  const web: Web = {
    db: options.db,
    now: options.now,
    mcpUrl: options.mcpUrl,
    accounts: new Accounts(options.db, options.demoPassword ?? DEFAULT_DEMO_PASSWORD),
    sessions: new Sessions(options.db, options.now),
    signinForms: new SigninForms(),
    throttle: new SigninThrottle(options.db, options.now),
    flash: new Flash(options.now),
    apps: options.apps ?? noConnectedApps,
  };
  const files = loadStatic();

  const middleware: Koa.Middleware = async (ctx, next) => {
    if (!OWN.test(ctx.path)) return next();
    securityHeaders(ctx);
    const method = ctx.method === "HEAD" ? "GET" : ctx.method;
    try {
      if (method === "GET" && ctx.path.startsWith("/static/") && serveStatic(ctx, files, ctx.path.slice("/static/".length))) return;
      const matches = ROUTES.filter(([, pattern]) => pattern.test(ctx.path));
      const route = matches.find(([m]) => m === method);
      if (route) return await route[2](ctx, web, route[1].exec(ctx.path)?.[1] ?? "");
      if (matches.length > 0) {
        ctx.set("Allow", [...new Set(matches.map(([m]) => m))].join(", "));
        return sendMessage(ctx, 405, "Not allowed", `${ctx.method} is not allowed here.`);
      }
      sendMessage(ctx, 404, "Page not found", "There is no page at this address.");
    } catch (err) {
      if (err instanceof FormTooLarge) return sendMessage(ctx, 413, "Form too large", "The form sent was too large, so nothing was changed.");
      options.onError?.(err);
      sendMessage(ctx, 500, "Something went wrong", "Something went wrong on our side. Try again in a moment.");
    }
  };

  return {
    middleware,
    signedIn: (ctx) => web.sessions.signedIn(ctx),
    applyDemoPassword: () => web.accounts.applyDemoPassword(),
    signinPage: (ctx, status, state) => signinPage(ctx, web, status, state),
    passwordSignIn: (ctx, form) => passwordSignIn(ctx, web, form),
    securityHeaders,
  };
}
