// Settings → Integrations → Clara MCP: generate a personal token (shown once), list and revoke
// them, see and disconnect connected apps. For administrators and bookkeepers, the roles the
// gateway serves; anyone else gets a plain 403.
import type Koa from "koa";
import type { Role } from "../api/caller.js";
import { createUserToken, listUserTokens, revokeUserToken } from "../tokens/tokens.js";
import { ROLE_LABELS } from "./accounts.js";
import { CSRF_FIELD, sessionTokenMatches } from "./csrf.js";
import { readForm } from "./forms.js";
import type { Web } from "./index.js";
import { confirmDisconnectPage, confirmRevokePage, integrationsPage } from "./integrations-page.js";
import { layout, seeOther, send, sendMessage } from "./layout.js";
import { HOME } from "./return-to.js";
import type { SignedIn } from "./sessions.js";
import { refuseForgery, requireSignedIn } from "./signin.js";

export const CLARA_MCP_PATH = HOME;
export const TOKEN_NAME_MAX = 60;
const ALLOWED: readonly Role[] = ["ADMINISTRATOR", "BOOKKEEPER"];

/** The signed-in user when their role may use Clara MCP; otherwise the answer (sign-in or 403) is sent. */
function allowed(ctx: Koa.Context, web: Web): SignedIn | undefined {
  const signedIn = requireSignedIn(ctx, web);
  if (!signedIn) return undefined;
  if (!ALLOWED.includes(signedIn.user.role)) {
    sendMessage(ctx, 403, "Clara MCP", `Clara MCP is not available for your role (${ROLE_LABELS[signedIn.user.role]}).`, signedIn);
    return undefined;
  }
  return signedIn;
}

/** The posted form when its CSRF token is right; otherwise 403 is sent and nothing else happens. */
async function postedForm(ctx: Koa.Context, signedIn: SignedIn): Promise<URLSearchParams | undefined> {
  const form = await readForm(ctx);
  if (sessionTokenMatches(signedIn.session, form.get(CSRF_FIELD))) return form;
  refuseForgery(ctx, signedIn);
  return undefined;
}

function render(ctx: Koa.Context, web: Web, signedIn: SignedIn, status: number, nameError?: { name: string; error: string }): void {
  // A HEAD request (a link checker, a prefetch) must not use up the one view of a new token.
  const notice = ctx.method === "HEAD" ? undefined : web.flash.take(signedIn.session.idHash);
  const page = integrationsPage({
    signedIn,
    tokens: listUserTokens(web.db, signedIn.user.id),
    apps: web.apps.list(signedIn.user.id),
    mcpUrl: web.mcpUrl(),
    notice,
    nameError,
  });
  send(ctx, status, page);
}

export function showClaraMcp(ctx: Koa.Context, web: Web): void {
  const signedIn = allowed(ctx, web);
  if (signedIn) render(ctx, web, signedIn, 200);
}

export async function generateToken(ctx: Koa.Context, web: Web): Promise<void> {
  const signedIn = allowed(ctx, web);
  const form = signedIn && (await postedForm(ctx, signedIn));
  if (!signedIn || !form) return;
  const name = (form.get("name") ?? "").replace(/\s+/g, " ").trim();
  if (name.length === 0 || name.length > TOKEN_NAME_MAX) {
    return render(ctx, web, signedIn, 400, { name: name.slice(0, TOKEN_NAME_MAX), error: `Give the token a name of 1 to ${TOKEN_NAME_MAX} characters, e.g. "Claude Desktop".` });
  }
  const { token } = createUserToken(web.db, signedIn.user.id, name, web.now());
  web.flash.put(signedIn.session.idHash, { kind: "token", name, token });
  seeOther(ctx, CLARA_MCP_PATH);
}

function ownToken(web: Web, signedIn: SignedIn, id: string) {
  return listUserTokens(web.db, signedIn.user.id).find((t) => t.id === id);
}

export function confirmRevoke(ctx: Koa.Context, web: Web, id: string): void {
  const signedIn = allowed(ctx, web);
  if (!signedIn) return;
  const token = ownToken(web, signedIn, id);
  if (!token) return sendMessage(ctx, 404, "No such token", "You have no token with this id.", signedIn);
  if (token.revokedAt !== null) return seeOther(ctx, CLARA_MCP_PATH);
  send(ctx, 200, layout({ title: "Revoke token", signedIn, main: confirmRevokePage(signedIn, token) }));
}

export async function revoke(ctx: Koa.Context, web: Web, id: string): Promise<void> {
  const signedIn = allowed(ctx, web);
  const form = signedIn && (await postedForm(ctx, signedIn));
  if (!signedIn || !form) return;
  const token = ownToken(web, signedIn, id);
  // Only the signed-in user's own tokens: another user's id is, for them, a token that does not exist.
  if (!token || !revokeUserToken(web.db, signedIn.user.id, id, web.now())) return sendMessage(ctx, 404, "No such token", "You have no token with this id.", signedIn);
  web.flash.put(signedIn.session.idHash, { kind: "revoked", name: token.name ?? token.id });
  seeOther(ctx, CLARA_MCP_PATH);
}

export function confirmDisconnect(ctx: Koa.Context, web: Web, id: string): void {
  const signedIn = allowed(ctx, web);
  if (!signedIn) return;
  const app = web.apps.list(signedIn.user.id).find((a) => a.id === id);
  if (!app) return sendMessage(ctx, 404, "No such app", "You have no connected app with this id.", signedIn);
  send(ctx, 200, layout({ title: "Disconnect app", signedIn, main: confirmDisconnectPage(signedIn, app) }));
}

export async function disconnect(ctx: Koa.Context, web: Web, id: string): Promise<void> {
  const signedIn = allowed(ctx, web);
  const form = signedIn && (await postedForm(ctx, signedIn));
  if (!signedIn || !form) return;
  const app = web.apps.list(signedIn.user.id).find((a) => a.id === id);
  if (!app || !web.apps.disconnect(signedIn.user.id, id)) return sendMessage(ctx, 404, "No such app", "You have no connected app with this id.", signedIn);
  web.flash.put(signedIn.session.idHash, { kind: "disconnected", name: app.name });
  seeOther(ctx, CLARA_MCP_PATH);
}
