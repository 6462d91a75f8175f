// Reads the request body up to a limit and parses it as JSON.
import type { IncomingMessage } from "node:http";
import type { Middleware } from "koa";
import { HttpError, RpcCode } from "./http-error.js";
import type { GatewayState } from "./state.js";

function tooLarge(limit: number): HttpError {
  return new HttpError(413, RpcCode.InvalidRequest, `Payload too large: the body limit is ${limit} bytes.`, {
    connection: "close",
  });
}

const CUT_SHORT = "Bad request: the body was cut short.";

/** The whole body, by events: an async iterator over the request costs more than the rest of the reading. */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onCut);
      req.off("close", onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop reading; the connection closes once the answer is written.
        done();
        req.pause();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      done();
      resolve(chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks).toString("utf8"));
    };
    // The client went away mid-body: nobody is left to answer, and it is not the server's fault.
    const onCut = () => {
      done();
      reject(new HttpError(400, RpcCode.InvalidRequest, CUT_SHORT));
    };
    const onClose = () => {
      if (!req.complete) onCut();
    };
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
