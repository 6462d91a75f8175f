// The peer the gateway is compared with: @ivotoby/openapi-mcp-server, another OpenAPI-to-MCP server,
// run on the same Clara spec against the same fixture, over its Streamable HTTP transport (sessionful:
// one initialize, then every call carries its Mcp-Session-Id), with the personal token as a static header.
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";

export interface Peer {
  pid: number;
  url: string;
  /** Headers every call carries (its session included). */
  headers: Record<string, string>;
  /** The peer's name for an operation's tool. */
  toolFor(operationId: string): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

async function post(url: string, headers: Record<string, string>, body: object): Promise<{ headers: Headers; json: any }> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers }, body: JSON.stringify(body) });
  const text = await response.text();
  // Its answers come as JSON or as one SSE event.
  const data = text.startsWith("{") ? text : (text.split("\n").find((line) => line.startsWith("data:"))?.slice(5) ?? "null");
  return { headers: response.headers, json: JSON.parse(data) };
}

export async function startPeer(upstreamUrl: string, token: string): Promise<Peer> {
  const bin = join(dirname(createRequire(import.meta.url).resolve("@ivotoby/openapi-mcp-server/package.json")), "bin/mcp-server.js");
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [bin, "--api-base-url", upstreamUrl, "--openapi-spec", "spec/clara.openapi.yaml", "--headers", `Authorization:Bearer ${token}`, "--transport", "http", "--port", String(port), "--host", "127.0.0.1", "--disable-abbreviation"],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}/mcp`;
  let init: Awaited<ReturnType<typeof post>> | undefined;
  for (let tries = 0; !init && tries < 200; tries++) {
    if (child.exitCode !== null) throw new Error(`peer exited (${child.exitCode}):\n${stderr}`);
    try {
      init = await post(url, {}, { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "bench", version: "1" } } });
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  if (!init) throw new Error(`peer never answered:\n${stderr}`);
  const session = init.headers.get("mcp-session-id");
  if (!session) throw new Error(`peer gave no session: ${JSON.stringify(init.json)}`);
  const headers = { "mcp-session-id": session, "mcp-protocol-version": init.json.result.protocolVersion as string };
  await fetch(url, { method: "POST", headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers }, body: JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }) });
  const listed = await post(url, headers, { jsonrpc: "2.0", id: 2, method: "tools/list" });
  const names: string[] = (listed.json?.result?.tools ?? []).map((tool: { name: string }) => tool.name);
  return {
    pid: child.pid!,
    url,
    headers,
    toolFor(operationId) {
      const wanted = operationId.toLowerCase();
      const name = names.find((one) => one.toLowerCase().replace(/[^a-z0-9]/g, "") === wanted);
      if (!name) throw new Error(`the peer has no tool for ${operationId} (it has: ${names.join(", ")})`);
      return name;
    },
    stop() {
      return new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      });
    },
  };
}

export interface PeerLoad {
  requests: number;
  errors: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  firstError?: string;
}

/**
 * The peer answers a tools/call POST with 202 and sends the result down the session's GET event
 * stream, so a plain HTTP load driver cannot drive it: each of `connections` workers has its own
 * session and stream, and waits for its answer there before sending the next call.
 */
export async function loadPeer(peer: Peer, token: string, body: (id: number) => string, verify: (text: string) => boolean, connections: number, durationMs: number): Promise<PeerLoad> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let deadline = 0;
  let started = 0;
  async function worker(): Promise<void> {
    const init = await post(peer.url, {}, { jsonrpc: "2.0", id: 0, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "bench", version: "1" } } });
    const headers = { "mcp-session-id": init.headers.get("mcp-session-id")!, "mcp-protocol-version": init.json.result.protocolVersion as string, authorization: `Bearer ${token}` };
    // Its stream sends no headers before its first event: read it without waiting for them here.
    const opened = fetch(peer.url, { headers: { accept: "text/event-stream", ...headers } });
    let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
    const decoder = new TextDecoder();
    let buffered = "";
    const waiting = new Map<number, (text: string) => void>();
    void (async () => {
      reader = (await opened).body!.getReader();
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        buffered += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffered.indexOf("\n\n")) >= 0) {
          const event = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const data = event.split("\n").find((line) => line.startsWith("data:"))?.slice(5).trim();
          if (!data) continue;
          const id = (JSON.parse(data) as { id?: number }).id;
          if (typeof id === "number") waiting.get(id)?.(data);
        }
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (let id = 1; performance.now() < deadline; id++) {
      const begin = performance.now();
      const answered = new Promise<string>((resolve) => waiting.set(id, resolve));
      const sent = await fetch(peer.url, { method: "POST", headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers }, body: body(id) });
      const direct = await sent.text();
      const text = sent.status === 202 ? await answered : direct;
      waiting.delete(id);
      latencies.push(performance.now() - begin);
      if (!verify(text)) {
        errors++;
        firstError ??= `HTTP ${sent.status}: ${text.slice(0, 200)}`;
      }
    }
    await reader?.cancel().catch(() => {});
  }
  // Sessions and streams are set up (150 ms) before the clock starts.
  started = performance.now() + 150;
  deadline = started + durationMs;
  await Promise.all(Array.from({ length: connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { requests: latencies.length, errors, rps: latencies.length / seconds, p50Ms: at(0.5), p99Ms: at(0.99), ...(firstError ? { firstError } : {}) };
}
