// Reads the request body up to a limit and parses it as JSON. A body over the limit is answered 413 at
// once, and the connection is then closed so that the answer still reaches the client (see linger).
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import type { Middleware } from "koa";
import { HttpError, RpcCode } from "../jsonrpc/http-error.js";
import type { GatewayState } from "./state.js";

function tooLarge(limit: number): HttpError {
  return new HttpError(413, RpcCode.InvalidRequest, `Payload too large: the body limit is ${limit} bytes.`, {
    connection: "close",
  });
}

const CUT_SHORT = "Bad request: the body was cut short.";

/** After a 413, how much of the rest of the body is read and dropped, and for how long, before the socket goes. */
export const DRAIN = { bytes: 8 * 1024 * 1024, ms: 2_000 } as const;

/**
 * Node ends an answer sent with "Connection: close" by destroying the socket once it is flushed. The
 * client is often still sending the body then; closing a socket with unread bytes makes the kernel
 * send a reset, and a client that gets it before reading the answer sees EPIPE or ECONNRESET instead
 * of the 413. So this socket only half-closes after the answer (FIN), the rest of the body is read and
 * dropped, and the socket goes once the client is done, or past DRAIN's bytes or time.
 */
function linger(req: IncomingMessage): void {
  const socket = req.socket as Socket & { destroySoon?: () => void };
  if (socket.destroyed) return;
  let dropped = 0;
  const timer = setTimeout(() => socket.destroy(), DRAIN.ms);
  timer.unref();
  socket.once("close", () => clearTimeout(timer));
  socket.destroySoon = () => {
    if (socket.writable) socket.end();
  };
  req.on("data", (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > DRAIN.bytes) socket.destroy();
  });
  req.resume();
}

/** One body being read; its listeners are shared functions, so reading a body makes no closures. */
interface Reading {
  chunks: Buffer[];
  size: number;
  limit: number;
  resolve(text: string): void;
  reject(error: HttpError): void;
}

const READING = Symbol("reading");
type Readable = IncomingMessage & { [READING]?: Reading };

function stop(req: Readable): Reading | undefined {
  const reading = req[READING];
  req[READING] = undefined;
  req.off("data", onData);
  req.off("end", onEnd);
  req.off("error", onCut);
  req.off("close", onClose);
  return reading;
}

function onData(this: Readable, chunk: Buffer): void {
  const reading = this[READING];
  if (!reading) return;
  reading.size += chunk.length;
  if (reading.size > reading.limit) {
    // Stop keeping it; the rest is dropped and the connection closes after the answer.
    stop(this);
    linger(this);
    reading.reject(tooLarge(reading.limit));
    return;
  }
  reading.chunks.push(chunk);
}

function onEnd(this: Readable): void {
  const reading = stop(this);
  if (!reading) return;
  const { chunks } = reading;
  reading.resolve(chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks).toString("utf8"));
}

// The client went away mid-body: nobody is left to answer, and it is not the server's fault.
function onCut(this: Readable): void {
  stop(this)?.reject(new HttpError(400, RpcCode.InvalidRequest, CUT_SHORT));
}

function onClose(this: Readable): void {
  if (!this.complete) onCut.call(this);
}

/** The whole body, by events: an async iterator over the request costs more than the rest of the reading. */
function readBody(req: Readable, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    req[READING] = { chunks: [], size: 0, limit, resolve, reject };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onCut);
    req.on("close", onClose);
  });
}

export function jsonBody(limit: number): Middleware<GatewayState> {
  return async (ctx, next) => {
    const declared = Number(ctx.req.headers["content-length"]);
    if (declared > limit) {
      linger(ctx.req);
      throw tooLarge(limit);
    }
    const text = await readBody(ctx.req, limit);
    try {
      ctx.state.body = JSON.parse(text);
    } catch {
      throw new HttpError(400, RpcCode.ParseError, "Parse error: the body is not valid JSON.");
    }
    await next();
  };
}
