// The grants users consented to, as Settings → Integrations lists them under "Connected apps": the
// app's name, when it connected, what it may do in words, when it was last used. Disconnect deletes
// the grant with every token, refresh token and code issued under it, at once.
import type { Db } from "../db/db.js";
import type { ConnectedApp, ConnectedApps } from "../web/apps.js";
import type { ResourceScope } from "./provider.js";

// Last use to the minute, like personal tokens: a write per request would cost more than it tells.
const LAST_USED_PRECISION_MS = 60_000;

export interface Grants extends ConnectedApps {
  /** Records a connected app at consent (one row per grant). */
  remember(grantId: string, accountId: string, clientId: string, clientName: string, now: number): void;
  /** The grant this user already gave this client, to extend instead of adding a second row. */
  existing(accountId: string, clientId: string): string | undefined;
  /** The grant was used (an exchange, an API call with its token). */
  used(grantId: string, now: number): void;
}

interface AppRow {
  grant_id: string;
  client_name: string;
  connected_at: number;
  last_used_at: number | null;
  payload: string;
}

export function createGrants(db: Db, scopes: readonly ResourceScope[], mcpUrl: () => string | undefined, now: () => number): Grants {
  const words = new Map(scopes.map((s) => [s.name, s.words]));
  const live = `FROM oauth_apps a JOIN oauth_models g ON g.model = 'Grant' AND g.id = a.grant_id AND (g.expires_at IS NULL OR g.expires_at > @now)`;
  const list = db.prepare(`SELECT a.grant_id, a.client_name, a.connected_at, a.last_used_at, g.payload ${live} WHERE a.account_id = @account ORDER BY a.connected_at, a.grant_id`);
  const existing = db.prepare(`SELECT a.grant_id ${live} WHERE a.account_id = @account AND a.client_id = @client ORDER BY a.connected_at DESC LIMIT 1`).pluck();
  const remember = db.prepare(
    "INSERT INTO oauth_apps (grant_id, account_id, client_id, client_name, connected_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (grant_id) DO NOTHING",
  );
  const touch = db.prepare("UPDATE oauth_apps SET last_used_at = ? WHERE grant_id = ? AND (last_used_at IS NULL OR last_used_at <= ?)");
  const owned = db.prepare("SELECT 1 FROM oauth_apps WHERE grant_id = ? AND account_id = ?").pluck();
  const revoke = db.prepare("DELETE FROM oauth_models WHERE grant_id = ? OR (model = 'Grant' AND id = ?)");
  const forget = db.prepare("DELETE FROM oauth_apps WHERE grant_id = ?");

  /** What the grant lets the app do, in the manifest's order and words. */
  function permissions(payload: string): string[] {
    const grant = JSON.parse(payload) as { resources?: Record<string, string> };
    const url = mcpUrl();
    const granted = new Set((url ? grant.resources?.[url] ?? "" : "").split(" ").filter(Boolean));
    return scopes.filter((s) => granted.has(s.name)).map((s) => words.get(s.name)!);
  }

  return {
    list(userId): ConnectedApp[] {
      return (list.all({ account: userId, now: Date.now() }) as AppRow[]).map((row) => ({
        id: row.grant_id,
        name: row.client_name,
        connectedAt: row.connected_at,
        permissions: permissions(row.payload),
        lastUsedAt: row.last_used_at,
      }));
    },
    disconnect(userId, id) {
      return db.transaction(() => {
        if (!owned.get(id, userId)) return false;
        revoke.run(id, id);
        forget.run(id);
        return true;
      })();
    },
    remember(grantId, accountId, clientId, clientName, at) {
      remember.run(grantId, accountId, clientId, clientName, at);
    },
    existing(accountId, clientId) {
      return existing.get({ account: accountId, client: clientId, now: Date.now() }) as string | undefined;
    },
    used(grantId, at = now()) {
      touch.run(at, grantId, at - LAST_USED_PRECISION_MS);
    },
  };
}
