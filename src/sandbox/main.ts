// npm run sandbox: the Clara sandbox on its own (SANDBOX_PORT, SANDBOX_DB, SANDBOX_LOCK_DELAY_MS,
// SANDBOX_DEMO_PASSWORD, CLARA_MCP_URL).
import { pino } from "pino";
import { startSandbox } from "./server.js";

const log = pino({ level: process.env.LOG_LEVEL ?? "info" });

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`${name} must be a non-negative integer, got ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return n;
}

const sandbox = await startSandbox({
  port: intFromEnv("SANDBOX_PORT", 4010),
  host: process.env.SANDBOX_HOST ?? "127.0.0.1",
  lockDelayMs: intFromEnv("SANDBOX_LOCK_DELAY_MS", 0),
  // The gateway npm start would run, unless CLARA_MCP_URL names another.
  mcpUrl: process.env.CLARA_MCP_URL || "http://127.0.0.1:3000/mcp",
  ...(process.env.SANDBOX_DEMO_PASSWORD ? { demoPassword: process.env.SANDBOX_DEMO_PASSWORD } : {}),
  onError: (err, requestId) => log.error({ err, requestId }, "unexpected error"),
});
console.log(`Clara sandbox listening on ${sandbox.url} (database ${process.env.SANDBOX_DB ?? ".data/sandbox.db"})`);
console.log(`Sign in: ${sandbox.url}/login as admin@acme.example, password ${process.env.SANDBOX_DEMO_PASSWORD ? "from SANDBOX_DEMO_PASSWORD" : "clara-demo"}`);
console.log(`Create a token: npm run tokens -- create --email admin@acme.example`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void sandbox.close().then(() => process.exit(0));
  });
}
