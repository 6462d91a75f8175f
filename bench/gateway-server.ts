// Starts the real gateway on a given tool table, listening on loopback.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { ToolTable } from "../generated/table.js";

export interface GatewayServerOptions {
  upstreamUrl: string;
  tableModule: string;
  identityModule?: string;
  load(module: string): Promise<Record<string, unknown>>;
}

type GatewayFactory = (opts: { table: ToolTable; upstreamUrl: string }) => unknown;

/** A corpus table knows nothing of Clara's identity operation: borrow it from the Clara table. */
function withIdentity(table: ToolTable, identity: ToolTable): ToolTable {
  return {
    api: identity.api,
    tools: table.tools.map((tool) => ({ ...tool, roles: identity.api.roles })),
    operations: { ...table.operations, ...identity.operations },
  };
}

export async function startGatewayServer(opts: GatewayServerOptions): Promise<{ url: string; tools: number; close(): Promise<void> }> {
  let table = (await opts.load(opts.tableModule)).table as ToolTable;
  if (opts.identityModule) table = withIdentity(table, (await opts.load(opts.identityModule)).table as ToolTable);
  const gateway = (await opts.load("src/gateway/index.ts")) as { createGateway: GatewayFactory };
  const made = (await gateway.createGateway({ table, upstreamUrl: opts.upstreamUrl })) as
    | Server
    | { callback(): Parameters<typeof createServer>[1]; close?(): Promise<void> };
  const server = "callback" in made ? createServer(made.callback()) : made;
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/mcp`,
    tools: table.tools.length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
