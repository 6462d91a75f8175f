// The database schema, as an ordered list of migrations; each runs once, in its own transaction.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Indexes on transactions, dropped and rebuilt around bulk seeding (building them once is faster). */
export const TRANSACTION_INDEXES: Record<string, string> = {
  // Period scans (the default period, counts): covering, so no table lookups.
  tx_period: "transactions (company_id, authorized_at, amount_minor, status, category)",
  // One per summary grouping and per equality filter: "key IN (every key) AND period" walks each
  // key's slice in key order, so groups need no sort, and the columns filters read are at hand.
  tx_category: "transactions (company_id, category, authorized_at, amount_minor, status)",
  tx_cardholder: "transactions (company_id, cardholder_id, authorized_at, amount_minor, status)",
  tx_card: "transactions (company_id, card_id, authorized_at, amount_minor, status)",
  tx_merchant: "transactions (company_id, merchant_name, authorized_at, amount_minor, status)",
  tx_day: "transactions (company_id, local_day, authorized_at, amount_minor, status)",
  tx_status: "transactions (company_id, status, authorized_at)",
  tx_amount: "transactions (company_id, amount_minor, authorized_at)",
};

export function createTransactionIndexesSql(): string {
  return Object.entries(TRANSACTION_INDEXES)
    .map(([name, on]) => `CREATE INDEX IF NOT EXISTS ${name} ON ${on};`)
    .join("\n");
}

export function dropTransactionIndexesSql(): string {
  return Object.keys(TRANSACTION_INDEXES)
    .map((name) => `DROP INDEX IF EXISTS ${name};`)
    .join("\n");
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: "companies, users, cardholders, cards, transactions",
    sql: `
      CREATE TABLE companies (
        id TEXT PRIMARY KEY,
        legal_name TEXT NOT NULL,
        country TEXT NOT NULL,
        currency TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        tax_id TEXT NOT NULL,
        statement_day INTEGER NOT NULL CHECK (statement_day BETWEEN 1 AND 28),
        created_at INTEGER NOT NULL
      );
      CREATE TABLE cardholders (
        id TEXT PRIMARY KEY,
        company_id TEXT NOT NULL REFERENCES companies(id),
        name TEXT NOT NULL,
        -- lower case, accents removed: what name searches compare against
        name_norm TEXT NOT NULL,
        email TEXT NOT NULL
      );
      CREATE INDEX cardholders_company_name ON cardholders (company_id, name_norm);
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        company_id TEXT NOT NULL REFERENCES companies(id),
        name TEXT NOT NULL,
        email TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('ADMINISTRATOR', 'BOOKKEEPER', 'EMPLOYEE', 'VIEWER')),
        -- the cardholder this user is, when they hold cards (employees see only these)
        cardholder_id TEXT REFERENCES cardholders(id)
      );
      CREATE TABLE cards (
        id TEXT PRIMARY KEY,
        company_id TEXT NOT NULL REFERENCES companies(id),
        cardholder_id TEXT NOT NULL REFERENCES cardholders(id),
        last4 TEXT NOT NULL,
        brand TEXT NOT NULL,
        type TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('ACTIVE', 'LOCKED', 'CANCELLED')),
        limit_minor INTEGER NOT NULL,
        limit_period TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX cards_company_created ON cards (company_id, created_at DESC);
      CREATE INDEX cards_company_status ON cards (company_id, status);
      CREATE INDEX cards_company_last4 ON cards (company_id, last4);
      CREATE INDEX cards_company_holder ON cards (company_id, cardholder_id);
      CREATE INDEX cards_company_limit ON cards (company_id, limit_minor);
      CREATE TABLE transactions (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL,
        company_id TEXT NOT NULL,
        card_id TEXT NOT NULL,
        cardholder_id TEXT NOT NULL,
        merchant_name TEXT NOT NULL,
        -- lower case, accents removed: what merchant searches compare against
        merchant_norm TEXT NOT NULL,
        category TEXT NOT NULL,
        mcc TEXT NOT NULL,
        merchant_country TEXT NOT NULL,
        amount_minor INTEGER NOT NULL,
        original_minor INTEGER,
        original_currency TEXT,
        status TEXT NOT NULL CHECK (status IN ('PENDING', 'POSTED', 'DECLINED', 'REVERSED')),
        authorized_at INTEGER NOT NULL,
        posted_at INTEGER,
        -- the authorisation's date in the company's time zone (YYYY-MM-DD), for day and month groups
        local_day TEXT NOT NULL
      );
      CREATE INDEX tx_period ON transactions (company_id, authorized_at, category, amount_minor, status, cardholder_id, card_id, local_day);
      CREATE INDEX tx_category ON transactions (company_id, category, authorized_at, amount_minor);
      CREATE INDEX tx_cardholder ON transactions (company_id, cardholder_id, authorized_at);
      CREATE INDEX tx_status ON transactions (company_id, status, authorized_at);
      CREATE INDEX tx_amount ON transactions (company_id, amount_minor, authorized_at);
      CREATE INDEX tx_card ON transactions (card_id, authorized_at, status, amount_minor);
    `,
  },
  {
    version: 2,
    name: "personal access tokens and idempotency keys",
    sql: `
      CREATE TABLE tokens (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        name TEXT,
        -- sha256 of the token, hex; the token itself is never stored
        hash TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        last_used_at INTEGER,
        revoked_at INTEGER
      );
      CREATE INDEX tokens_user ON tokens (user_id);
      CREATE TABLE idempotency_keys (
        company_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        status INTEGER NOT NULL,
        body TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (company_id, user_id, key)
      );
      CREATE INDEX idempotency_created ON idempotency_keys (created_at);
    `,
  },
  {
    version: 3,
    name: "merchants, and one index per summary grouping",
    sql: `
      CREATE TABLE merchants (
        company_id TEXT NOT NULL,
        name TEXT NOT NULL,
        PRIMARY KEY (company_id, name)
      ) WITHOUT ROWID;
      INSERT OR IGNORE INTO merchants (company_id, name) SELECT DISTINCT company_id, merchant_name FROM transactions;
      DROP INDEX IF EXISTS tx_period;
      DROP INDEX IF EXISTS tx_category;
      DROP INDEX IF EXISTS tx_cardholder;
      DROP INDEX IF EXISTS tx_card;
      ${createTransactionIndexesSql()}
    `,
  },
  {
    version: 4,
    name: "expense reports, receipts, reimbursements and approval requests",
    sql: `
      CREATE TABLE expenses (
        id TEXT PRIMARY KEY,
        company_id TEXT NOT NULL REFERENCES companies(id),
        submitter_id TEXT NOT NULL REFERENCES cardholders(id),
        title TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'REIMBURSED')),
        total_minor INTEGER NOT NULL,
        line_count INTEGER NOT NULL,
        missing_receipts INTEGER NOT NULL,
        -- the distinct policy flags of its lines, comma-separated ('' when none)
        policy_flags TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        submitted_at INTEGER
      );
      CREATE INDEX expenses_company_created ON expenses (company_id, created_at);
      CREATE INDEX expenses_company_submitter ON expenses (company_id, submitter_id, created_at);
      CREATE TABLE expense_lines (
        id TEXT PRIMARY KEY,
        expense_id TEXT NOT NULL REFERENCES expenses(id),
        position INTEGER NOT NULL,
        -- the purchase's date in the company's time zone (YYYY-MM-DD)
        local_day TEXT NOT NULL,
        description TEXT NOT NULL,
        merchant_name TEXT NOT NULL,
        category TEXT NOT NULL,
        amount_minor INTEGER NOT NULL,
        -- the card transaction this line is, and its card; both NULL for out-of-pocket lines
        transaction_id TEXT,
        card_id TEXT REFERENCES cards(id),
        policy_flags TEXT NOT NULL
      );
      CREATE INDEX expense_lines_expense ON expense_lines (expense_id, position);
      CREATE INDEX expense_lines_category ON expense_lines (category, expense_id);
      CREATE UNIQUE INDEX expense_lines_transaction ON expense_lines (transaction_id) WHERE transaction_id IS NOT NULL;
      CREATE TABLE receipts (
        id TEXT PRIMARY KEY,
        line_id TEXT NOT NULL UNIQUE REFERENCES expense_lines(id),
        file_name TEXT NOT NULL,
        content_type TEXT NOT NULL,
        uploaded_at INTEGER NOT NULL
      );
      CREATE TABLE reimbursements (
        id TEXT PRIMARY KEY,
        company_id TEXT NOT NULL REFERENCES companies(id),
        employee_id TEXT NOT NULL REFERENCES cardholders(id),
        expense_id TEXT NOT NULL UNIQUE REFERENCES expenses(id),
        amount_minor INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('PENDING', 'PAID', 'FAILED')),
        created_at INTEGER NOT NULL,
        paid_at INTEGER,
        bank TEXT NOT NULL,
        account_last4 TEXT NOT NULL,
        failure_reason TEXT
      );
      CREATE INDEX reimbursements_company_created ON reimbursements (company_id, created_at);
      CREATE TABLE approval_requests (
        id TEXT PRIMARY KEY,
        company_id TEXT NOT NULL REFERENCES companies(id),
        type TEXT NOT NULL CHECK (type IN ('EXPENSE_REPORT', 'LIMIT_INCREASE')),
        status TEXT NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
        requested_by TEXT NOT NULL REFERENCES cardholders(id),
        requested_at INTEGER NOT NULL,
        description TEXT NOT NULL,
        expense_id TEXT UNIQUE REFERENCES expenses(id),
        card_id TEXT REFERENCES cards(id),
        -- limit increases: the limit asked for, and once decided the limit the card had just before
        requested_limit_minor INTEGER,
        requested_limit_period TEXT,
        replaced_limit_minor INTEGER,
        replaced_limit_period TEXT,
        decided_by TEXT REFERENCES users(id),
        decided_at INTEGER,
        comment TEXT
      );
      CREATE INDEX approvals_company_requested ON approval_requests (company_id, status, requested_at);
      CREATE INDEX approvals_card ON approval_requests (card_id, status);
    `,
  },
  {
    version: 5,
    name: "web sign-in: password hashes, sessions, sign-in throttling",
    sql: `
      -- scrypt$N$r$p$salt$hash (src/sandbox/web/passwords.ts); NULL until the demo password is applied
      ALTER TABLE users ADD COLUMN password_hash TEXT;
      CREATE TABLE web_sessions (
        -- sha256 of the cookie's random value, hex; the value itself is never stored
        id_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        csrf TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL
      );
      CREATE INDEX web_sessions_user ON web_sessions (user_id);
      -- failed sign-ins by key ("email:…" or "address:…"), and the keys locked until a time
      CREATE TABLE signin_failures (key TEXT NOT NULL, at INTEGER NOT NULL);
      CREATE INDEX signin_failures_key ON signin_failures (key, at);
      CREATE TABLE signin_locks (key TEXT PRIMARY KEY, until INTEGER NOT NULL);
    `,
  },
  {
    version: 6,
    name: "OAuth authorization server: its models, keys and connected apps",
    sql: `
      -- oidc-provider's models (Grant, Session, AccessToken, RefreshToken, AuthorizationCode, Client, Interaction, …),
      -- one row each; payload is the model's JSON, the other columns are what it is looked up by
      CREATE TABLE oauth_models (
        model TEXT NOT NULL,
        id TEXT NOT NULL,
        payload TEXT NOT NULL,
        grant_id TEXT,
        uid TEXT,
        user_code TEXT,
        account_id TEXT,
        client_id TEXT,
        -- ms since the epoch; NULL: never expires
        expires_at INTEGER,
        consumed_at INTEGER,
        PRIMARY KEY (model, id)
      );
      CREATE INDEX oauth_models_grant ON oauth_models (grant_id);
      CREATE INDEX oauth_models_uid ON oauth_models (model, uid);
      CREATE INDEX oauth_models_user_code ON oauth_models (model, user_code);
      CREATE INDEX oauth_models_account ON oauth_models (model, account_id);
      CREATE INDEX oauth_models_expiry ON oauth_models (expires_at);
      -- the signing keys (private JWKs) and cookie keys, so a restart keeps tokens and sign-ins valid
      CREATE TABLE oauth_keys (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('signing', 'cookie')),
        material TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      -- one row per grant a user consented to: what Settings → Integrations lists as a connected app
      CREATE TABLE oauth_apps (
        grant_id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES users(id),
        client_id TEXT NOT NULL,
        client_name TEXT NOT NULL,
        connected_at INTEGER NOT NULL,
        last_used_at INTEGER
      );
      CREATE INDEX oauth_apps_account ON oauth_apps (account_id, client_id);
    `,
  },
];
