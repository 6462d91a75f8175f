// The authorization's pages: sign in (Clara's own sign-in form and session; a browser already signed in
// skips the password) and consent (which company and role, what the app will be able to do in words,
// "Allow" or "Deny"). Only the roles Clara MCP serves may consent; anyone else is sent straight back
// to the app with error=access_denied. Every form carries a CSRF token and the interaction's cookie.
import type Koa from "koa";
import type Provider from "oidc-provider";
import type { InteractionResults } from "oidc-provider";
import { CSRF_FIELD, readForm, sessionTokenMatches, sendMessage, type SignedIn, type WebApp } from "../web/index.js";
import { consentPage, type ConsentView } from "./consent-page.js";
import type { Grants } from "./grants.js";
import type { ResourceScope } from "./provider.js";

export interface InteractionOptions {
  provider: Provider;
  web: WebApp;
  grants: Grants;
  scopes: readonly ResourceScope[];
  /** Roles that may connect apps. */
  roles: readonly string[];
  now(): number;
}

type Details = Awaited<ReturnType<Provider["interactionDetails"]>>;

const UID = /^\/interaction\/([A-Za-z0-9_-]{1,64})(?:\/(login|confirm|deny))?$/;

/** The CSP source of where the browser goes back to, so a form here may end there (see web/index.ts). */
export function returnSource(redirectUri: unknown): string[] {
  if (typeof redirectUri !== "string") return [];
  const url = URL.parse(redirectUri);
  if (!url) return [];
  const source = url.protocol === "http:" || url.protocol === "https:" ? url.origin : url.protocol;
  return /^[a-z][a-z0-9+.-]*:(\/\/[A-Za-z0-9.\-[\]:]+)?$/i.test(source) ? [source] : [];
}

/** The app's name as it registered, else the host it lives on. */
export function appName(client: { clientName?: string | undefined; clientId: string } | undefined, redirectUri: unknown): { name: string; host: string | undefined } {
  const from = URL.parse(client?.clientId ?? "") ?? (typeof redirectUri === "string" ? URL.parse(redirectUri) : null);
  const host = from?.host || undefined;
  return { name: client?.clientName?.trim() || host || "An app", host };
}

export function interactions(options: InteractionOptions): Koa.Middleware {
  const { provider, web, grants, scopes, roles } = options;
  const usable = (role: string) => new Set(scopes.filter((s) => s.roles.includes(role)).map((s) => s.name));

  async function finish(ctx: Koa.Context, result: InteractionResults, merge: boolean): Promise<void> {
    await provider.interactionFinished(ctx.req, ctx.res, result, { mergeWithLastSubmission: merge });
    // The provider wrote the 303 itself.
    ctx.respond = false;
  }

  /** Signed in: on to consent, or straight back to the app when this role may not connect apps. */
  function loggedIn(ctx: Koa.Context, signedIn: SignedIn): Promise<void> {
    if (!roles.includes(signedIn.user.role)) {
      const description = `Only administrators and bookkeepers can connect apps to Clara; ${signedIn.user.name} is ${signedIn.user.role.toLowerCase()}.`;
      return finish(ctx, { error: "access_denied", error_description: description }, false);
    }
    return finish(ctx, { login: { accountId: signedIn.user.id } }, false);
  }

  async function view(details: Details, signedIn: SignedIn): Promise<ConsentView> {
    const client = await provider.Client.find(String(details.params.client_id));
    const requested = new Set(String(details.params.scope ?? "").split(" "));
    const own = usable(signedIn.user.role);
    const asked = scopes.filter((s) => requested.has(s.name));
    return {
      uid: details.uid,
      signedIn,
      app: appName(client, details.params.redirect_uri),
      may: asked.filter((s) => own.has(s.name)).map((s) => s.words),
      mayNot: asked.filter((s) => !own.has(s.name)).map((s) => s.words),
    };
  }

  async function consent(ctx: Koa.Context, details: Details, signedIn: SignedIn): Promise<void> {
    const accountId = signedIn.user.id;
    const clientId = String(details.params.client_id);
    const found = details.grantId ?? grants.existing(accountId, clientId);
    const grant = (found ? await provider.Grant.find(found) : undefined) ?? new provider.Grant({ accountId, clientId });
    const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    const own = usable(signedIn.user.role);
    for (const [indicator, asked] of Object.entries(missing.missingResourceScopes ?? {})) {
      // What this role cannot use is refused, not granted: the token then says exactly what the page said.
      const granted = asked.filter((scope) => own.has(scope));
      const refused = asked.filter((scope) => !own.has(scope));
      if (granted.length > 0) grant.addResourceScope(indicator, granted.join(" "));
      if (refused.length > 0) grant.rejectResourceScope(indicator, refused.join(" "));
    }
    const grantId = await grant.save();
    const client = await provider.Client.find(clientId);
    grants.remember(grantId, accountId, clientId, appName(client, details.params.redirect_uri).name.slice(0, 100), options.now());
    await finish(ctx, { consent: { grantId } }, true);
  }

  async function answer(ctx: Koa.Context, uid: string, action: string | undefined): Promise<void> {
    let details: Details;
    try {
      details = await provider.interactionDetails(ctx.req, ctx.res);
    } catch {
      return sendMessage(ctx, 400, "This sign-in has expired", "Go back to the app you were connecting and start again.");
    }
    if (details.uid !== uid) return sendMessage(ctx, 400, "This sign-in has expired", "Go back to the app you were connecting and start again.");
    web.securityHeaders(ctx, returnSource(details.params.redirect_uri));
    const signedIn = web.signedIn(ctx);
    const client = await provider.Client.find(String(details.params.client_id));
    const { name } = appName(client, details.params.redirect_uri);
    const signinState = { action: `/interaction/${uid}/login`, heading: "Sign in to Clara", lead: `${name} wants to connect to your Clara account.` };

    if (details.prompt.name === "login") {
      if (action === undefined) return signedIn ? loggedIn(ctx, signedIn) : web.signinPage(ctx, 200, signinState);
      if (action !== "login" || ctx.method !== "POST") return sendMessage(ctx, 400, "Sign in first", "Sign in to Clara before allowing an app.");
      const result = await web.passwordSignIn(ctx, await readForm(ctx));
      if ("signedIn" in result) return loggedIn(ctx, result.signedIn);
      if (result.status === 403) return sendMessage(ctx, 403, "Form expired", "This form has expired or did not come from this site. Go back to the app and start again.");
      return web.signinPage(ctx, result.status, { ...signinState, email: result.email, error: result.error });
    }

    // Consent: the signed-in person must be the one who signed in for this authorization.
    if (!signedIn || signedIn.user.id !== details.session?.accountId) {
      return sendMessage(ctx, 400, "This sign-in has expired", "You signed out or in as someone else. Go back to the app and start again.");
    }
    if (!roles.includes(signedIn.user.role)) return loggedIn(ctx, signedIn);
    if (action === undefined) return consentPage(ctx, await view(details, signedIn));
    if (ctx.method !== "POST" || action === "login") return sendMessage(ctx, 405, "Not allowed", `${ctx.method} is not allowed here.`, signedIn);
    const form = await readForm(ctx);
    if (!sessionTokenMatches(signedIn.session, form.get(CSRF_FIELD))) {
      return sendMessage(ctx, 403, "Form expired", "This form has expired or did not come from this site, so nothing was allowed.", signedIn);
    }
    if (action === "deny") return finish(ctx, { error: "access_denied", error_description: `${signedIn.user.name} denied the request.` }, false);
    return consent(ctx, details, signedIn);
  }

  return async (ctx, next) => {
    const match = UID.exec(ctx.path);
    if (!match) return next();
    web.securityHeaders(ctx);
    const method = ctx.method === "HEAD" ? "GET" : ctx.method;
    if (match[2] === undefined ? method !== "GET" : method !== "POST") {
      ctx.set("Allow", match[2] === undefined ? "GET" : "POST");
      return sendMessage(ctx, 405, "Not allowed", `${ctx.method} is not allowed here.`);
    }
    await answer(ctx, match[1]!, match[2]);
  };
}
