// The authorization server's one configuration object for oidc-provider (panva's, OpenID Certified):
// authorization code with PKCE (S256 only, for every client), refresh tokens for public clients
// without offline_access, rotated on every use (a used one revokes the grant), RFC 8707 resource
// indicators (an access token's audience is exactly the MCP URL), JWT access tokens (at+jwt), RFC 9207
// iss, RFC 8414 metadata, dynamic registration (RFC 7591), Client ID Metadata Documents, and the
// clients of configuration. Settings here were checked against oidc-provider 9.13.3: an unknown key
// is ignored silently, so the version is pinned.
import Provider, { errors, interactionPolicy, type ClientMetadata, type Configuration, type KoaContextWithOIDC } from "oidc-provider";
import type { Db } from "../db/db.js";
import { sqliteAdapter } from "./adapter.js";
import { allowMetadataFetch, loopbackDocuments } from "./clients.js";
import type { ServerKeys } from "./keys.js";

export interface ResourceScope {
  name: string;
  /** What the consent page says an app with this scope may do. */
  words: string;
  /** The roles that have a tool needing it. */
  roles: readonly string[];
}

export interface ProviderOptions {
  db: Db;
  issuer: string;
  keys: ServerKeys;
  /** The canonical MCP URL, once known: the only resource an authorization request may name. */
  mcpUrl(): string | undefined;
  scopes: readonly ResourceScope[];
  clients: ClientMetadata[];
  accessTokenTtlSeconds: number;
  allowLoopbackHttpClientIds: boolean;
  /** Sends an error the browser sees (an authorization request that cannot go back to its client). */
  renderError(ctx: KoaContextWithOIDC, error: string, description: string | undefined): void;
  /** Told about a refused metadata document or a refused grant (no secrets in either). */
  onRefusal?(event: string, detail: string): void;
}

const DAY = 86_400;
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

function checkRedirectUris(uris: unknown): void {
  for (const uri of Array.isArray(uris) ? uris : []) {
    const url = URL.parse(String(uri));
    if (url && url.protocol === "http:" && !LOOPBACK_HOSTS.has(url.hostname)) {
      const refusal = new errors.InvalidRedirectUri();
      refusal.error_description = "redirect_uris must use https, or http on 127.0.0.1, localhost or [::1] only";
      throw refusal;
    }
  }
}

/** Login is needed whenever the browser's Clara web session is not the authorization server's account. */
function policy(webUser: (ctx: KoaContextWithOIDC) => string | undefined) {
  const prompts = interactionPolicy.base();
  prompts.get("login")!.checks.add(
    new interactionPolicy.Check("web_session", "the Clara sign-in of this browser is someone else's, or none", (ctx) =>
      webUser(ctx) !== undefined && webUser(ctx) === ctx.oidc.session?.accountId ? interactionPolicy.Check.NO_NEED_TO_PROMPT : interactionPolicy.Check.REQUEST_PROMPT,
    ),
  );
  return prompts;
}

export function createProvider(options: ProviderOptions, webUser: (ctx: KoaContextWithOIDC) => string | undefined): Provider {
  const { db, scopes } = options;
  const scopeNames = scopes.map((s) => s.name);
  const userExists = db.prepare("SELECT 1 FROM users WHERE id = ?").pluck();
  const loopback = options.allowLoopbackHttpClientIds ? loopbackDocuments((id, why) => options.onRefusal?.("client_metadata_refused", `${id}: ${why}`)) : undefined;

  const configuration: Configuration = {
    adapter: sqliteAdapter(db, loopback),
    jwks: { keys: options.keys.signing },
    cookies: { keys: options.keys.cookies },
    clients: options.clients,
    clientDefaults: { grant_types: ["authorization_code", "refresh_token"], response_types: ["code"], token_endpoint_auth_method: "none" },
    // The MCP scopes must be listed here too, or a registration naming them is refused.
    scopes: ["openid", "offline_access", ...scopeNames],
    responseTypes: ["code"],
    clientAuthMethods: ["none", "private_key_jwt", "client_secret_basic", "client_secret_post"],
    pkce: { required: () => true },
    // Called once per client for the first listed property, with all its metadata: the place to check
    // what the library leaves open (OAuth 2.1: redirect URIs are https, or http on loopback only).
    extraClientMetadata: {
      properties: ["software_id", "software_version"],
      validator: (_ctx, key, _value, metadata) => {
        if (key === "software_id") checkRedirectUris(metadata.redirect_uris);
      },
    },
    async findAccount(_ctx, sub) {
      if (!userExists.get(sub)) return undefined;
      return { accountId: sub, claims: () => ({ sub }) };
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}`, policy: policy(webUser) },
    features: {
      devInteractions: { enabled: false },
      registration: { enabled: true, initialAccessToken: false, issueRegistrationAccessToken: false },
      revocation: { enabled: true },
      introspection: { enabled: true },
      rpInitiatedLogout: { enabled: false },
      clientIdMetadataDocument: {
        enabled: true,
        ack: "draft-02",
        allowFetch: async (_ctx, id) => {
          const allowed = await allowMetadataFetch(id);
          if (!allowed) options.onRefusal?.("client_metadata_refused", `${id}: its host is a loopback, private or link-local address`);
          return allowed;
        },
        cacheDuration: { min: 30, max: DAY },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: (_ctx, _client, oneOf) => oneOf ?? options.mcpUrl() ?? "",
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== options.mcpUrl()) throw new errors.InvalidTarget();
          return {
            scope: scopeNames.join(" "),
            audience: resource,
            accessTokenFormat: "jwt",
            accessTokenTTL: options.accessTokenTtlSeconds,
            jwt: { sign: { alg: "RS256" } },
          };
        },
      },
    },
    // Refresh tokens for every client allowed the grant, offline_access or not; rotated at each use.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed("refresh_token"),
    rotateRefreshToken: true,
    // Tokens outlive the browser's session with this server; Disconnect is what ends them.
    expiresWithSession: () => false,
    // The grant id travels in the token, so the gateway's exchange names the grant it acts under.
    extraTokenClaims: (_ctx, token) => (token.kind === "AccessToken" && token.grantId ? { ...token.extra, gid: token.grantId } : token.extra),
    ttl: {
      AccessToken: (_ctx, token) => token.resourceServer?.accessTokenTTL ?? options.accessTokenTtlSeconds,
      AuthorizationCode: 60,
      ClientCredentials: 300,
      IdToken: 3600,
      Interaction: 600,
      Session: DAY,
      // A connection lasts a year at most; one unused for 30 days ends with its refresh token.
      Grant: 365 * DAY,
      RefreshToken: 30 * DAY,
    },
    renderError: (ctx, out) => options.renderError(ctx, out.error, out.error_description),
  };
  const provider = new Provider(options.issuer, configuration);
  // Token endpoint refusals say only "grant request is invalid" to the client; the reason is told here.
  provider.on("grant.error", (_ctx: unknown, error: { error?: string; error_detail?: string }) => options.onRefusal?.("grant_refused", `${error.error ?? "error"}: ${error.error_detail ?? ""}`));
  return provider;
}
