// Starts the sandbox: opens (creating, migrating and seeding when empty) the database and serves
// the Clara API over HTTP, and Clara's web pages (sign-in, Settings → Integrations) on the same port.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { createApp } from "./http/app.js";
import { DEFAULT_DB_FILE, openDatabase, type Db } from "./db/db.js";
import type { LoggedRequest } from "./http/request-log.js";
import { isEmpty, seed, seedExpenses, seedMissingCompanies } from "./seed/seed.js";
import { lacksExpenses } from "./seed/expenses.js";
import { loadSpec, type ApiSpec } from "./http/spec.js";
import { createWeb, type ConnectedApps, type WebApp } from "./web/index.js";
import { createAuthorizationServer, oauthGrants, type AuthorizationServer, type OAuthOptions } from "./oauth/index.js";

export interface SandboxOptions {
  /** SQLite file (":memory:" for a private, throwaway one). Default SANDBOX_DB or .data/sandbox.db. */
  dbFile?: string;
  /** 0 picks any free port. Default 0. */
  port?: number;
  host?: string;
  /** When > 0, lock changes answer 202 and apply after this many ms. */
  lockDelayMs?: number;
  /** The sandbox's "now" at start (its clock runs on from there); data is seeded relative to it. */
  today?: Date;
  /** Transactions to seed when the database is empty. */
  transactions?: number;
  /** How many recent requests `requestLog` keeps (default 10,000). */
  requestLogLimit?: number;
  onError?(err: unknown, requestId: string): void;
  /** Every demo user's password for the web sign-in (default "clara-demo"). */
  demoPassword?: string;
  /** This deployment's MCP URL, shown on Settings → Integrations → Clara MCP (or set later with setMcpUrl). */
  mcpUrl?: string;
  /** The OAuth grants the Clara MCP page lists under "Connected apps" (none by default; the authorization server's with `oauth`). */
  connectedApps?: ConnectedApps;
  /** Be Clara's OAuth authorization server for MCP clients; its resource is the MCP URL (mcpUrl / setMcpUrl). */
  oauth?: OAuthOptions;
}

export interface Sandbox {
  url: string;
  port: number;
  db: Db;
  spec: ApiSpec;
  /** Requests received, oldest first, Authorization removed. */
  requestLog: LoggedRequest[];
  /** The sandbox's clock (ms). */
  now(): number;
  /** The web pages: who is signed in on a request, for pages other rooms add. */
  web: WebApp;
  /** Sets the MCP URL the Clara MCP page shows, and the OAuth resource: the gateway may start listening after the sandbox. */
  setMcpUrl(url: string): void;
  /** The authorization server, when started with `oauth`. */
  oauth: AuthorizationServer | undefined;
  close(): Promise<void>;
}

let cachedSpec: ApiSpec | undefined;

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const startedAt = Date.now();
  const offset = options.today ? options.today.getTime() - startedAt : 0;
  const now = (): number => Date.now() + offset;
  const db = openDatabase(options.dbFile ?? process.env.SANDBOX_DB ?? DEFAULT_DB_FILE);
  if (isEmpty(db)) seed(db, { now: now(), ...(options.transactions !== undefined ? { transactions: options.transactions } : {}) });
  else {
    // A database seeded by an older version gets what it lacks: expenses, then newer demo companies.
    if (lacksExpenses(db)) seedExpenses(db, now());
    seedMissingCompanies(db, now());
  }
  cachedSpec ??= loadSpec();
  const spec = cachedSpec;
  const requestLog: LoggedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const delayMs = options.lockDelayMs ?? 0;
  let mcpUrl = options.mcpUrl;
  const grants = options.oauth ? oauthGrants(db, options.oauth, () => mcpUrl, now) : undefined;
  const apps = options.connectedApps ?? grants;
  const web = createWeb({
    db,
    now,
    mcpUrl: () => mcpUrl,
    ...(options.demoPassword !== undefined ? { demoPassword: options.demoPassword } : {}),
    ...(apps ? { apps } : {}),
    ...(options.onError ? { onError: (err: unknown) => options.onError!(err, "web") } : {}),
  });
  // The authorization server needs the sandbox's URL, known once it listens; until then nothing is routed to it.
  let oauth: AuthorizationServer | undefined;
  const app = createApp({
    web: async (ctx, next) => (oauth ? oauth.middleware(ctx, () => web.middleware(ctx, next)) : web.middleware(ctx, next)),
    otherTokens: async (token) => oauth?.apiToken(token),
    db,
    spec,
    now,
    requestLog,
    requestLogLimit: options.requestLogLimit ?? 10_000,
    timers: {
      delayMs,
      later(apply) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          apply();
        }, delayMs);
        timers.add(timer);
      },
    },
    ...(options.onError ? { onError: options.onError } : {}),
  });
  const host = options.host ?? "127.0.0.1";
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(options.port ?? 0, host, () => resolve(s));
    s.once("error", reject);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  if (options.oauth) {
    oauth = createAuthorizationServer(options.oauth, {
      db,
      url,
      web,
      grants: grants!,
      mcpUrl: () => mcpUrl,
      now,
      ...(options.onError ? { onError: (err: unknown) => options.onError!(err, "oauth") } : {}),
    });
    // Cookies of the mounted provider are set through this app's context, so it signs them with the same keys.
    app.keys = oauth.cookieKeys;
  }
  let closed = false;
  return {
    url,
    oauth,
    port,
    db,
    spec,
    requestLog,
    now,
    web,
    setMcpUrl(url) {
      mcpUrl = url;
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      db.close();
    },
  };
}
