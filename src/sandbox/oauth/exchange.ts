// RFC 8693 token exchange: the gateway (a confidential client) hands in the MCP access token a client
// presented and gets the user's own Clara API token for it, opaque and short-lived. The MCP token itself
// is never accepted by the API (its audience is the gateway), so no client's token ever passes through.
// A disconnected grant is refused here, and its API tokens were revoked with it.
import { createLocalJWKSet, jwtVerify, type JWTPayload } from "jose";
import type Provider from "oidc-provider";
import { errors } from "oidc-provider";
import { TOKEN_EXCHANGE } from "./clients.js";

const ACCESS_TOKEN = "urn:ietf:params:oauth:token-type:access_token";
const PARAMS = ["subject_token", "subject_token_type", "requested_token_type", "resource", "audience", "scope", "actor_token", "actor_token_type"];

export interface ExchangeOptions {
  issuer: string;
  publicJwks: { keys: object[] };
  mcpUrl(): string | undefined;
  /** The Clara API's resource indicator, the audience of every token this grant issues. */
  apiResource: string;
  apiTokenTtlSeconds: number;
  /** The grant was used now (Connected apps' "Last used"). */
  used(grantId: string): void;
  /** The client's name for the audit trail, when it has one. */
  clientName(clientId: string): Promise<string | undefined>;
}

export function registerTokenExchange(provider: Provider, options: ExchangeOptions): void {
  const keys = createLocalJWKSet(options.publicJwks as Parameters<typeof createLocalJWKSet>[0]);
  provider.registerGrantType(
    TOKEN_EXCHANGE,
    async (ctx) => {
      const { client, params } = ctx.oidc;
      // The token endpoint authenticated the client and checked it may use this grant type.
      if (!client || client.clientAuthMethod === "none") throw new errors.UnauthorizedClient("token exchange is for confidential clients only");
      if (params?.subject_token_type !== ACCESS_TOKEN) throw new errors.InvalidRequest("subject_token_type must be an access token");
      if (params.requested_token_type !== undefined && params.requested_token_type !== ACCESS_TOKEN) throw new errors.InvalidRequest("requested_token_type must be an access token");
      const target = [params.resource ?? params.audience ?? options.apiResource].flat();
      if (target.length !== 1 || target[0] !== options.apiResource) throw new errors.InvalidTarget();
      const mcpUrl = options.mcpUrl();
      let claims: JWTPayload;
      try {
        ({ payload: claims } = await jwtVerify(String(params.subject_token), keys, {
          issuer: options.issuer,
          ...(mcpUrl ? { audience: mcpUrl } : {}),
          typ: "at+jwt",
          algorithms: ["RS256"],
        }));
      } catch {
        throw new errors.InvalidGrant("subject_token is not a valid MCP access token of this server");
      }
      if (!mcpUrl) throw new errors.InvalidGrant("no MCP resource is served yet");
      const grantId = typeof claims.gid === "string" ? claims.gid : undefined;
      const grant = grantId ? await provider.Grant.find(grantId) : undefined;
      // Disconnect destroyed the grant: its tokens, refresh tokens and exchanges are over.
      if (!grant || grant.accountId !== claims.sub || grant.clientId !== claims.client_id) throw new errors.InvalidGrant("the grant was revoked");
      const at = new provider.AccessToken({
        accountId: claims.sub!,
        client,
        grantId: grant.jti,
        gty: "token_exchange",
        scope: "clara:api",
        expiresWithSession: false,
        extra: { act: { sub: client.clientId }, mcp_client_id: claims.client_id, mcp_scope: claims.scope },
      });
      at.resourceServer = new provider.ResourceServer(options.apiResource, {
        scope: "clara:api",
        audience: options.apiResource,
        accessTokenFormat: "opaque",
        accessTokenTTL: options.apiTokenTtlSeconds,
      });
      ctx.oidc.entity("AccessToken", at);
      const value = await at.save();
      options.used(grant.jti);
      const name = await options.clientName(String(claims.client_id));
      ctx.body = {
        access_token: value,
        issued_token_type: ACCESS_TOKEN,
        token_type: "Bearer",
        expires_in: at.expiration,
        scope: at.scope,
        // Extension parameters (RFC 6749 §5.1) for the audit trail: which app, under which grant.
        grant_id: grant.jti,
        ...(name ? { client_name: name } : {}),
      };
    },
    PARAMS,
    ["resource", "audience"],
  );
}
