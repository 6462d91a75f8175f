// Reads the request body up to a limit and parses it as JSON.
import type { Middleware } from "koa";
import { HttpError, RpcCode } from "./http-error.js";
import type { GatewayState } from "./state.js";

function tooLarge(limit: number): HttpError {
  return new HttpError(413, RpcCode.InvalidRequest, `Payload too large: the body limit is ${limit} bytes.`, {
    connection: "close",
  });
}

export function jsonBody(limit: number): Middleware<GatewayState> {
  return async (ctx, next) => {
    const declared = Number(ctx.get("content-length"));
    if (declared > limit) throw tooLarge(limit);
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > limit) {
          // Stop reading; the connection closes once the answer is written.
          throw tooLarge(limit);
        }
        chunks.push(chunk);
      }
    } catch (error) {
      if (error instanceof HttpError) throw error;
      // The client went away mid-body: nobody is left to answer, and it is not the server's fault.
      throw new HttpError(400, RpcCode.InvalidRequest, "Bad request: the body was cut short.");
    }
    const text = chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks).toString("utf8");
    try {
      ctx.state.body = JSON.parse(text);
    } catch {
      throw new HttpError(400, RpcCode.ParseError, "Parse error: the body is not valid JSON.");
    }
    await next();
  };
}
