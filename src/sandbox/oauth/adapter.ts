// oidc-provider's storage in the sandbox's SQLite database: every model (grants, sessions, tokens,
// codes, registered clients, interactions) one row of oauth_models. Unlike the library's memory
// adapter it survives a restart, has no 1,000-entry cap, and lets Connected apps find grants by user.
import type { Adapter, AdapterPayload } from "oidc-provider";
import type { Db } from "../db/db.js";

/** A client_id the database does not know may still name a client: a metadata document fetched on demand. */
export type ClientFallback = (id: string) => Promise<AdapterPayload | undefined>;

interface Row {
  payload: string;
  expires_at: number | null;
  consumed_at: number | null;
}

// Expired rows are swept at most this often, on a write.
const SWEEP_MS = 60_000;

export function sqliteAdapter(db: Db, clientFallback?: ClientFallback): (model: string) => Adapter {
  const upsert = db.prepare(
    `INSERT INTO oauth_models (model, id, payload, grant_id, uid, user_code, account_id, client_id, expires_at)
     VALUES (@model, @id, @payload, @grant_id, @uid, @user_code, @account_id, @client_id, @expires_at)
     ON CONFLICT (model, id) DO UPDATE SET payload = excluded.payload, grant_id = excluded.grant_id, uid = excluded.uid,
       user_code = excluded.user_code, account_id = excluded.account_id, client_id = excluded.client_id, expires_at = excluded.expires_at`,
  );
  const find = db.prepare("SELECT payload, expires_at, consumed_at FROM oauth_models WHERE model = ? AND id = ?");
  const byColumn = {
    uid: db.prepare("SELECT id FROM oauth_models WHERE model = ? AND uid = ?").pluck(),
    user_code: db.prepare("SELECT id FROM oauth_models WHERE model = ? AND user_code = ?").pluck(),
  };
  const consume = db.prepare("UPDATE oauth_models SET consumed_at = ? WHERE model = ? AND id = ?");
  const destroy = db.prepare("DELETE FROM oauth_models WHERE model = ? AND id = ?");
  const revoke = db.prepare("DELETE FROM oauth_models WHERE model = ? AND grant_id = ?");
  const sweep = db.prepare("DELETE FROM oauth_models WHERE expires_at IS NOT NULL AND expires_at <= ?");
  let swept = 0;

  const read = (model: string, id: string): AdapterPayload | undefined => {
    const row = find.get(model, id) as Row | undefined;
    if (!row) return undefined;
    if (row.expires_at !== null && row.expires_at <= Date.now()) {
      destroy.run(model, id);
      return undefined;
    }
    const payload = JSON.parse(row.payload) as AdapterPayload;
    // The library reads `consumed` to refuse a code or refresh token used once already.
    return row.consumed_at === null ? payload : { ...payload, consumed: row.consumed_at };
  };

  return (model) => ({
    async upsert(id, payload, expiresIn) {
      const now = Date.now();
      if (now - swept >= SWEEP_MS) {
        swept = now;
        sweep.run(now);
      }
      upsert.run({
        model,
        id,
        payload: JSON.stringify(payload),
        grant_id: payload.grantId ?? null,
        uid: payload.uid ?? null,
        user_code: payload.userCode ?? null,
        account_id: payload.accountId ?? null,
        client_id: payload.clientId ?? null,
        expires_at: typeof expiresIn === "number" ? now + expiresIn * 1000 : null,
      });
    },
    async find(id) {
      const found = read(model, id);
      if (found || model !== "Client" || !clientFallback) return found;
      return clientFallback(id);
    },
    async findByUid(uid) {
      const id = byColumn.uid.get(model, uid) as string | undefined;
      return id === undefined ? undefined : read(model, id);
    },
    async findByUserCode(userCode) {
      const id = byColumn.user_code.get(model, userCode) as string | undefined;
      return id === undefined ? undefined : read(model, id);
    },
    async consume(id) {
      consume.run(Date.now(), model, id);
    },
    async destroy(id) {
      destroy.run(model, id);
    },
    async revokeByGrantId(grantId) {
      revoke.run(model, grantId);
    },
  });
}
