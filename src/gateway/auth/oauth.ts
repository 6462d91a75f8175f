// Where an OAuth access token is checked: the gateway is an OAuth protected resource. A token is a
// JWT (at+jwt) signed with a key of the authorization server's JWKS (found through its RFC 8414
// metadata, cached, refetched for an unknown key id), from the configured issuer, for this gateway's
// canonical MCP URL and nothing else (RFC 8707 audience), unexpired. Its scopes say which tools it may
// list and call. Any failure is a 401 invalid_token; the token never goes anywhere else.
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from "jose";
import { HttpError, RpcCode } from "../jsonrpc/http-error.js";
import type { Challenge } from "./challenge.js";
import { unauthorized } from "./identity.js";

export interface AccessClaims {
  sub: string;
  clientId: string;
  /** The grant the token was issued under (the gateway's key for it: exchanges, rate limits, audit). */
  grantId: string;
  scopes: readonly string[];
  /** Seconds since the epoch. */
  expiresAt: number;
}

/** The authorization server metadata fields the gateway uses (RFC 8414). */
export interface ServerMetadata {
  issuer: string;
  jwks_uri: string;
  token_endpoint: string;
  registration_endpoint?: string;
  [field: string]: unknown;
}

export interface AuthorizationServerOptions {
  issuer: string;
  fetch?: typeof fetch;
  /** How long the metadata document is reused (default 10 minutes). */
  metadataTtlMs?: number;
}

export interface AuthorizationServer {
  issuer: string;
  /** The server's metadata, fetched at first use and then reused; a failure is retried on the next call. */
  metadata(): Promise<ServerMetadata>;
  keys(): Promise<JWTVerifyGetKey>;
}

/** RFC 8414 §3.1: the well-known segment goes between the issuer's host and its path. */
export function metadataUrls(issuer: string): string[] {
  const url = new URL(issuer);
  const path = url.pathname === "/" ? "" : url.pathname.replace(/\/$/, "");
  return [`${url.origin}/.well-known/oauth-authorization-server${path}`, `${url.origin}/.well-known/openid-configuration${path}`];
}

export function authorizationServer(options: AuthorizationServerOptions): AuthorizationServer {
  const fetcher = options.fetch ?? fetch;
  const ttl = options.metadataTtlMs ?? 600_000;
  let cached: { metadata: ServerMetadata; until: number } | undefined;
  let pending: Promise<ServerMetadata> | undefined;
  let jwks: { uri: string; get: JWTVerifyGetKey } | undefined;

  async function discover(): Promise<ServerMetadata> {
    let lastError: unknown;
    for (const url of metadataUrls(options.issuer)) {
      try {
        const response = await fetcher(url, { headers: { accept: "application/json" }, redirect: "error", signal: AbortSignal.timeout(5_000) });
        if (!response.ok) {
          lastError = new Error(`${url} answered ${response.status}`);
          continue;
        }
        const metadata = (await response.json()) as ServerMetadata;
        // RFC 8414 §3.3: a document for another issuer must not be used.
        if (metadata.issuer !== options.issuer) throw new Error(`${url} names issuer ${String(metadata.issuer)}, not ${options.issuer}`);
        if (typeof metadata.jwks_uri !== "string" || typeof metadata.token_endpoint !== "string") throw new Error(`${url} lacks jwks_uri or token_endpoint`);
        return metadata;
      } catch (error) {
        lastError = error;
      }
    }
    throw lastError;
  }

  async function metadata(): Promise<ServerMetadata> {
    if (cached && cached.until > Date.now()) return cached.metadata;
    pending ??= discover().finally(() => (pending = undefined));
    const found = await pending;
    cached = { metadata: found, until: Date.now() + ttl };
    return found;
  }

  return {
    issuer: options.issuer,
    metadata,
    async keys() {
      const { jwks_uri } = await metadata();
      // A new key id (rotation) makes jose fetch the set again, at most every 30 s.
      if (jwks?.uri !== jwks_uri) jwks = { uri: jwks_uri, get: createRemoteJWKSet(new URL(jwks_uri), { cooldownDuration: 30_000, cacheMaxAge: 600_000 }) };
      return jwks.get;
    },
  };
}

export interface VerifierOptions {
  server: AuthorizationServer;
  /** The canonical MCP URL: the only audience accepted. */
  audience: () => string;
  challenge: Challenge;
  clockToleranceSec?: number;
}

export type Verify = (token: string) => Promise<AccessClaims>;

const unavailable = () => new HttpError(503, RpcCode.ServerError, "The sign-in service is unavailable right now; try again shortly.", { "retry-after": "5" });

export function createVerifier(options: VerifierOptions): Verify {
  const { server, audience, challenge } = options;
  const refuse = (why: string) => unauthorized(challenge, `Unauthorized: the access token ${why}.`);
  return async (token) => {
    let keys: JWTVerifyGetKey;
    try {
      keys = await server.keys();
    } catch {
      throw unavailable();
    }
    let payload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: server.issuer,
        audience: audience(),
        typ: "at+jwt",
        algorithms: ["RS256", "PS256", "ES256", "EdDSA"],
        requiredClaims: ["exp", "sub", "client_id"],
        clockTolerance: options.clockToleranceSec ?? 5,
      }));
    } catch (error) {
      // The key set could not be fetched: not the token's fault.
      if (error instanceof joseErrors.JWKSTimeout || !(error instanceof joseErrors.JOSEError)) throw unavailable();
      if (error instanceof joseErrors.JWTExpired) throw refuse("has expired");
      if (error instanceof joseErrors.JWTClaimValidationFailed) throw refuse(error.claim === "aud" ? "is for another resource" : error.claim === "iss" ? "is from another issuer" : "is not valid here");
      throw refuse("is not valid here");
    }
    const clientId = String(payload.client_id);
    const scopes = typeof payload.scope === "string" ? payload.scope.split(" ").filter(Boolean) : [];
    // Without a grant id (another server's tokens), the app and user together stand for the grant.
    const grantId = typeof payload.gid === "string" ? payload.gid : `${clientId}|${payload.sub}`;
    return { sub: payload.sub!, clientId, grantId, scopes, expiresAt: payload.exp! };
  };
}
