// What one HTTP request carries from middleware to middleware.
import type { Caller } from "../auth/caller.js";
import type { Envelope } from "../jsonrpc/envelope.js";
import type { PresentedToken } from "../auth/token.js";
import type { EraChoice } from "../mcp/eras.js";
import type { Session } from "../mcp/session.js";

export interface GatewayState {
  requestId: string;
  /** The parsed JSON body of a POST /mcp. */
  body?: unknown;
  /** The same body, classified as JSON-RPC messages. */
  envelope?: Envelope;
  /** The protocol era of a single request, chosen from its body (absent for batches: those are 2025-era only). */
  era?: EraChoice;
  /** A 2025 client's session, from its sealed Mcp-Session-Id. */
  session?: Session;
  /** The JSON-RPC id to answer an HTTP-level error with, when the body was a single request. */
  rpcId?: string | number | null;
  /** The API credential the caller is checked with and calls upstream with (for OAuth callers, the exchanged one). */
  presented?: PresentedToken;
  /** Who the per-token rate limit counts this request against: a token's or an OAuth grant's SHA-256. */
  rateKey?: string;
  caller?: Caller;
  /** True when the caller came from the identity cache rather than a fresh upstream check. */
  callerCached?: boolean;
  /** True when the API could not be asked and the caller is the one this token had when last verified. */
  unverified?: boolean;
  /** The presented token's fingerprint, for the request log. */
  tokenId?: string;
  /** For the request log. */
  rpcMethod?: string;
  tool?: string;
  rpcError?: number;
  isError?: boolean;
  /** The path as the request log may show it, when the real one is a credential (a download link). */
  logPath?: string;
}
