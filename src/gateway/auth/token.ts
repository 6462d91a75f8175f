// The personal access token a client presents, and the fingerprints that stand for it everywhere else.
import { createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { HttpError, RpcCode } from "../jsonrpc/http-error.js";

export interface PresentedToken {
  token: string;
  /** Full sha256 (hex): the identity cache's key. */
  hash: string;
  /** Short sha256 prefix: safe to log and audit. */
  tokenId: string;
}

// RFC 6750 b64token, bounded so a huge header cannot reach the upstream.
const TOKEN = /^[A-Za-z0-9\-._~+/]{8,512}=*$/;
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

export function challenge(realm: string, error?: "invalid_token" | "invalid_request"): string {
  return error ? `Bearer realm="${realm}", error="${error}"` : `Bearer realm="${realm}"`;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(",") : value;
}

/**
 * Reads `Authorization: Bearer <token>` or the API's own token header. Missing or malformed → 401.
 * `tokenHeader` must be lower case.
 */
export function readToken(headers: IncomingHttpHeaders, realm: string, tokenHeader?: string): PresentedToken {
  const authorization = single(headers.authorization);
  const own = tokenHeader ? single(headers[tokenHeader])?.trim() : undefined;
  let token: string | undefined;
  if (authorization !== undefined) {
    const match = BEARER.exec(authorization);
    if (!match) throw malformed(realm, "the Authorization header must be \"Bearer <token>\"");
    token = match[1];
  }
  if (own !== undefined && own !== "") {
    if (token !== undefined && token !== own) throw malformed(realm, "two different tokens were sent");
    token = own;
  }
  if (token === undefined) {
    const how = tokenHeader ? `"Authorization: Bearer <token>" or "${tokenHeader}: <token>"` : `"Authorization: Bearer <token>"`;
    throw new HttpError(401, RpcCode.ServerError, `Unauthorized: send a personal access token as ${how}.`, {
      "www-authenticate": challenge(realm),
    });
  }
  if (!TOKEN.test(token)) throw malformed(realm, "the token is malformed");
  return fingerprint(token);
}

function malformed(realm: string, why: string): HttpError {
  return new HttpError(401, RpcCode.ServerError, `Unauthorized: ${why}.`, {
    "www-authenticate": challenge(realm, "invalid_request"),
  });
}
