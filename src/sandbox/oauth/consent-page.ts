// The consent page: which app, for which company and role, what it will be able to do in words, and
// "Allow" or "Deny". What the role cannot do is said too, so nobody thinks the app got it.
import type Koa from "koa";
import { csrfField, html, layout, send, ROLE_LABELS, type SignedIn } from "../web/index.js";

export interface ConsentView {
  uid: string;
  signedIn: SignedIn;
  app: { name: string; host: string | undefined };
  /** What the app will be able to do, in words. */
  may: string[];
  /** What it asked for that this person's role cannot do (so it will not either). */
  mayNot: string[];
}

export function consentPage(ctx: Koa.Context, view: ConsentView): void {
  const { signedIn, app } = view;
  const { user } = signedIn;
  const role = ROLE_LABELS[user.role];
  const base = `/interaction/${encodeURIComponent(view.uid)}`;
  const main = html`<section class="card narrow" aria-labelledby="consent-title">
  <h1 id="consent-title">Connect ${app.name} to Clara?</h1>
  <p><strong>${app.name}</strong>${app.host ? html` <span class="muted">(${app.host})</span>` : null} wants to use Clara MCP on behalf of
  <strong>${user.name}</strong>, ${role} at <strong>${user.company.legalName}</strong>.</p>
  <h2>It will be able to</h2>
  ${view.may.length > 0 ? html`<ul class="may">${view.may.map((words) => html`<li>${words}</li>`)}</ul>` : html`<p class="muted">Nothing yet: it asked for no access to Clara.</p>`}
  ${view.mayNot.length > 0 ? html`<p class="muted">It also asked to ${view.mayNot.join(", ")}; as ${role.toLowerCase()} you cannot, so it will not either.</p>` : null}
  <p class="muted small">It acts only as you, within your role. You can disconnect it at any time in Clara under Settings → Integrations → Clara MCP.</p>
  <div class="actions">
    <form method="post" action="${base}/confirm">${csrfField(signedIn.session)}<button type="submit">Allow</button></form>
    <form method="post" action="${base}/deny">${csrfField(signedIn.session)}<button type="submit" class="secondary">Deny</button></form>
  </div>
</section>`;
  send(ctx, 200, layout({ title: `Connect ${app.name}`, signedIn, main }));
}
