// npm run tokens -- create --email <e> [--name <label>] [--json] | list --email <e> | revoke <id>
// Token management is not part of the public API: it works on the database directly.
import { parseArgs } from "node:util";
import { DEFAULT_DB_FILE, openDatabase } from "../db/db.js";
import { isEmpty, seed } from "../seed/seed.js";
import { createToken, listTokens, revokeToken } from "../tokens/tokens.js";

const USAGE = `usage:
  npm run tokens -- create --email <email> [--name <label>] [--json]
  npm run tokens -- list --email <email> [--json]
  npm run tokens -- revoke <token id>
(database: SANDBOX_DB, default ${DEFAULT_DB_FILE})`;

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { email: { type: "string" }, name: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
});
const [command, ...rest] = positionals;
if (values.help || !command) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}

const db = openDatabase(process.env.SANDBOX_DB ?? DEFAULT_DB_FILE);
// A fresh machine has no users yet: the sandbox would seed on start, so do the same here.
if (isEmpty(db)) seed(db);
try {
  if (command === "create") {
    if (!values.email) fail("create needs --email");
    const { id, token } = createToken(db, values.email, values.name);
    if (values.json) console.log(JSON.stringify({ id, token }));
    else console.log(`Token ${id} for ${values.email} (shown once, keep it safe):\n${token}`);
  } else if (command === "list") {
    if (!values.email) fail("list needs --email");
    const tokens = listTokens(db, values.email);
    if (values.json) console.log(JSON.stringify(tokens));
    else if (tokens.length === 0) console.log(`No tokens for ${values.email}.`);
    else {
      for (const t of tokens) {
        const state = t.revokedAt ? `revoked ${t.revokedAt}` : `last used ${t.lastUsedAt ?? "never"}`;
        console.log(`${t.id}  ${t.name ?? "(no name)"}  created ${t.createdAt}  ${state}`);
      }
    }
  } else if (command === "revoke") {
    const id = rest[0];
    if (!id) fail("revoke needs a token id");
    if (!revokeToken(db, id)) fail(`no token with id ${id}`);
    console.log(`Revoked ${id}.`);
  } else fail(`unknown command ${command}`);
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
} finally {
  db.close();
}
