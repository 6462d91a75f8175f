// One long-lived transport in front of one long-lived MCP Server: each HTTP request hands its
// JSON-RPC request over and waits for the matching answer. Ids are remapped because ids from
// different clients collide on a shared Server.
import type { AuthInfo } from "@modelcontextprotocol/sdk/server/auth/types.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { JSONRPCMessage, MessageExtraInfo } from "@modelcontextprotocol/sdk/types.js";
import type { RequestId, RpcRequest } from "../jsonrpc/envelope.js";
import { RpcCode } from "../jsonrpc/http-error.js";

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
}

const CLOSE = Buffer.from("}");

interface Pending {
  id: RequestId;
  resolve: (reply: Reply) => void;
}

export class DispatchTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: <T extends JSONRPCMessage>(message: T, extra?: MessageExtraInfo) => void;

  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly serialised = new WeakMap<object, { text: string; bytes: Buffer }>();
  private closed = false;

  async start(): Promise<void> {}

  /** Results answered many times (tools/list per role) are serialised once, here. */
  preserialise(result: object): void {
    const text = JSON.stringify(result);
    this.serialised.set(result, { text, bytes: Buffer.from(text, "utf8") });
  }

  /**
   * Hands the request to the Server. `watch` is given a function that cancels it (the handler's
   * signal aborts, the answer becomes a cancellation), for when nobody is left to read the answer.
   */
  dispatch(request: RpcRequest, authInfo: AuthInfo, watch?: (cancel: () => void) => void): Promise<Reply> {
    if (this.closed || !this.onmessage) {
      return Promise.resolve(errorReply(request.id, RpcCode.InternalError, "Server is shutting down"));
    }
    const internal = this.nextId++;
    const onmessage = this.onmessage;
    const answer = new Promise<Reply>((resolve) => {
      this.pending.set(internal, { id: request.id, resolve });
      const message: JSONRPCMessage = { jsonrpc: "2.0", id: internal, method: request.method };
      if (request.params) message.params = request.params;
      onmessage(message, { authInfo });
    });
    watch?.(() => this.cancel(internal));
    return answer;
  }

  /** The Server aborts the handler's own signal and drops its answer, so the request is answered here. */
  private cancel(internal: number): void {
    const pending = this.pending.get(internal);
    if (!pending || !this.onmessage) return;
    this.pending.delete(internal);
    pending.resolve(errorReply(pending.id, RpcCode.ServerError, "Request cancelled: the client went away"));
    this.onmessage({ jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: internal, reason: "client went away" } });
  }

  async send(message: JSONRPCMessage): Promise<void> {
    // Only answers to dispatched requests go anywhere: a stateless client has no stream for anything else.
    if (!("id" in message) || typeof message.id !== "number" || "method" in message) return;
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if ("result" in message) {
      const result = message.result as Record<string, unknown>;
      const cached = this.serialised.get(result);
      if (cached) {
        const head = `{"jsonrpc":"2.0","id":${JSON.stringify(pending.id)},"result":`;
        pending.resolve({ text: `${head}${cached.text}}`, bytes: Buffer.concat([Buffer.from(head), cached.bytes, CLOSE]) });
        return;
      }
      const text = JSON.stringify({ jsonrpc: "2.0", id: pending.id, result });
      pending.resolve(result.isError === true ? { text, isError: true } : { text });
      return;
    }
    if ("error" in message) {
      const { code, message: text, data } = message.error;
      // Whatever went wrong inside a handler is logged, never shown.
      if (code === RpcCode.InternalError) {
        pending.resolve({ ...errorReply(pending.id, code, "Internal error"), hidden: text });
        return;
      }
      // McpError prefixes "MCP error <code>: " to its message, and the client's McpError would add it again.
      const plain = text.startsWith(`MCP error ${code}: `) ? text.slice(`MCP error ${code}: `.length) : text;
      const error = data === undefined ? { code, message: plain } : { code, message: plain, data };
      pending.resolve({ text: JSON.stringify({ jsonrpc: "2.0", id: pending.id, error }), error: code });
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const [internal, pending] of this.pending) {
      this.pending.delete(internal);
      pending.resolve(errorReply(pending.id, RpcCode.InternalError, "Server is shutting down"));
    }
    this.onclose?.();
  }
}

function errorReply(id: RequestId, code: number, message: string): Reply {
  return { text: JSON.stringify({ jsonrpc: "2.0", id, error: { code, message } }), error: code };
}
