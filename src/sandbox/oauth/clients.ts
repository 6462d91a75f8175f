// Who may ask for tokens: the gateway's own confidential client (token exchange only), clients
// registered by configuration, and Client ID Metadata Documents. oidc-provider fetches https documents
// itself (no redirects, 5 KB, 2.5 s, cached, sockets to special-use addresses cut); before it does,
// `allowMetadataFetch` refuses a host that resolves to a loopback, private or link-local address. For
// local development only (OAUTH_CIMD_ALLOW_LOOPBACK_HTTP=1), `loopbackDocument` fetches http documents
// on 127.0.0.1, localhost or [::1] under the same rules.
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import type { AdapterPayload, ClientMetadata } from "oidc-provider";

export const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";

/** The gateway's client: it may only exchange an MCP access token for the user's API token. */
export function gatewayClient(id: string, secret: string): ClientMetadata {
  return {
    client_id: id,
    client_secret: secret,
    client_name: "Clara MCP gateway",
    grant_types: [TOKEN_EXCHANGE],
    response_types: [],
    redirect_uris: [],
    token_endpoint_auth_method: "client_secret_basic",
  };
}

// Special-use ranges (RFC 6890 and successors): nothing a public metadata document lives on.
const SPECIAL = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.88.99.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["198.51.100.0", 24],
  ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) SPECIAL.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [
  ["::", 128], ["::1", 128], ["64:ff9b::", 96], ["64:ff9b:1::", 48], ["100::", 64], ["2001::", 23],
  ["2001:db8::", 32], ["2002::", 16], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8],
] as const) SPECIAL.addSubnet(net, bits, "ipv6");

/** True for an address no public service has: loopback, private, link-local, documentation, multicast… */
export function isSpecialAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  // IPv4-mapped IPv6 addresses are checked as the IPv4 address they carry.
  if (mapped) return SPECIAL.check(mapped[1]!, "ipv4");
  return SPECIAL.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * May the server fetch this metadata document? Only when every address its host resolves to is public:
 * the fetch must not become a way to reach the machine's own or its network's services.
 */
export async function allowMetadataFetch(url: string, resolve: typeof lookup = lookup): Promise<boolean> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  try {
    const addresses = isIP(host) ? [{ address: host }] : await resolve(host, { all: true, verbatim: true });
    return addresses.length > 0 && addresses.every(({ address }) => !isSpecialAddress(address));
  } catch {
    return false;
  }
}

const LOOPBACK_DOC = /^http:\/\/(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?\/[^?#\s\\]+$/;
const MAX_BYTES = 5 * 1024;
const TIMEOUT_MS = 2_500;
const CACHE_MS = { min: 30_000, max: 86_400_000 };
const FORBIDDEN_AUTH = new Set(["client_secret_basic", "client_secret_post", "client_secret_jwt"]);

/** Why a metadata document was refused (the library's wording, so both paths read alike). */
export class MetadataRefused extends Error {}

async function readBounded(response: Response): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += (chunk as Uint8Array).length;
    if (size > MAX_BYTES) throw new MetadataRefused("client_id metadata document is larger than 5 KB");
    chunks.push(Buffer.from(chunk as Uint8Array));
  }
  return Buffer.concat(chunks).toString("utf8");
}

function maxAge(response: Response): number {
  const seconds = /(?:^|,)\s*max-age\s*=\s*(\d+)/i.exec(response.headers.get("cache-control") ?? "")?.[1];
  const ms = seconds === undefined ? CACHE_MS.min : Number(seconds) * 1000;
  return Math.max(CACHE_MS.min, Math.min(CACHE_MS.max, ms));
}

/** Checks a fetched document as the library checks https ones; returns the client's metadata. */
export function checkDocument(id: string, text: string): AdapterPayload {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new MetadataRefused("client_id metadata document is not JSON");
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) throw new MetadataRefused("client_id metadata document is not a JSON object");
  const props = doc as Record<string, unknown>;
  if (props.client_id !== id) throw new MetadataRefused("client_id metadata document client_id does not match the expected value");
  if (FORBIDDEN_AUTH.has(String(props.token_endpoint_auth_method)) || "client_secret" in props) {
    throw new MetadataRefused("client_id metadata document must not use shared-secret token endpoint authentication methods");
  }
  if (!Array.isArray(props.redirect_uris) || props.redirect_uris.length === 0) throw new MetadataRefused("client_id metadata document has no redirect_uris");
  return props as AdapterPayload;
}

/**
 * The lookup for http loopback client_ids: fetched without following redirects, within 2.5 s and
 * 5 KB, cached as the document's Cache-Control says (30 s to a day). Anything else is no client.
 */
export function loopbackDocuments(onRefused?: (id: string, why: string) => void): (id: string) => Promise<AdapterPayload | undefined> {
  const cache = new Map<string, { props: AdapterPayload; until: number }>();
  return async (id) => {
    if (!LOOPBACK_DOC.test(id) || id.split("/").some((part) => part === "." || part === "..")) return undefined;
    const cached = cache.get(id);
    if (cached && cached.until > Date.now()) return cached.props;
    try {
      const response = await fetch(id, { redirect: "manual", headers: { accept: "application/json" }, signal: AbortSignal.timeout(TIMEOUT_MS) });
      if (response.status !== 200) {
        await response.body?.cancel();
        throw new MetadataRefused(`client_id metadata document fetch answered ${response.status}${response.headers.has("location") ? " (a redirect, not followed)" : ""}`);
      }
      const props = checkDocument(id, await readBounded(response));
      if (cache.size >= 100) cache.delete(cache.keys().next().value!);
      cache.set(id, { props, until: Date.now() + maxAge(response) });
      return props;
    } catch (error) {
      onRefused?.(id, error instanceof MetadataRefused ? error.message : "client_id metadata document fetch failed");
      return undefined;
    }
  };
}
