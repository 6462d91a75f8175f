// What the Clara MCP page shows: the new token (once), the MCP URL, the Generate token form, the
// token table, connected apps and the setup for each client. Dates are in the company's time zone.
import { clientSetups } from "../../clients/setup.js";
import type { ConnectedApp } from "./apps.js";
import type { Notice } from "./flash.js";
import { html, type Html } from "./html.js";
import { csrfField, layout } from "./layout.js";
import type { SignedIn } from "./sessions.js";

export interface TokenRow {
  id: string;
  name: string | null;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export interface IntegrationsView {
  signedIn: SignedIn;
  tokens: TokenRow[];
  apps: ConnectedApp[];
  mcpUrl: string | undefined;
  notice: Notice | undefined;
  /** A refused name, shown back with its error. */
  nameError?: { name: string; error: string } | undefined;
}

const BASE = "/settings/integrations/clara-mcp";
const PLACEHOLDER = "<token>";

/** "20 Nov 2026, 12:00" in the company's time zone, in a <time> element carrying the exact instant. */
function when(ms: number | null, timeZone: string, never = "Never"): Html {
  if (ms === null) return html`<span class="muted">${never}</span>`;
  const text = new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(ms);
  return html`<time datetime="${new Date(ms).toISOString()}">${text}</time>`;
}

function copyButton(target: string, label: string): Html {
  // Hidden until copy.js runs: without JavaScript the text is still there to select.
  return html`<button type="button" class="secondary copy" data-copy="${target}" hidden>${label}</button>`;
}

function noticeOf(notice: Notice | undefined): Html | null {
  if (!notice || notice.kind === "token") return null;
  const text = notice.kind === "revoked" ? `Token “${notice.name}” revoked: every AI tool using it is stopped.` : `“${notice.name}” disconnected.`;
  return html`<p class="notice" role="status">${text}</p>`;
}

function newToken(notice: Notice | undefined): Html | null {
  if (notice?.kind !== "token") return null;
  return html`<section class="card fresh" aria-labelledby="fresh-title">
  <h2 id="fresh-title">Token “${notice.name}” generated</h2>
  <p><strong>Copy it now: it is shown only this once.</strong> Paste it into your AI tool with the setup below.</p>
  <label for="new-token">Your new token</label>
  <div class="copyable"><input id="new-token" type="text" readonly value="${notice.token}" spellcheck="false" autocomplete="off">${copyButton("new-token", "Copy token")}</div>
</section>`;
}

function tokenTable(view: IntegrationsView): Html {
  const zone = view.signedIn.user.company.timeZone;
  if (view.tokens.length === 0) return html`<p class="muted">No tokens yet.</p>`;
  const rows = view.tokens.map((t) => {
    const status = t.revokedAt === null ? html`<span class="status active">Active</span>` : html`<span class="status revoked">Revoked</span> ${when(t.revokedAt, zone)}`;
    const action =
      t.revokedAt === null
        ? html`<form method="get" action="${BASE}/tokens/${encodeURIComponent(t.id)}/revoke"><button type="submit" class="danger">Revoke</button></form>`
        : null;
    return html`<tr><td>${t.name ?? "(no name)"}</td><td>${when(t.createdAt, zone)}</td><td>${when(t.lastUsedAt, zone)}</td><td>${status}</td><td>${action}</td></tr>`;
  });
  return html`<table>
  <caption class="visually-hidden">Your tokens</caption>
  <thead><tr><th scope="col">Name</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Status</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
  <tbody>${rows}</tbody>
</table>
<p class="muted small">Times in ${zone}.</p>`;
}

function appsTable(view: IntegrationsView): Html {
  if (view.apps.length === 0) return html`<p class="muted">No apps connected yet.</p>`;
  const zone = view.signedIn.user.company.timeZone;
  const rows = view.apps.map(
    (a) => html`<tr><td>${a.name}</td><td>${when(a.connectedAt, zone)}</td><td>${a.permissions.join(", ")}</td><td>${when(a.lastUsedAt, zone)}</td>
      <td><form method="get" action="${BASE}/apps/${encodeURIComponent(a.id)}/disconnect"><button type="submit" class="danger">Disconnect</button></form></td></tr>`,
  );
  return html`<table>
  <caption class="visually-hidden">Connected apps</caption>
  <thead><tr><th scope="col">App</th><th scope="col">Connected</th><th scope="col">May</th><th scope="col">Last used</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
  <tbody>${rows}</tbody>
</table>`;
}

function setups(mcpUrl: string, notice: Notice | undefined): Html {
  const token = notice?.kind === "token" ? notice.token : PLACEHOLDER;
  const blocks = clientSetups({ name: "clara", url: mcpUrl, token }).map((setup) => {
    const id = `setup-${setup.client.toLowerCase().replace(/[^a-z]+/g, "-")}`;
    return html`<div class="snippet"><div class="snippet-head"><h3>${setup.client}</h3>${copyButton(id, `Copy ${setup.client} setup`)}</div>
<p class="muted small">${setup.file ? html`Add to <code>${setup.file}</code>:` : "Run in a terminal:"}</p>
<pre id="${id}">${setup.text}</pre></div>`;
  });
  const hint = token === PLACEHOLDER ? html`<p>Replace <code>${PLACEHOLDER}</code> with a token you generated above.</p>` : html`<p>These already contain your new token.</p>`;
  return html`${hint}${blocks}`;
}

export function integrationsPage(view: IntegrationsView): Html {
  const { signedIn, mcpUrl, notice, nameError } = view;
  const main = html`<nav aria-label="Breadcrumb" class="crumbs"><a href="/settings">Settings</a> › <a href="/settings/integrations">Integrations</a> › <span aria-current="page">Clara MCP</span></nav>
<h1>Clara MCP</h1>
<p class="lead">Connect AI assistants (Claude, ChatGPT, Cursor and other MCP clients) to your company's Clara account. ChatGPT, Claude.ai and other apps that sign in with OAuth need only the MCP URL below: they send you here to sign in and allow them, and appear under Connected apps. Other tools use a personal token. Revoking a token or disconnecting an app stops it at once.</p>
${noticeOf(notice)}
${newToken(notice)}
<section class="card" aria-labelledby="url-title">
  <h2 id="url-title">MCP URL</h2>
  ${mcpUrl ? html`<div class="copyable"><code class="box" id="mcp-url">${mcpUrl}</code>${copyButton("mcp-url", "Copy MCP URL")}</div>` : html`<p class="muted">Not set for this deployment (CLARA_MCP_URL).</p>`}
</section>
<section class="card" aria-labelledby="generate-title">
  <h2 id="generate-title">Generate token</h2>
  <form method="post" action="${BASE}/tokens" class="inline">
    ${csrfField(signedIn.session)}
    <div><label for="token-name">Name</label>
    <input id="token-name" name="name" type="text" required maxlength="60" placeholder="Claude Desktop" value="${nameError?.name ?? ""}"${nameError ? html` aria-invalid="true" aria-describedby="token-name-error"` : null}></div>
    <button type="submit">Generate token</button>
  </form>
  ${nameError ? html`<p class="error" id="token-name-error" role="alert">${nameError.error}</p>` : null}
</section>
<section class="card" aria-labelledby="tokens-title">
  <h2 id="tokens-title">Your tokens</h2>
  ${tokenTable(view)}
</section>
<section class="card" aria-labelledby="apps-title">
  <h2 id="apps-title">Connected apps</h2>
  ${appsTable(view)}
</section>
${mcpUrl ? html`<section class="card" aria-labelledby="setup-title"><h2 id="setup-title">Set up your AI tool</h2>${setups(mcpUrl, notice)}</section>` : null}`;
  return layout({ title: "Clara MCP", signedIn, main, copyButtons: true });
}

/** A page asking before something that cannot be undone; its button is named like the one that led here. */
function confirmPage(signedIn: SignedIn, c: { id: string; title: string; text: string; action: string; button: string }): Html {
  return html`<section class="card narrow" aria-labelledby="${c.id}">
  <h1 id="${c.id}">${c.title}</h1>
  <p>${c.text}</p>
  <form method="post" action="${c.action}" class="actions">
    ${csrfField(signedIn.session)}
    <button type="submit" class="danger">${c.button}</button>
    <a href="${BASE}">Cancel</a>
  </form>
</section>`;
}

export function confirmRevokePage(signedIn: SignedIn, token: TokenRow): Html {
  return confirmPage(signedIn, {
    id: "revoke-title",
    title: `Revoke “${token.name ?? token.id}”?`,
    text: "Every AI tool using this token stops working at once. This cannot be undone; you can generate a new token afterwards.",
    action: `${BASE}/tokens/${encodeURIComponent(token.id)}/revoke`,
    button: "Revoke",
  });
}

export function confirmDisconnectPage(signedIn: SignedIn, app: ConnectedApp): Html {
  return confirmPage(signedIn, {
    id: "disconnect-title",
    title: `Disconnect “${app.name}”?`,
    text: `${app.name} stops working with your Clara account at once: its access ends and it cannot renew it. You can connect it again later.`,
    action: `${BASE}/apps/${encodeURIComponent(app.id)}/disconnect`,
    button: "Disconnect",
  });
}
