// The frame of every page: head, the bar with who is signed in and a "Sign out" button, the main
// content; and the plain pages that only say one thing (refusals, errors).
import type Koa from "koa";
import { ROLE_LABELS, type WebUser } from "./accounts.js";
import { CSRF_FIELD } from "./csrf.js";
import { html, type Html } from "./html.js";
import type { Session } from "./sessions.js";

export interface PageOptions {
  title: string;
  main: Html;
  /** The signed-in user and session: the bar then names them and offers "Sign out". */
  signedIn?: { user: WebUser; session: Session } | undefined;
  /** Loads the script behind the copy buttons (the page works without it). */
  copyButtons?: boolean;
}

/** The hidden field every form of a signed-in page carries. */
export function csrfField(session: Session): Html {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${session.csrf}">`;
}

export function layout({ title, main, signedIn, copyButtons }: PageOptions): Html {
  const who = signedIn
    ? html`<div class="who">
        <span><strong>${signedIn.user.name}</strong> <span class="muted">${ROLE_LABELS[signedIn.user.role]} · ${signedIn.user.company.legalName}</span></span>
        <form method="post" action="/logout">${csrfField(signedIn.session)}<button type="submit" class="secondary">Sign out</button></form>
      </div>`
    : null;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Clara</title>
<link rel="stylesheet" href="/static/clara.css">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
${copyButtons ? html`<script src="/static/copy.js" defer></script>` : null}
</head>
<body>
<header class="bar">
  <a class="brand" href="/">Clara <span class="badge">Sandbox</span></a>
  ${who}
</header>
<main>
${main}
</main>
<footer>Clara sandbox: demo companies and data only.</footer>
</body>
</html>
`;
}

/** Answers with a page; signed-in pages are never stored by caches. */
export function send(ctx: Koa.Context, status: number, page: Html): void {
  ctx.status = status;
  ctx.type = "text/html; charset=utf-8";
  ctx.set("Cache-Control", "no-store");
  ctx.body = page.text;
}

/** A page that says one thing: a heading and a sentence, nothing else. */
export function sendMessage(ctx: Koa.Context, status: number, title: string, message: string, signedIn?: PageOptions["signedIn"]): void {
  send(ctx, status, layout({ title, signedIn, main: html`<h1>${title}</h1>\n<p class="message">${message}</p>` }));
}

/** 303 See Other: after a form, the browser fetches the next page with GET. */
export function seeOther(ctx: Koa.Context, location: string): void {
  ctx.redirect(location);
  ctx.status = 303;
}
