// Which protocol era a request speaks, decided from its body: a `_meta` protocol version claim is
// 2026-07-28 (modern, stateless); anything else is 2024-11-05 … 2025-11-25 (legacy, initialize).
// Also the envelope checks that come before authentication: routing headers against the body
// (-32020), versions not served (-32022), a modern request without its `_meta` (-32602).
import { SUPPORTED_PROTOCOL_VERSIONS } from "@modelcontextprotocol/sdk/types.js";
import { RpcCode } from "../jsonrpc/http-error.js";
import type { RpcRequest } from "../jsonrpc/envelope.js";

/** The modern revisions served; server/discover lists these and only these. */
export const MODERN_VERSIONS: readonly string[] = ["2026-07-28"];
export const LEGACY_VERSIONS: readonly string[] = SUPPORTED_PROTOCOL_VERSIONS;

export const META = {
  protocolVersion: "io.modelcontextprotocol/protocolVersion",
  clientInfo: "io.modelcontextprotocol/clientInfo",
  clientCapabilities: "io.modelcontextprotocol/clientCapabilities",
  logLevel: "io.modelcontextprotocol/logLevel",
  serverInfo: "io.modelcontextprotocol/serverInfo",
} as const;

export type ClientCapabilities = Record<string, unknown>;

export type EraChoice =
  | { era: "legacy" }
  | { era: "modern"; version: string; capabilities: ClientCapabilities; clientInfo?: unknown };

export interface EraRefusal {
  refused: { status: number; code: number; message: string; data?: unknown };
}

/** The headers a request is checked by (names lower case, as node gives them). */
export type Headers = Record<string, string | string[] | undefined>;

// Which param names the request's target, for Mcp-Name.
const NAMED: Record<string, string> = { "tools/call": "name", "prompts/get": "name", "resources/read": "uri" };
const SENTINEL = /^=\?base64\?([A-Za-z0-9+/=]*)\?=$/;

function header(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

/** A header value as the client meant it: non-ASCII values travel as `=?base64?…?=`. */
export function decodeHeader(value: string): string {
  const sentinel = SENTINEL.exec(value);
  return sentinel ? Buffer.from(sentinel[1]!, "base64").toString("utf8") : value;
}

function refuse(status: number, code: number, message: string, data?: unknown): EraRefusal {
  return { refused: data === undefined ? { status, code, message } : { status, code, message, data } };
}

const shown = (value: unknown) => JSON.stringify(typeof value === "string" ? value.slice(0, 80) : value);

/** Mcp-Method / Mcp-Name that disagree with the body, in either era: the tool must not run. */
function routingMismatch(request: RpcRequest, headers: Headers, required: boolean): EraRefusal | undefined {
  const method = header(headers, "mcp-method");
  if (method === undefined) {
    if (required) return refuse(400, RpcCode.HeaderMismatch, "Header mismatch: the Mcp-Method header is required");
  } else if (decodeHeader(method) !== request.method) {
    return refuse(400, RpcCode.HeaderMismatch, `Header mismatch: Mcp-Method header value ${shown(method)} does not match body value ${shown(request.method)}`);
  }
  const field = NAMED[request.method];
  const name = header(headers, "mcp-name");
  if (field === undefined) return undefined;
  const target = request.params?.[field];
  if (name === undefined) {
    if (required) return refuse(400, RpcCode.HeaderMismatch, "Header mismatch: the Mcp-Name header is required");
    return undefined;
  }
  if (decodeHeader(name) !== target) {
    return refuse(400, RpcCode.HeaderMismatch, `Header mismatch: Mcp-Name header value ${shown(decodeHeader(name))} does not match body value ${shown(target)}`);
  }
  return undefined;
}

/** A legacy MCP-Protocol-Version header the gateway does not speak (batches included). */
export function legacyVersionProblem(headers: Headers): string | undefined {
  const version = header(headers, "mcp-protocol-version");
  if (!version || LEGACY_VERSIONS.includes(version) || MODERN_VERSIONS.includes(version)) return undefined;
  return `Bad Request: unsupported MCP-Protocol-Version ${version.slice(0, 40)} (supported: ${[...MODERN_VERSIONS, ...LEGACY_VERSIONS].join(", ")}).`;
}

export function chooseEra(request: RpcRequest, headers: Headers): EraChoice | EraRefusal {
  const meta = request.params?._meta as Record<string, unknown> | undefined;
  const claim = meta?.[META.protocolVersion];
  const headerVersion = header(headers, "mcp-protocol-version");
  if (claim === undefined) {
    // The header says 2026-07-28 but the body does not: its required _meta is missing.
    if (headerVersion !== undefined && MODERN_VERSIONS.includes(headerVersion)) {
      return refuse(400, RpcCode.InvalidParams, `Invalid params: a ${headerVersion} request carries _meta["${META.protocolVersion}"] and _meta["${META.clientCapabilities}"]`);
    }
    const problem = legacyVersionProblem(headers);
    if (problem) return refuse(400, RpcCode.InvalidRequest, problem);
    return routingMismatch(request, headers, false) ?? { era: "legacy" };
  }
  if (typeof claim !== "string") return refuse(400, RpcCode.InvalidParams, `Invalid params: _meta["${META.protocolVersion}"] must be a string`);
  if (headerVersion === undefined) return refuse(400, RpcCode.HeaderMismatch, "Header mismatch: the MCP-Protocol-Version header is required");
  if (headerVersion !== claim) {
    return refuse(400, RpcCode.HeaderMismatch, `Header mismatch: MCP-Protocol-Version header value ${shown(headerVersion)} does not match _meta value ${shown(claim)}`);
  }
  // Only modern versions are listed: a dual-era client falls back to initialize on its own.
  if (!MODERN_VERSIONS.includes(claim)) {
    return refuse(400, RpcCode.UnsupportedProtocolVersion, "Unsupported protocol version", { supported: [...MODERN_VERSIONS], requested: claim.slice(0, 80) });
  }
  const mismatch = routingMismatch(request, headers, true);
  if (mismatch) return mismatch;
  const capabilities = meta![META.clientCapabilities];
  if (capabilities === null || typeof capabilities !== "object" || Array.isArray(capabilities)) {
    return refuse(400, RpcCode.InvalidParams, `Invalid params: _meta["${META.clientCapabilities}"] must be an object ({} when none)`);
  }
  const clientInfo = meta![META.clientInfo];
  return clientInfo === undefined
    ? { era: "modern", version: claim, capabilities: capabilities as ClientCapabilities }
    : { era: "modern", version: claim, capabilities: capabilities as ClientCapabilities, clientInfo };
}

export function isRefusal(choice: EraChoice | EraRefusal): choice is EraRefusal {
  return "refused" in choice;
}

/** Whether a client declared form elicitation (`{}` means form only). */
export function elicitsForms(capabilities: ClientCapabilities | undefined): boolean {
  const elicitation = capabilities?.elicitation;
  if (elicitation === null || typeof elicitation !== "object") return false;
  const modes = elicitation as Record<string, unknown>;
  return Object.keys(modes).length === 0 || (modes.form !== undefined && modes.form !== null);
}
