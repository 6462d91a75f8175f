// Reads the request body up to a limit and parses it as JSON.
import type { IncomingMessage } from "node:http";
import type { Middleware } from "koa";
import { HttpError, RpcCode } from "../jsonrpc/http-error.js";
import type { GatewayState } from "./state.js";

function tooLarge(limit: number): HttpError {
  return new HttpError(413, RpcCode.InvalidRequest, `Payload too large: the body limit is ${limit} bytes.`, {
    connection: "close",
  });
}

const CUT_SHORT = "Bad request: the body was cut short.";

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
    // Stop reading; the connection closes once the answer is written.
    stop(this);
    this.pause();
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
    if (declared > limit) throw tooLarge(limit);
    const text = await readBody(ctx.req, limit);
    try {
      ctx.state.body = JSON.parse(text);
    } catch {
      throw new HttpError(400, RpcCode.ParseError, "Parse error: the body is not valid JSON.");
    }
    await next();
  };
}
