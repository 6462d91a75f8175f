// Starts the real gateway on a given tool table, listening on loopback, configured as `npm start` does.
import type { ToolTable } from "../generated/table.js";
import { openAudit } from "../src/gateway/audit/trail.js";
import { createGateway, createLogger, type LogLevel } from "../src/gateway/index.js";

// Rate limiting stays on, so its cost is measured, with a rule no benchmark reaches.
const UNREACHED = { points: 1_000_000_000, durationSec: 60 };

export interface GatewayServerOptions {
  upstreamUrl: string;
  tableModule: string;
  identityModule?: string;
  load(module: string): Promise<Record<string, unknown>>;
}

export interface RunningGateway {
  url: string;
  tools: number;
  close(): Promise<void>;
}

/** A corpus table knows nothing of Clara's identity operation: borrow it from the Clara table. */
function withIdentity(table: ToolTable, identity: ToolTable): ToolTable {
  return {
    api: identity.api,
    tools: table.tools.map((tool) => ({ ...tool, roles: identity.api.roles })),
    operations: { ...table.operations, ...identity.operations },
  };
}

export async function serveGateway(table: ToolTable, upstreamUrl: string): Promise<RunningGateway> {
  // Logs and the audit trail stay on, as in `npm start` (their cost is the product's); the bench sends
  // stdout to /dev/null.
  const log = createLogger((process.env.LOG_LEVEL as LogLevel | undefined) ?? "info");
  const audit = openAudit(process.env.AUDIT_LOG ?? "stdout");
  const gateway = await createGateway({
    table,
    upstreamUrl,
    info: { name: "clara", version: "0.1.0" },
    realm: "clara",
    log,
    audit,
    rateLimits: { perAddress: UNREACHED, perToken: UNREACHED },
  });
  const base = await gateway.listen(0, "127.0.0.1");
  return {
    url: `${base}/mcp`,
    tools: table.tools.length,
    async close() {
      await gateway.close();
      await audit.close();
    },
  };
}

export async function startGatewayServer(opts: GatewayServerOptions): Promise<RunningGateway> {
  let table = (await opts.load(opts.tableModule)).table as ToolTable;
  if (opts.identityModule) table = withIdentity(table, (await opts.load(opts.identityModule)).table as ToolTable);
  return serveGateway(table, opts.upstreamUrl);
}
