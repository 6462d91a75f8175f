// A fault-injecting upstream for tests: passes requests through to a real upstream (or answers a
// small JSON body) unless a fault is queued for them: slow answers, hangs, dropped connections,
// error statuses with or without Retry-After, garbage or truncated bodies.
import { Agent, createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export type Fault =
  /** Waits, then answers normally. */
  | { kind: "delay"; ms: number }
  /** Never answers; the connection stays open until the client gives up or the upstream closes. */
  | { kind: "hang" }
  /** Closes the connection without any answer; the request never reaches the real upstream. */
  | { kind: "drop" }
  /** Passes the request on (so a write is applied), then closes the connection instead of answering. */
  | { kind: "drop-after-forward" }
  | { kind: "status"; status: number; retryAfter?: string; body?: string }
  /** 200 application/json whose body is not JSON. */
  | { kind: "garbage" }
  /** Starts a 200 answer, then cuts the connection mid-body. */
  | { kind: "truncate" };

export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The fault applied, if any. */
  fault?: Fault["kind"];
}

export interface RequestMatch {
  method?: string;
  /** Matched against the path (query included). */
  path?: RegExp;
}

export interface FaultyUpstream {
  url: string;
  requests: SeenRequest[];
  /** Queues faults for the next requests that match, one per request, in order. */
  inject(match: RequestMatch, ...faults: Fault[]): void;
  /** A fault for every matching request until cleared with null (e.g. the upstream is down). */
  always(match: RequestMatch, fault: Fault | null): void;
  /** Faults still queued. */
  pending(): number;
  close(): Promise<void>;
}

export interface FaultyUpstreamOptions {
  /** Where requests without a fault go; without it, a small JSON answer. */
  target?: string;
}

function matches(match: RequestMatch, method: string, path: string): boolean {
  return (!match.method || match.method.toUpperCase() === method) && (!match.path || match.path.test(path));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

export async function startFaultyUpstream(options: FaultyUpstreamOptions = {}): Promise<FaultyUpstream> {
  const queue: Array<{ match: RequestMatch; fault: Fault }> = [];
  const standing: Array<{ match: RequestMatch; fault: Fault }> = [];
  const requests: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const agent = new Agent({ keepAlive: true });
  const target = options.target ? new URL(options.target) : undefined;

  function forward(seen: SeenRequest): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
    if (!target) {
      const body = Buffer.from(JSON.stringify({ ok: true, method: seen.method, path: seen.path }));
      return Promise.resolve({ status: 200, headers: { "content-type": "application/json", "x-request-id": `req_${requests.length}` }, body });
    }
    return new Promise((resolve, reject) => {
      const headers = { ...seen.headers, host: target.host };
      const outgoing = httpRequest(
        { agent, hostname: target.hostname, port: target.port, method: seen.method, path: seen.path, headers },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on("data", (chunk: Buffer) => chunks.push(chunk));
          answer.on("end", () => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: Buffer.concat(chunks) }));
          answer.on("error", reject);
        },
      );
      outgoing.on("error", reject);
      outgoing.end(seen.body.length > 0 ? seen.body : undefined);
    });
  }

  async function answer(seen: SeenRequest, response: ServerResponse): Promise<void> {
    const forwarded = await forward(seen);
    const headers = { ...forwarded.headers };
    delete headers["transfer-encoding"];
    delete headers.connection;
    delete headers["keep-alive"];
    headers["content-length"] = String(forwarded.body.length);
    response.writeHead(forwarded.status, headers);
    response.end(forwarded.body);
  }

  function takeFault(method: string, path: string): Fault | undefined {
    const index = queue.findIndex((entry) => matches(entry.match, method, path));
    if (index >= 0) return queue.splice(index, 1)[0]?.fault;
    return standing.find((entry) => matches(entry.match, method, path))?.fault;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? "GET";
    const path = request.url ?? "/";
    const body = await readBody(request);
    const fault = takeFault(method, path);
    const seen: SeenRequest = { method, path, headers: request.headers, body, ...(fault ? { fault: fault.kind } : {}) };
    requests.push(seen);
    switch (fault?.kind) {
      case undefined:
        return answer(seen, response);
      case "delay": {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            timers.delete(timer);
            resolve();
          }, fault.ms);
          timers.add(timer);
        });
        if (response.destroyed) return;
        return answer(seen, response);
      }
      case "hang":
        return;
      case "drop":
        request.socket.destroy();
        return;
      case "drop-after-forward":
        await forward(seen);
        request.socket.destroy();
        return;
      case "status": {
        const text = fault.body ?? JSON.stringify({ error: { code: "FAULT", message: `injected ${fault.status}`, requestId: "req_fault" } });
        response.writeHead(fault.status, {
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(text)),
          ...(fault.retryAfter === undefined ? {} : { "retry-after": fault.retryAfter }),
        });
        response.end(text);
        return;
      }
      case "garbage": {
        const text = "<html>502 Bad Gateway</html>{not json";
        response.writeHead(200, { "content-type": "application/json", "content-length": String(text.length) });
        response.end(text);
        return;
      }
      case "truncate":
        response.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
        response.write('{"data": [');
        setImmediate(() => request.socket.destroy());
        return;
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) {
        response.writeHead(502, { "content-type": "application/json" });
        response.end('{"error":{"code":"PROXY","message":"target unreachable","requestId":"req_proxy"}}');
      } else response.destroy();
    });
  });
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    inject(match, ...faults) {
      for (const fault of faults) queue.push({ match, fault });
    },
    always(match, fault) {
      const key = JSON.stringify({ method: match.method, path: match.path?.source });
      const index = standing.findIndex((entry) => JSON.stringify({ method: entry.match.method, path: entry.match.path?.source }) === key);
      if (index >= 0) standing.splice(index, 1);
      if (fault) standing.push({ match, fault });
    },
    pending: () => queue.length,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      agent.destroy();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
