// JSON-RPC answers as the HTTP layer writes them, and what every 2026-07-28 result carries:
// `resultType`, and the server's identity in `_meta`. Lists answered many times are encoded once.
import type { Implementation } from "@modelcontextprotocol/sdk/types.js";
import type { RequestId } from "../jsonrpc/envelope.js";
import { RpcCode } from "../jsonrpc/http-error.js";
import { META } from "./eras.js";
import type { Answer } from "./tools.js";

export interface Reply {
  /** The JSON-RPC response as text, carrying the client's own id. */
  text: string;
  /** The same response already encoded, for results serialised once (a large tools/list costs no re-encoding). */
  bytes?: Buffer;
  /** The error code when the answer is a JSON-RPC error. */
  error?: number;
  /** The original error message when the client was given a generic one instead. */
  hidden?: string;
  /** True when a tools/call result says isError. */
  isError?: boolean;
  /** An HTTP status other than 200 (2026-07-28 answers an unknown method with 404). */
  status?: number;
  /** Headers the answer sets (the sealed Mcp-Session-Id of an initialize). */
  headers?: Record<string, string>;
  /** The answer as chunks to write one after the other (resources/read of an export); `text` is then empty. */
  stream?: AsyncIterable<string>;
}

/** A result encoded once: text and bytes of what follows `"result":`. */
export interface Encoded {
  text: string;
  bytes: Buffer;
}

const CLOSE = Buffer.from("}");

export function encode(result: object): Encoded {
  const text = JSON.stringify(result);
  return { text, bytes: Buffer.from(text, "utf8") };
}

export function encodedReply(id: RequestId, encoded: Encoded): Reply {
  const head = `{"jsonrpc":"2.0","id":${JSON.stringify(id)},"result":`;
  return { text: `${head}${encoded.text}}`, bytes: Buffer.concat([Buffer.from(head), encoded.bytes, CLOSE]) };
}

export function resultReply(id: RequestId, result: object): Reply {
  const text = JSON.stringify({ jsonrpc: "2.0", id, result });
  return (result as { isError?: unknown }).isError === true ? { text, isError: true } : { text };
}

export function errorReply(id: RequestId | null, code: number, message: string, data?: unknown): Reply {
  const error = data === undefined ? { code, message } : { code, message, data };
  return { text: JSON.stringify({ jsonrpc: "2.0", id, error }), error: code };
}

/** An answer as a reply; whatever went wrong inside is logged by the caller, never shown. */
export function answerReply(id: RequestId, answer: Answer, stamp?: (result: Record<string, unknown>) => Record<string, unknown>): Reply {
  if ("result" in answer) return resultReply(id, stamp ? stamp(answer.result) : answer.result);
  const { code, message, data } = answer.error;
  const reply = errorReply(id, code, code === RpcCode.InternalError ? "Internal error" : message, data);
  return answer.hidden ? { ...reply, hidden: answer.hidden } : reply;
}

/** Stamps a 2026-07-28 result: `resultType` ("complete" unless it asks for input) and serverInfo. */
export function modernStamp(info: Implementation): (result: Record<string, unknown>) => Record<string, unknown> {
  return (result) => {
    const meta = result._meta as Record<string, unknown> | undefined;
    return {
      ...result,
      resultType: result.resultType ?? "complete",
      _meta: { ...meta, [META.serverInfo]: info },
    };
  };
}
