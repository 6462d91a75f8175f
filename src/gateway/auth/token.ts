// The token a client presents (a personal access token, or an OAuth access token), and the
// fingerprints that stand for it everywhere else.
import { createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { HttpError, RpcCode } from "../jsonrpc/http-error.js";
import type { Challenge } from "./challenge.js";

export interface PresentedToken {
  token: string;
  /** Full sha256 (hex): the identity cache's key. */
  hash: string;
  /** Short sha256 prefix: safe to log and audit. */
  tokenId: string;
}

// RFC 6750 b64token, bounded so a huge header cannot reach the upstream.
const TOKEN = /^[A-Za-z0-9\-._~+/]{8,512}=*$/;
// A JWS in compact form: three base64url parts. Personal tokens (clara_pat_…) never contain a dot.
const JWT = /^[A-Za-z0-9_-]{2,2048}\.[A-Za-z0-9_-]{2,4096}\.[A-Za-z0-9_-]{2,1024}$/;

/** True when the token has a JWT's shape (it is then an OAuth access token, never a personal one). */
export function isJwtShaped(token: string): boolean {
  return JWT.test(token);
}
const BEARER = /^Bearer +(\S+) *$/i;

// Recent fingerprints, so a client's every request does not hash its token again; emptied when full.
const recentPrints = new Map<string, PresentedToken>();
const MAX_PRINTS = 4096;

export function fingerprint(token: string): PresentedToken {
  const known = recentPrints.get(token);
  if (known) return known;
  const hash = createHash("sha256").update(token).digest("hex");
  const print: PresentedToken = Object.freeze({ token, hash, tokenId: hash.slice(0, 12) });
  if (recentPrints.size >= MAX_PRINTS) recentPrints.clear();
  recentPrints.set(token, print);
  return print;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(",") : value;
}

/**
 * Reads `Authorization: Bearer <token>` or the API's own token header. Missing or malformed → 401.
 * `tokenHeader` must be lower case.
 */
export function readToken(headers: IncomingHttpHeaders, challenge: Challenge, tokenHeader?: string): PresentedToken {
  const authorization = single(headers.authorization);
  const own = tokenHeader ? single(headers[tokenHeader])?.trim() : undefined;
  let token: string | undefined;
  if (authorization !== undefined) {
    const match = BEARER.exec(authorization);
    if (!match) throw malformed(challenge, "the Authorization header must be \"Bearer <token>\"");
    token = match[1];
  }
  if (own !== undefined && own !== "") {
    if (token !== undefined && token !== own) throw malformed(challenge, "two different tokens were sent");
    token = own;
  }
  if (token === undefined) {
    const how = tokenHeader ? `"Authorization: Bearer <token>" or "${tokenHeader}: <token>"` : `"Authorization: Bearer <token>"`;
    throw new HttpError(401, RpcCode.ServerError, `Unauthorized: send a personal access token as ${how}.`, {
      "www-authenticate": challenge.unauthorized(),
    });
  }
  if (!TOKEN.test(token) && !JWT.test(token)) throw malformed(challenge, "the token is malformed");
  return fingerprint(token);
}

function malformed(challenge: Challenge, why: string): HttpError {
  return new HttpError(401, RpcCode.ServerError, `Unauthorized: ${why}.`, {
    "www-authenticate": challenge.unauthorized("invalid_request"),
  });
}
