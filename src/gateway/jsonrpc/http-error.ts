// A failure that ends an HTTP request with a status and a JSON-RPC error body, mapped once by the error boundary.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    /** JSON-RPC error code of the body. */
    readonly rpcCode: number,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
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
} as const;
