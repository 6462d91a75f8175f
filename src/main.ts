// npm start: the Clara MCP gateway, in front of the embedded sandbox unless CLARA_API_URL names a real API.
import { z } from "zod";
import { table } from "../generated/tools.js";
import { createGateway, createLogger } from "./gateway/index.js";
import { connectText } from "./gateway/connect.js";
import { startSandbox, type Sandbox } from "./sandbox/server.js";
import { createToken } from "./sandbox/tokens.js";

const DEMO_USERS = ["admin@acme.example", "books@acme.example", "employee@acme.example", "admin@brasa.example"];
const TOKEN_HEADER = "clara-mcp-token";

// An empty variable counts as unset, so `PORT= npm start` means the default.
const unset = (value: unknown) => (value === "" ? undefined : value);
const port = (fallback: number) => z.preprocess(unset, z.coerce.number().int().min(0).max(65_535).default(fallback));

const Config = z.object({
  PORT: port(3000),
  HOST: z.preprocess(unset, z.string().min(1).default("127.0.0.1")),
  CLARA_API_URL: z.preprocess(unset, z.url({ protocol: /^https?$/ }).optional()),
  SANDBOX_DB: z.preprocess(unset, z.string().min(1).optional()),
  SANDBOX_PORT: port(4010),
  SANDBOX_LOCK_DELAY_MS: z.preprocess(unset, z.coerce.number().int().min(0).max(600_000).default(0)),
  LOG_LEVEL: z.preprocess(unset, z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info")),
});

function readConfig(env: NodeJS.ProcessEnv): z.infer<typeof Config> {
  const parsed = Config.safeParse(env);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const name = String(issue.path[0] ?? "environment");
    const value = env[name];
    console.error(`Invalid ${name}${value === undefined ? "" : ` (${JSON.stringify(value.slice(0, 100))})`}: ${issue.message}`);
  }
  process.exit(2);
}

const config = readConfig(process.env);
const log = createLogger(config.LOG_LEVEL);

let sandbox: Sandbox | undefined;
if (!config.CLARA_API_URL) {
  sandbox = await startSandbox({
    port: config.SANDBOX_PORT,
    host: "127.0.0.1",
    lockDelayMs: config.SANDBOX_LOCK_DELAY_MS,
    ...(config.SANDBOX_DB ? { dbFile: config.SANDBOX_DB } : {}),
    onError: (err, requestId) => log.error({ requestId, err: { message: err instanceof Error ? err.message : String(err) } }, "sandbox error"),
  });
}
const upstreamUrl = config.CLARA_API_URL ?? sandbox!.url;

const gateway = await createGateway({
  table,
  upstreamUrl,
  info: { name: "clara", version: "0.1.0" },
  tokenHeader: TOKEN_HEADER,
  realm: "clara",
  log,
});
const base = await gateway.listen(config.PORT, config.HOST);
const mcpUrl = `${base}/mcp`;

const lines = [
  "",
  `Clara MCP gateway: ${mcpUrl}`,
  `Upstream: ${upstreamUrl}${sandbox ? " (embedded sandbox)" : ""}`,
  `Health: ${base}/healthz   Ready: ${base}/readyz`,
];
if (sandbox) {
  const tokens = DEMO_USERS.map((email) => ({ email, token: createToken(sandbox!.db, email, "npm start").token }));
  lines.push("", "Demo tokens (fresh on every start; the employee is refused with 403 by design):");
  for (const { email, token } of tokens) lines.push(`  ${email.padEnd(24)} ${token}`);
  lines.push("", `Connect a client (as ${tokens[0]!.email}; use another token above to act as someone else):`, "");
  lines.push(connectText({ name: "clara", url: mcpUrl, token: tokens[0]!.token }));
} else {
  lines.push("", "Connect a client with your own Clara personal access token:", "");
  lines.push(connectText({ name: "clara", url: mcpUrl, token: "<your clara_pat_… token>" }));
}
process.stdout.write(`${lines.join("\n")}\n\n`);

let stopping = false;
async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "shutting down");
  // Whatever happens, the process is gone within 10 s.
  setTimeout(() => process.exit(1), 10_000).unref();
  await gateway.close();
  await sandbox?.close();
  process.exit(0);
}
process.once("SIGINT", (signal) => void stop(signal));
process.once("SIGTERM", (signal) => void stop(signal));
