// A failure that ends an HTTP request with a status and a JSON-RPC error body, mapped once by the error boundary.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    /** JSON-RPC error code of the body. */
    readonly rpcCode: number,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
    /** The JSON-RPC error's `data`, when the code defines one. */
    readonly data?: unknown,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

// JSON-RPC 2.0 and MCP error codes the gateway answers with.
export const RpcCode = {
  ParseError: -32700,
  InvalidRequest: -32600,
  MethodNotFound: -32601,
  InvalidParams: -32602,
  InternalError: -32603,
  /** Server errors without a standard code: auth, roles, availability. */
  ServerError: -32000,
  /** A 2025 Mcp-Session-Id the gateway did not mint, or that expired: the client initializes again. */
  SessionNotFound: -32001,
  /** MCP 2026-07-28: a routing header disagrees with the body, or a required one is missing. */
  HeaderMismatch: -32020,
  /** MCP 2026-07-28: the request needs a client capability it did not declare. */
  MissingClientCapability: -32021,
  /** MCP 2026-07-28: the `_meta` protocol version is not served (`data: { supported, requested }`). */
  UnsupportedProtocolVersion: -32022,
} as const;
