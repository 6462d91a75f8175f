// A hardened end-to-end stack: sandbox ← (fault-injecting proxy) ← gateway with rate limits, audit
// and resilience settings of the test's choosing, logs and audit lines captured; SDK clients and raw
// HTTP in front. The plain stack is test/gateway/harness.ts; this one adds what issue 5 configures.
import { LATEST_PROTOCOL_VERSION } from "@modelcontextprotocol/sdk/types.js";
import { Pool } from "undici";
import { table } from "../../../generated/tools.js";
import { openAudit } from "../../../src/gateway/audit/trail.js";
import { createGateway, createLogger, type Gateway, type GatewayOptions } from "../../../src/gateway/index.js";
import { startSandbox, type Sandbox } from "../../../src/sandbox/server.js";
import { lineSink, tokenBook } from "../harness.js";
import { connectClient, type Answering, type Era, type McpClient } from "../clients.js";
import { startFaultyUpstream, type FaultyUpstream } from "../../fixtures/faulty-upstream.js";

export { USERS, TOKEN_HEADER, ERAS, type Era } from "../harness.js";

export const MODERN = "2026-07-28";

/** A JSON-RPC request as a 2026-07-28 client sends it: `_meta` in the body, the routing headers beside it. */
export function modern(body: { id?: unknown; method: string; params?: Record<string, any> }, capabilities: object = {}): { body: object; headers: Record<string, string> } {
  const params = body.params ?? {};
  const meta = { ...params._meta, "io.modelcontextprotocol/protocolVersion": MODERN, "io.modelcontextprotocol/clientCapabilities": capabilities, "io.modelcontextprotocol/clientInfo": { name: "raw", version: "1" } };
  const name = params.name ?? params.uri;
  const headers: Record<string, string> = { "mcp-protocol-version": MODERN, "mcp-method": body.method };
  if (typeof name === "string") headers["mcp-name"] = /^[\x20-\x7e]*$/.test(name) ? name : `=?base64?${Buffer.from(name).toString("base64")}?=`;
  return { body: { jsonrpc: "2.0", ...body, params: { ...params, _meta: meta } }, headers };
}

export interface HardenedOptions extends Partial<Omit<GatewayOptions, "upstreamUrl" | "log" | "audit">> {
  /** Put the fault-injecting proxy between the gateway and the sandbox. */
  faults?: boolean;
  transactions?: number;
  lockDelayMs?: number;
  /** The era of `client()` and `call()` (default 2025). */
  era?: Era;
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

export interface HardenedStack {
  sandbox: Sandbox;
  faulty?: FaultyUpstream;
  gateway: Gateway;
  mcpUrl: string;
  port: number;
  /** Every gateway log line (JSON text). */
  logs: string[];
  /** Every audit line (JSON text). */
  audit: string[];
  token(email: string): string;
  revoke(token: string): void;
  client(token: string, headers?: Record<string, string>, answering?: Answering): Promise<McpClient>;
  /** A raw POST /mcp with the usual MCP headers, any of which `headers` may override. */
  post(body: unknown, headers?: Record<string, string>, path?: string): Promise<RawAnswer>;
  readonly era: Era;
  /** A JSON-RPC tools/call over raw HTTP, as a client of the stack's era sends it. */
  call(token: string, name: string, args: unknown, id?: number | string): Promise<RawAnswer>;
  close(): Promise<void>;
}

export async function startHardened(opts: HardenedOptions = {}): Promise<HardenedStack> {
  const { faults, transactions, lockDelayMs, era = "2025", ...gatewayOptions } = opts;
  const sandbox = await startSandbox({
    dbFile: ":memory:",
    transactions: transactions ?? 300,
    ...(lockDelayMs !== undefined ? { lockDelayMs } : {}),
  });
  const faulty = faults ? await startFaultyUpstream({ target: sandbox.url }) : undefined;
  const logs: string[] = [];
  const audit: string[] = [];
  const gateway = await createGateway({
    table: gatewayOptions.table ?? table,
    upstreamUrl: faulty?.url ?? sandbox.url,
    info: { name: "clara", version: "0.1.0" },
    realm: "clara",
    log: createLogger("info", lineSink(logs)),
    ...gatewayOptions,
    audit: openAudit(lineSink(audit)),
  });
  const base = await gateway.listen(0, "127.0.0.1");
  const mcpUrl = `${base}/mcp`;
  const port = Number(new URL(base).port);
  const pool = new Pool(base, { connections: 8 });
  const tokens = tokenBook(sandbox.db);
  const clients: McpClient[] = [];

  async function post(body: unknown, headers: Record<string, string> = {}, path = "/mcp"): Promise<RawAnswer> {
    const answer = await pool.request({
      method: "POST",
      path,
      headers: {
        host: `127.0.0.1:${port}`,
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        "mcp-protocol-version": LATEST_PROTOCOL_VERSION,
        ...headers,
      },
      body: typeof body === "string" ? body : JSON.stringify(body),
      // A request left hanging fails the test here instead of at the test timeout.
      headersTimeout: 15_000,
      bodyTimeout: 15_000,
    });
    const text = await answer.body.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: answer.statusCode, headers: answer.headers, text, json };
  }

  return {
    sandbox,
    ...(faulty ? { faulty } : {}),
    gateway,
    mcpUrl,
    port,
    logs,
    audit,
    token: tokens.token,
    revoke: tokens.revoke,
    era,
    async client(token, headers = {}, answering = "yes") {
      const client = await connectClient(mcpUrl, { era, headers: { authorization: `Bearer ${token}`, ...headers }, name: "hardening-test", answering });
      clients.push(client);
      return client;
    },
    post,
    call(token, name, args, id = 1) {
      const request = { id, method: "tools/call", params: { name, arguments: args } };
      if (era === "2025") return post({ jsonrpc: "2.0", ...request }, { authorization: `Bearer ${token}` });
      const { body, headers } = modern(request);
      return post(body, { ...headers, authorization: `Bearer ${token}` });
    },
    async close() {
      await Promise.allSettled(clients.map((client) => client.close()));
      await pool.close();
      await gateway.close();
      await faulty?.close();
      await sandbox.close();
    },
  };
}
