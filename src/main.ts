// npm start: the Clara MCP gateway, in front of the embedded sandbox unless CLARA_API_URL names a real API.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { z } from "zod";
import { table } from "../generated/tools.js";
import { connectShared, createGateway, createLogger, createSealer } from "./gateway/index.js";
import { openAudit, type Audit } from "./gateway/audit/trail.js";
import { connectText } from "./clients/setup.js";
import { parseRate } from "./gateway/http/limits.js";
import { compileOriginPolicy, localPolicy, parseList } from "./gateway/http/origin.js";
import { gracefulShutdown } from "./gateway/http/shutdown.js";
import { loadTls, type TlsMaterial } from "./gateway/http/tls.js";
import type { Sandbox, SandboxOptions } from "./sandbox/server.js";

// Who the demo sign-ins are, as npm start lists them (the sandbox's seed has the same people).
const DEMO_USERS: [email: string, who: string][] = [
  ["admin@acme.example", "Administrator, Acme Logística (Mexico)"],
  ["books@acme.example", "Bookkeeper, Acme Logística"],
  ["employee@acme.example", "Employee, Acme Logística: refused by design (403)"],
  ["admin@brasa.example", "Administrator, Brasa Comércio (Brazil)"],
  ["admin@andes.example", "Administrator, Andes Logística (Colombia)"],
];

// An empty variable counts as unset, so `PORT= npm start` means the default.
const unset = (value: unknown) => (value === "" ? undefined : value);
const port = (fallback: number) => z.preprocess(unset, z.coerce.number().int().min(0).max(65_535).default(fallback));
// Parsed by the module that uses the value, so the message says what form is expected.
const parsedBy = <T>(parse: (text: string) => T) =>
  z.string().transform((text, ctx) => {
    try {
      return parse(text);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
      return z.NEVER;
    }
  });
const rate = (fallback: string) => z.preprocess(unset, parsedBy(parseRate).default(parseRate(fallback)));
const hosts = parsedBy((text) => {
  const list = parseList(text);
  compileOriginPolicy({ hosts: list, origins: [] });
  return list;
});
const origins = parsedBy((text) => {
  const list = parseList(text);
  compileOriginPolicy({ hosts: [], origins: list });
  return list;
});
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1)$/;
// Never echoed in a message: they hold secrets (a Redis URL may carry a password).
const SECRET = new Set(["SANDBOX_DEMO_PASSWORD", "OAUTH_CLIENT_SECRET", "GATEWAY_SECRET", "REDIS_URL"]);

const Config = z.object({
  PORT: port(3000),
  HOST: z.preprocess(unset, z.string().min(1).default("127.0.0.1")),
  CLARA_API_URL: z.preprocess(unset, z.url({ protocol: /^https?$/ }).optional()),
  SANDBOX_DB: z.preprocess(unset, z.string().min(1).optional()),
  SANDBOX_PORT: port(4010),
  SANDBOX_LOCK_DELAY_MS: z.preprocess(unset, z.coerce.number().int().min(0).max(600_000).default(0)),
  SANDBOX_DEMO_PASSWORD: z.preprocess(unset, z.string().min(8, "use at least 8 characters").max(200).optional()),
  CLARA_MCP_URL: z.preprocess(unset, z.url({ protocol: /^https?$/ }).optional()),
  LOG_LEVEL: z.preprocess(unset, z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info")),
  ALLOWED_HOSTS: z.preprocess(unset, hosts.optional()),
  ALLOWED_ORIGINS: z.preprocess(unset, origins.default([...localPolicy.origins])),
  RATE_LIMIT_ADDRESS: rate("1200/60s"),
  RATE_LIMIT_TOKEN: rate("600/60s"),
  TRUST_PROXY: z.preprocess(unset, z.enum(["true", "false", "1", "0"]).default("false")).transform((value) => value === "true" || value === "1"),
  AUDIT_LOG: z.preprocess(unset, z.string().min(1).default("stdout")),
  UPSTREAM_TIMEOUT_MS: z.preprocess(unset, z.coerce.number().int().min(100).max(300_000).default(15_000)),
  UPSTREAM_RETRIES: z.preprocess(unset, z.coerce.number().int().min(0).max(10).default(2)),
  TLS_CERT_FILE: z.preprocess(unset, z.string().optional()),
  TLS_KEY_FILE: z.preprocess(unset, z.string().optional()),
  REDIS_URL: z.preprocess(unset, z.url({ protocol: /^rediss?$/, error: "expected redis://[user:password@]host:port[/db] or rediss://…" }).optional()),
  REDIS_PREFIX: z.preprocess(unset, z.string().regex(/^[A-Za-z0-9:_.-]{1,64}$/, "use 1–64 letters, digits or : _ . -, e.g. clara:mx:").default("clara:")),
  GATEWAY_SECRET: z.preprocess(unset, z.string().refine((text) => Buffer.byteLength(text) >= 32, "use at least 32 bytes, the same on every replica").optional()),
  IDENTITY_GRACE_MS: z.preprocess(unset, z.coerce.number().int().min(0).max(3_600_000).default(300_000)),
  OAUTH_ISSUER: z.preprocess(unset, z.url({ protocol: /^https?$/ }).optional()),
  OAUTH_CLIENT_ID: z.preprocess(unset, z.string().min(1).max(200).optional()),
  OAUTH_CLIENT_SECRET: z.preprocess(unset, z.string().min(16, "use at least 16 characters").max(500).optional()),
  OAUTH_API_RESOURCE: z.preprocess(unset, z.url().optional()),
  OAUTH_ACCESS_TOKEN_TTL: z.preprocess(unset, z.coerce.number().int().min(1).max(60).default(5)),
  OAUTH_CIMD_ALLOW_LOOPBACK_HTTP: z.preprocess(unset, z.enum(["1", "0", "true", "false"]).optional()).transform((value) => (value === undefined ? undefined : value === "1" || value === "true")),
  OAUTH_CLIENTS_FILE: z.preprocess(unset, z.string().min(1).optional()),
  ANSWER_BUDGET_CHARS: z.preprocess(unset, z.coerce.number().int().min(5_000).max(10_000_000).default(100_000)),
});

/** Settings that are only wrong together; checked on the raw values, so they are reported with the rest. */
function crossIssues(env: NodeJS.ProcessEnv): Array<{ name: string; message: string }> {
  const issues: Array<{ name: string; message: string }> = [];
  const host = env.HOST || "127.0.0.1";
  if (!env.ALLOWED_HOSTS && !LOOPBACK.test(host)) {
    issues.push({ name: "ALLOWED_HOSTS", message: `required when HOST (${host}) is not loopback: list the host names clients use, or * behind a proxy that checks Host` });
  }
  if (env.REDIS_URL && !env.GATEWAY_SECRET) {
    issues.push({ name: "GATEWAY_SECRET", message: "required when REDIS_URL is set: replicas must seal and open confirmations with the same secret (at least 32 bytes)" });
  }
  if (env.CLARA_API_URL && env.OAUTH_ISSUER) {
    for (const name of ["OAUTH_CLIENT_ID", "OAUTH_CLIENT_SECRET"]) {
      if (!env[name]) issues.push({ name, message: "required with OAUTH_ISSUER and CLARA_API_URL: the gateway's own client at the authorization server, for token exchange" });
    }
  }
  if (Boolean(env.TLS_CERT_FILE) !== Boolean(env.TLS_KEY_FILE)) {
    const [missing, given] = env.TLS_CERT_FILE ? ["TLS_KEY_FILE", "TLS_CERT_FILE"] : ["TLS_CERT_FILE", "TLS_KEY_FILE"];
    issues.push({ name: missing!, message: `required when ${given} is set` });
  }
  return issues;
}

function readConfig(env: NodeJS.ProcessEnv): z.infer<typeof Config> {
  const parsed = Config.safeParse(env);
  const cross = crossIssues(env);
  if (parsed.success && cross.length === 0) return parsed.data;
  const issues = [...(parsed.error?.issues.map((issue) => ({ name: String(issue.path[0] ?? "environment"), message: issue.message })) ?? []), ...cross];
  for (const { name, message } of issues) {
    // A secret is never echoed, even a wrong one.
    const value = SECRET.has(name) ? undefined : env[name];
    console.error(`Invalid ${name}${value === undefined ? "" : ` (${JSON.stringify(value.slice(0, 100))})`}: ${message}`);
  }
  process.exit(2);
}

const config = readConfig(process.env);
const log = createLogger(config.LOG_LEVEL);

/** Files named by the configuration, opened now so a wrong path stops start-up with its variable named. */
function openFiles(): { tls?: TlsMaterial; audit: Audit } {
  try {
    const tls = config.TLS_CERT_FILE && config.TLS_KEY_FILE ? loadTls({ certFile: config.TLS_CERT_FILE, keyFile: config.TLS_KEY_FILE }) : undefined;
    return { ...(tls ? { tls } : {}), audit: openAudit(config.AUDIT_LOG) };
  } catch (error) {
    console.error(`Invalid ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
}
const { tls, audit } = openFiles();

/** OAUTH_CLIENTS_FILE: a JSON array of client metadata (RFC 7591), registered by configuration. */
type Clients = NonNullable<NonNullable<SandboxOptions["oauth"]>["clients"]>;
function preRegisteredClients(): Clients {
  if (!config.OAUTH_CLIENTS_FILE) return [];
  try {
    const clients: unknown = JSON.parse(readFileSync(config.OAUTH_CLIENTS_FILE, "utf8"));
    if (!Array.isArray(clients) || !clients.every((c) => typeof c === "object" && c !== null && typeof c.client_id === "string")) throw new Error("not a JSON array of client metadata, each with a client_id");
    return clients as Clients;
  } catch (error) {
    console.error(`Invalid OAUTH_CLIENTS_FILE (${JSON.stringify(config.OAUTH_CLIENTS_FILE)}): ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
}

// The scopes of the MCP resource, in words, with the roles that have a tool needing each.
const scopes = (table.api.scopes ?? []).map(({ name, words }) => ({
  name,
  words,
  roles: [...new Set(table.tools.filter((tool) => tool.scope === name).flatMap((tool) => tool.roles))],
}));
// The embedded sandbox is the authorization server; its client for the gateway lives as long as this process.
const gatewayClient = { id: config.OAUTH_CLIENT_ID ?? "clara-mcp-gateway", secret: config.OAUTH_CLIENT_SECRET ?? randomBytes(32).toString("base64url") };
// Log rotation: the audit file is reopened on SIGHUP.
process.on("SIGHUP", () => audit.reopen());

let sandbox: Sandbox | undefined;
if (!config.CLARA_API_URL) {
  // Loaded only when embedded: a gateway in front of a real API never evaluates the sandbox's modules
  // (its authorization server among them), which keeps its start-up short.
  const { startSandbox } = await import("./sandbox/server.js");
  sandbox = await startSandbox({
    port: config.SANDBOX_PORT,
    host: "127.0.0.1",
    lockDelayMs: config.SANDBOX_LOCK_DELAY_MS,
    ...(config.SANDBOX_DB ? { dbFile: config.SANDBOX_DB } : {}),
    ...(config.SANDBOX_DEMO_PASSWORD ? { demoPassword: config.SANDBOX_DEMO_PASSWORD } : {}),
    ...(config.CLARA_MCP_URL ? { mcpUrl: config.CLARA_MCP_URL } : {}),
    oauth: {
      scopes,
      roles: table.api.roles,
      gateway: { clientId: gatewayClient.id, clientSecret: gatewayClient.secret },
      clients: preRegisteredClients(),
      ...(config.OAUTH_ISSUER ? { issuer: config.OAUTH_ISSUER } : {}),
      accessTokenTtlSeconds: config.OAUTH_ACCESS_TOKEN_TTL * 60,
      // Local clients (mcp-remote, the Inspector, tests) may publish their metadata on loopback http.
      allowLoopbackHttpClientIds: config.OAUTH_CIMD_ALLOW_LOOPBACK_HTTP ?? true,
      onRefusal: (event, detail) => log.info({ oauth: event, detail: detail.slice(0, 300) }, "oauth refusal"),
    },
    onError: (err, requestId) => log.error({ requestId, err: { message: err instanceof Error ? err.message : String(err) } }, "sandbox error"),
  });
}
const upstreamUrl = config.CLARA_API_URL ?? sandbox!.url;
// Replicas share Redis; without REDIS_URL everything stays in this process's memory.
const shared = config.REDIS_URL ? connectShared({ url: config.REDIS_URL, prefix: config.REDIS_PREFIX, log }) : undefined;
// OAuth: the embedded sandbox's authorization server, or the one OAUTH_ISSUER names in front of a real API.
const issuer = sandbox?.oauth?.issuer ?? config.OAUTH_ISSUER;

const gateway = await createGateway({
  table,
  upstreamUrl,
  info: { name: "clara", version: "0.1.0" },
  realm: "clara",
  log,
  origins: { hosts: config.ALLOWED_HOSTS ?? localPolicy.hosts, origins: config.ALLOWED_ORIGINS },
  rateLimits: { perAddress: config.RATE_LIMIT_ADDRESS, perToken: config.RATE_LIMIT_TOKEN, ...(shared ? { store: shared.limiterStore } : {}) },
  trustProxy: config.TRUST_PROXY,
  audit,
  identityGraceMs: config.IDENTITY_GRACE_MS,
  ...(config.GATEWAY_SECRET ? { sealer: createSealer(config.GATEWAY_SECRET) } : {}),
  ...(shared ? { store: shared.store, answers: shared.answers, redis: shared.redis, identities: shared.identities } : {}),
  resilience: { retry: { totalTimeoutMs: config.UPSTREAM_TIMEOUT_MS, retries: config.UPSTREAM_RETRIES } },
  answerBudget: config.ANSWER_BUDGET_CHARS,
  // Export download links start where clients reach the gateway: CLARA_MCP_URL without its /mcp, else what listen() prints.
  ...(config.CLARA_MCP_URL ? { publicUrl: new URL(".", config.CLARA_MCP_URL).href } : {}),
  ...(tls ? { tls } : {}),
  // The canonical MCP URL is CLARA_MCP_URL, else exactly the URL printed below.
  ...(issuer
    ? {
        oauth: {
          issuer,
          ...(config.CLARA_MCP_URL ? { resource: config.CLARA_MCP_URL } : {}),
          client: gatewayClient,
          ...((config.OAUTH_API_RESOURCE ?? sandbox?.oauth?.apiResource) ? { apiResource: (config.OAUTH_API_RESOURCE ?? sandbox?.oauth?.apiResource)! } : {}),
        },
      }
    : {}),
  personalTokenHelp:
    "This server takes Clara personal access tokens, not OAuth sign-in: create one in Clara under Settings → Integrations → Clara MCP and send it as \"Authorization: Bearer <token>\" (or \"clara-mcp-token: <token>\").",
});
const base = await gateway.listen(config.PORT, config.HOST);
// What clients are told to use: this gateway, unless CLARA_MCP_URL names its public address.
const mcpUrl = config.CLARA_MCP_URL ?? `${base}/mcp`;
sandbox?.setMcpUrl(mcpUrl);

// SIGTERM/SIGINT: stop accepting, let calls in flight finish, then close everything; gone within 10 s.
// Set before anything is printed: whoever reads the output may signal at once.
gracefulShutdown({
  servers: gateway.server ? [gateway.server] : [],
  timeoutMs: 10_000,
  close: async () => {
    await gateway.close();
    await shared?.close();
    await sandbox?.close();
    await audit.close();
  },
  log: (message, fields) => log.info(fields ?? {}, message),
});

const lines = [
  "",
  `Clara MCP gateway: ${base}/mcp${config.CLARA_MCP_URL ? `   (clients use ${config.CLARA_MCP_URL})` : ""}`,
  `Upstream: ${upstreamUrl}${sandbox ? " (embedded sandbox)" : ""}`,
  `Health: ${base}/healthz   Ready: ${base}/readyz`,
  `Shared state: ${shared ? `Redis, keys under ${config.REDIS_PREFIX}` : "this process's memory (set REDIS_URL and GATEWAY_SECRET to run replicas)"}`,
  issuer
    ? `OAuth: on (authorization server ${issuer}): ChatGPT, Claude.ai and other OAuth clients connect with the MCP URL alone`
    : "OAuth: off (no OAUTH_ISSUER): clients connect with personal access tokens",
];
if (sandbox) {
  // The demo password is printed only when it is the documented default, never one someone chose.
  const password = config.SANDBOX_DEMO_PASSWORD ? "the value of SANDBOX_DEMO_PASSWORD" : '"clara-demo" (SANDBOX_DEMO_PASSWORD changes it)';
  lines.push("", `Clara web sign-in: ${sandbox.url}/login   (Settings → Integrations → Clara MCP: generate, list and revoke tokens)`);
  lines.push(`Demo sign-ins, password ${password}:`);
  for (const [email, who] of DEMO_USERS) lines.push(`  ${email.padEnd(24)} ${who}`);
  const { createToken } = await import("./sandbox/tokens/tokens.js");
  const tokens = DEMO_USERS.map(([email]) => ({ email, token: createToken(sandbox!.db, email, "npm start").token }));
  lines.push("", "Demo tokens (fresh on every start; the employee is refused with 403 by design):");
  for (const { email, token } of tokens) lines.push(`  ${email.padEnd(24)} ${token}`);
  lines.push("", `Connect a client (as ${tokens[0]!.email}; use another token above to act as someone else):`, "");
  lines.push(connectText({ name: "clara", url: mcpUrl, token: tokens[0]!.token }));
} else {
  lines.push("", "Connect a client with your own Clara personal access token:", "");
  lines.push(connectText({ name: "clara", url: mcpUrl, token: "<your clara_pat_… token>" }));
}
process.stdout.write(`${lines.join("\n")}\n\n`);
// Hashing the demo password now, in the background, spares the first sign-in the wait.
sandbox?.web.applyDemoPassword().catch((err: unknown) => log.error({ err: { message: err instanceof Error ? err.message : String(err) } }, "demo password not applied"));

