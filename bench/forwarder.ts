// The floor: the least any MCP gateway must do for a tools/call — read the JSON-RPC request, make the
// REST call over a keep-alive pool, wrap the answer in a JSON-RPC result. No auth, validation or SDK.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Pool } from "undici";

type Route = (args: Record<string, unknown>) => string;

// The two tools the bench compares, mapped by hand to their REST paths.
const routes: Record<string, Route> = {
  get_card: (args) => `/api/v3/cards/${encodeURIComponent(String(args.card ?? ""))}`,
  list_cards: () => "/api/v3/cards?page=1&size=100",
};

interface RpcRequest {
  id?: unknown;
  method?: unknown;
  params?: { name?: unknown; arguments?: Record<string, unknown> };
}

function rpcError(id: unknown, code: number, message: string): string {
  return JSON.stringify({ jsonrpc: "2.0", id: id ?? null, error: { code, message } });
}

export function createForwarder(upstreamUrl: string): { server: Server; pool: Pool } {
  const pool = new Pool(upstreamUrl, { connections: 64, keepAliveTimeout: 60_000, pipelining: 1 });

  async function answer(raw: string, authorization: string | undefined): Promise<string> {
    let request: RpcRequest;
    try {
      request = JSON.parse(raw) as RpcRequest;
    } catch {
      return rpcError(null, -32700, "Parse error");
    }
    const route = request.method === "tools/call" ? routes[String(request.params?.name)] : undefined;
    if (!route) return rpcError(request.id, -32601, "Unknown method or tool");
    const upstream = await pool.request({
      method: "GET",
      path: route(request.params?.arguments ?? {}),
      headers: authorization ? { authorization } : {},
    });
    const text = await upstream.body.text();
    // Structured content is part of the minimum: a tool result carries the parsed answer, not only text.
    const result = { content: [{ type: "text", text }], structuredContent: JSON.parse(text) as unknown, isError: upstream.statusCode >= 400 };
    return JSON.stringify({ jsonrpc: "2.0", id: request.id, result });
  }

  const server = createServer({ keepAlive: true, keepAliveTimeout: 60_000 }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      answer(Buffer.concat(chunks).toString("utf8"), req.headers.authorization).then(
        (body) => {
          res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
          res.end(body);
        },
        () => {
          res.writeHead(502).end();
        },
      );
    });
  });
  server.keepAliveTimeout = 60_000;
  return { server, pool };
}

export async function startForwarder(upstreamUrl: string, port = 0, host = "127.0.0.1"): Promise<{ url: string; close(): Promise<void> }> {
  const { server, pool } = createForwarder(upstreamUrl);
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}/mcp`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.close();
    },
  };
}
