// An end-to-end stack for tests: the sandbox (in-memory SQLite) on loopback, the gateway in front of
// it on loopback, and real MCP SDK clients talking to the gateway over HTTP, of either era (clients.ts).
import { Writable } from "node:stream";
import type { ToolTable } from "../../generated/table.js";
import { table as claraTable } from "../../generated/tools.js";
import { createGateway, createLogger, type Gateway } from "../../src/gateway/index.js";
import type { Sealer } from "../../src/gateway/shared/seal.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/server.js";
import { createToken, revokeToken } from "../../src/sandbox/tokens/tokens.js";
import { connectClient, type Answering, type Era, type McpClient } from "./clients.js";

export { ERAS, type Era, type McpClient, type Answering } from "./clients.js";

export const TOKEN_HEADER = "clara-mcp-token";

export const USERS = {
  admin: "admin@acme.example",
  books: "books@acme.example",
  employee: "employee@acme.example",
  brasa: "admin@brasa.example",
  andes: "admin@andes.example",
} as const;

export interface StackOptions {
  /** When > 0, the sandbox answers lock changes with 202 and applies them this many ms later. */
  lockDelayMs?: number;
  /** The sandbox's and the gateway's "now" at start ("2026-11-20" or a Date); both clocks run on from there. */
  today?: string | Date;
  /** Transactions seeded (the sandbox's default when absent). */
  transactions?: number;
  /** How long the gateway may reuse a checked identity for tools/call (gateway default when absent). */
  identityTtlMs?: number;
  /** Another tool table for the gateway (default: generated/tools.ts). */
  table?: ToolTable;
  /** The protocol era of the clients `client()` makes (default 2025: the 1.x SDK client). */
  era?: Era;
  /** The gateway's answer budget, in characters (its default when absent). */
  answerBudget?: number;
  /** How long export download links work (the gateway's default when absent). */
  exportTtlMs?: number;
  /** The gateway's sealer (a random one when absent), for tests that make sealed values themselves. */
  sealer?: Sealer;
}

export interface ClientOptions {
  /** Which header carries the token (default Authorization: Bearer). */
  header?: "authorization" | typeof TOKEN_HEADER;
  name?: string;
  /** Another era than the stack's. */
  era?: Era;
  /** How the user answers when a write asks first (default: yes); "none" declares no elicitation at all. */
  answering?: Answering;
  /** Declares the MCP Apps extension, as a client that renders views does. */
  ui?: boolean;
}

export interface Stack {
  sandbox: Sandbox;
  gateway: Gateway;
  /** e.g. http://127.0.0.1:41234 */
  gatewayUrl: string;
  /** gatewayUrl + "/mcp" */
  mcpUrl: string;
  sandboxUrl: string;
  /** Every log line the gateway wrote, as text (JSON). */
  logs: string[];
  /** A fresh token for a demo user. */
  token(email: string): string;
  /** Revokes a token made by `token`. */
  revoke(token: string): void;
  /** The era of the clients `client()` makes. */
  era: Era;
  /** A connected MCP SDK client over Streamable HTTP, of the stack's era unless told otherwise. */
  client(token: string, opts?: ClientOptions): Promise<McpClient>;
  /** The sandbox's own REST answer, for comparison. */
  sandboxFetch(token: string, path: string): Promise<{ status: number; body: any }>;
  /** Stops the sandbox, leaving the gateway running. */
  stopUpstream(): Promise<void>;
  close(): Promise<void>;
}

function toDate(today: string | Date): Date {
  if (today instanceof Date) return today;
  // Midday UTC keeps the date the same in every American time zone.
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(today) ? `${today}T18:00:00Z` : today);
}

/** A stream that keeps every line written to it, e.g. a gateway's log. */
export function lineSink(lines: string[]): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n")) if (line) lines.push(line);
      done();
    },
  });
}

/** Demo-user tokens made in a sandbox's database, and their revocation. */
export function tokenBook(db: Sandbox["db"]): { token(email: string): string; revoke(token: string): void } {
  const ids = new Map<string, string>();
  return {
    token(email) {
      const made = createToken(db, email, "test");
      ids.set(made.token, made.id);
      return made.token;
    },
    revoke(token) {
      const id = ids.get(token);
      if (!id || !revokeToken(db, id)) throw new Error("no such token to revoke");
    },
  };
}

export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const sandbox = await startSandbox({
    dbFile: ":memory:",
    ...(opts.lockDelayMs !== undefined ? { lockDelayMs: opts.lockDelayMs } : {}),
    ...(opts.today !== undefined ? { today: toDate(opts.today) } : {}),
    ...(opts.transactions !== undefined ? { transactions: opts.transactions } : {}),
  });
  const logs: string[] = [];
  const sink = lineSink(logs);
  const gateway = await createGateway({
    table: opts.table ?? claraTable,
    upstreamUrl: sandbox.url,
    info: { name: "clara", version: "0.1.0" },
    realm: "clara",
    log: createLogger("info", sink),
    now: () => new Date(sandbox.now()),
    ...(opts.identityTtlMs !== undefined ? { identityTtlMs: opts.identityTtlMs } : {}),
    ...(opts.answerBudget !== undefined ? { answerBudget: opts.answerBudget } : {}),
    ...(opts.exportTtlMs !== undefined ? { exportTtlMs: opts.exportTtlMs } : {}),
    ...(opts.sealer ? { sealer: opts.sealer } : {}),
  });
  const gatewayUrl = await gateway.listen(0, "127.0.0.1");
  const mcpUrl = `${gatewayUrl}/mcp`;
  const tokens = tokenBook(sandbox.db);
  const clients: McpClient[] = [];
  let upstreamStopped = false;
  const era = opts.era ?? "2025";

  return {
    sandbox,
    gateway,
    gatewayUrl,
    mcpUrl,
    sandboxUrl: sandbox.url,
    logs,
    token: tokens.token,
    revoke: tokens.revoke,
    era,
    async client(token, clientOpts = {}) {
      const headers: Record<string, string> =
        clientOpts.header === TOKEN_HEADER ? { [TOKEN_HEADER]: token } : { authorization: `Bearer ${token}` };
      const client = await connectClient(mcpUrl, {
        era: clientOpts.era ?? era,
        headers,
        name: clientOpts.name ?? "test-client",
        answering: clientOpts.answering ?? "yes",
        ...(clientOpts.ui ? { ui: true } : {}),
      });
      clients.push(client);
      return client;
    },
    async sandboxFetch(token, path) {
      const response = await fetch(new URL(path, sandbox.url), { headers: { authorization: `Bearer ${token}` } });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    async stopUpstream() {
      if (upstreamStopped) return;
      upstreamStopped = true;
      await sandbox.close();
    },
    async close() {
      await Promise.allSettled(clients.map((client) => client.close()));
      await gateway.close();
      if (!upstreamStopped) await sandbox.close();
    },
  };
}
