// The WWW-Authenticate challenges (RFC 6750 §3): what a 401 or 403 tells a client to do next. With an
// authorization server, every 401 also names the protected resource metadata (RFC 9728 §5.1) and the
// scopes to ask for, so an OAuth client can sign in from nothing but the MCP URL; a 403 for a call
// beyond the token's scopes names the scope it needs (step-up).

export type TokenError = "invalid_token" | "invalid_request";

export interface Challenge {
  /** For a 401: no token (no error), or the one presented is unusable (`error`). */
  unauthorized(error?: TokenError): string;
  /** For a 403: the token lacks these scopes. */
  insufficientScope(scopes: readonly string[]): string;
}

export interface ChallengeOptions {
  realm: string;
  /** The protected resource metadata URL, with OAuth on (read at each challenge: it may be known only once the gateway listens). */
  resourceMetadata?: () => string;
  /** Every scope of the resource, offered to a client that has none yet. */
  scopes?: readonly string[];
}

// Values are URLs and scope tokens (no quotes or backslashes), so quoting needs no escaping.
const param = (name: string, value: string) => `${name}="${value}"`;

export function createChallenge(options: ChallengeOptions): Challenge {
  const realm = param("realm", options.realm);
  const { resourceMetadata } = options;
  const metadata = () => (resourceMetadata ? [param("resource_metadata", resourceMetadata())] : []);
  const all = resourceMetadata && options.scopes?.length ? [param("scope", options.scopes.join(" "))] : [];
  return {
    unauthorized: (error) => `Bearer ${[realm, ...(error ? [param("error", error)] : []), ...metadata(), ...all].join(", ")}`,
    insufficientScope: (scopes) => `Bearer ${[realm, param("error", "insufficient_scope"), param("scope", scopes.join(" ")), ...metadata()].join(", ")}`,
  };
}
