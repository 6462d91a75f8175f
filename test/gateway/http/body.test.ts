// A body over the limit: the 413 reaches the client every time, on a fresh connection, through fetch,
// and on a kept-alive connection that already carried a request; the client never sees EPIPE or a reset.
import { Agent as HttpAgent, request as httpRequest } from "node:http";
import { Readable } from "node:stream";
import { connect } from "node:net";
import { Pool } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { table } from "../../../generated/tools.js";
import { createGateway, createLogger, type Gateway } from "../../../src/gateway/index.js";

const BIG = 6 * 1024 * 1024;
const TRIES = 10;
const body = Buffer.alloc(BIG, "x");

let gateway: Gateway;
let url: string;

beforeAll(async () => {
  // Nothing answers at the upstream: a 413 comes before anyone asks it.
  gateway = await createGateway({ table, upstreamUrl: "http://127.0.0.1:9", log: createLogger("silent") });
  url = await gateway.listen(0, "127.0.0.1");
});
afterAll(() => gateway.close());

const headers = { "content-type": "application/json", accept: "application/json, text/event-stream" };

interface Seen {
  status?: number;
  text: string;
  connection?: string;
  errors: string[];
}

/** The body in 64 KB pieces, for clients that take a stream. */
const pieces = () => Readable.from((function* () {
  for (let at = 0; at < BIG; at += 64 * 1024) yield body.subarray(at, at + 64 * 1024);
})());

function expect413(answer: Seen): void {
  expect(answer.errors).toEqual([]);
  expect(answer.status).toBe(413);
  expect(answer.connection).toBe("close");
  expect(JSON.parse(answer.text)).toMatchObject({ jsonrpc: "2.0", error: { code: -32600, message: expect.stringContaining("limit") } });
}

/**
 * node:http (on a connection of its own unless `agent` keeps one), the whole body written as the client would. Resolves once the
 * request is closed, with every error the client saw on the way, even after the answer came.
 */
function upload(chunked: boolean, agent: HttpAgent | false = false): Promise<Seen> {
  return new Promise((resolve) => {
    const seen: Seen = { text: "", errors: [] };
    const outgoing = httpRequest(`${url}/mcp`, {
      method: "POST",
      agent,
      headers: { ...headers, ...(chunked ? {} : { "content-length": String(BIG) }) },
    });
    outgoing.on("error", (error: NodeJS.ErrnoException) => seen.errors.push(error.code ?? error.message));
    outgoing.on("response", (response) => {
      seen.status = response.statusCode!;
      seen.connection = response.headers.connection;
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (seen.text += chunk));
      response.on("error", (error: NodeJS.ErrnoException) => seen.errors.push(error.code ?? error.message));
    });
    outgoing.on("close", () => resolve(seen));
    // In pieces, as a real upload goes, so the answer can come while the body is still on its way.
    for (let at = 0; at < BIG; at += 64 * 1024) outgoing.write(body.subarray(at, at + 64 * 1024));
    outgoing.end();
  });
}

describe("413: a body over the limit", () => {
  // Each try sends a few at once, as a loaded server sees them: one at a time, loopback hides the race.
  it(`reaches the client on a fresh connection, declared length and chunked, ${TRIES} tries each`, async () => {
    for (const chunked of [false, true]) {
      for (let i = 0; i < TRIES; i++) {
        for (const answer of await Promise.all([upload(chunked), upload(chunked), upload(chunked)])) expect413(answer);
      }
    }
  });

  it(`reaches fetch, ${TRIES} tries`, async () => {
    const one = async (streamed: boolean) => {
      const init = streamed ? { body: pieces(), duplex: "half" } : { body };
      const answer = await fetch(`${url}/mcp`, { method: "POST", headers, ...init } as RequestInit);
      expect(answer.status).toBe(413);
      expect(((await answer.json()) as { error: { code: number } }).error.code).toBe(-32600);
    };
    for (let i = 0; i < TRIES; i++) await Promise.all([one(false), one(true), one(false)]);
  });

  it(`reaches the client on a kept-alive connection that already carried a request, ${TRIES} tries`, async () => {
    const errors: string[] = [];
    const one = async () => {
      const pool = new Pool(url, { connections: 1, pipelining: 1 });
      // The client's own view of the connection: a reset or a broken pipe shows here even after the answer.
      pool.on("disconnect", (_origin, _targets, error) => {
        const code = (error as NodeJS.ErrnoException).code ?? "";
        if (/EPIPE|ECONNRESET/.test(`${code} ${error.message}`)) errors.push(code || error.message);
      });
      try {
        const first = await pool.request({ method: "GET", path: "/healthz" });
        expect(first.statusCode).toBe(200);
        await first.body.text();
        const second = await pool.request({ method: "POST", path: "/mcp", headers, body: pieces() });
        expect(second.statusCode).toBe(413);
        expect(second.headers.connection).toBe("close");
        expect(JSON.parse(await second.body.text())).toMatchObject({ error: { code: -32600 } });
      } finally {
        await pool.close();
      }
    };
    // node:http with a keep-alive agent: the same socket carries a small request, then the big one.
    const reused = async () => {
      const agent = new HttpAgent({ keepAlive: true, maxSockets: 1 });
      try {
        const sockets = new Set<unknown>();
        const first = await new Promise<number>((resolve, reject) => {
          const small = httpRequest(`${url}/healthz`, { agent }, (response) => {
            response.resume();
            response.on("end", () => resolve(response.statusCode!));
          });
          small.on("socket", (socket) => sockets.add(socket));
          small.on("error", reject);
          small.end();
        });
        expect(first).toBe(200);
        const big = upload(false, agent);
        expect413(await big);
        expect(sockets.size).toBe(1);
      } finally {
        agent.destroy();
      }
    };
    for (let i = 0; i < TRIES; i++) await Promise.all([one(), one(), reused(), reused()]);
    expect(errors).toEqual([]);
  });

  it("a client that keeps sending past the drain bound is cut off, not waited for", async () => {
    // A raw socket that declares far more than the bound and trickles: the gateway answers, then closes.
    const { port } = new URL(url);
    const socket = connect(Number(port), "127.0.0.1");
    let received = "";
    socket.on("data", (chunk: Buffer) => (received += chunk.toString("latin1")));
    socket.on("error", () => {});
    socket.write(`POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${100 * BIG}\r\n\r\n`);
    const trickle = setInterval(() => socket.writable && socket.write("x".repeat(1024)), 50);
    const started = Date.now();
    await new Promise<void>((resolve) => socket.once("close", () => resolve()));
    clearInterval(trickle);
    expect(received).toMatch(/^HTTP\/1\.1 413 /);
    expect(received.toLowerCase()).toContain("connection: close");
    // The bound is 2 s of draining; a closing well past it means nothing bounds it.
    expect(Date.now() - started).toBeLessThan(6_000);
  });
});
