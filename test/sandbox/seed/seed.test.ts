import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { migrate, openDatabase, type Db } from "../../../src/sandbox/db/db.js";
import { MIGRATIONS } from "../../../src/sandbox/db/migrations.js";
import { billingPeriod } from "../../../src/calendar/billing.js";
import type { Caller } from "../../../src/sandbox/api/caller.js";
import { cardBody, type CardRow } from "../../../src/sandbox/api/cards.js";
import { formatMinor, parseMinor } from "../../../src/sandbox/api/money.js";
import { seed } from "../../../src/sandbox/seed/seed.js";
import { authenticateToken, createToken } from "../../../src/sandbox/tokens/tokens.js";
import { TODAY } from "../fixture.js";

const NOW = TODAY.getTime();
const DAY = 86_400_000;

function seeded(transactions?: number): Db {
  const db = openDatabase(":memory:");
  seed(db, { now: NOW, ...(transactions !== undefined ? { transactions } : {}) });
  return db;
}

const one = <T>(db: Db, sql: string, ...args: unknown[]): T => db.prepare(sql).get(...args) as T;
const count = (db: Db, sql: string, ...args: unknown[]): number => db.prepare(sql).pluck().get(...args) as number;

describe("seed", () => {
  it("is deterministic for a given now and size", () => {
    const a = seeded();
    const b = seeded();
    const dump = (db: Db) => JSON.stringify(db.prepare("SELECT * FROM transactions ORDER BY seq").all()) + JSON.stringify(db.prepare("SELECT * FROM cards ORDER BY id").all());
    expect(dump(a)).toBe(dump(b));
    // People and cards keep their ids whatever the number of transactions.
    const c = seeded(2000);
    const ids = (db: Db) => db.prepare("SELECT id FROM cards UNION ALL SELECT id FROM cardholders UNION ALL SELECT id FROM users ORDER BY 1").pluck().all();
    expect(ids(c)).toEqual(ids(a));
    expect(count(c, "SELECT COUNT(*) FROM transactions")).toBe(2000);
  });

  it("builds the Mexican demo company as promised", () => {
    const db = seeded();
    expect(one(db, "SELECT currency, time_zone AS zone, country, statement_day AS day FROM companies WHERE id = 'cmp_acme'")).toEqual({ currency: "MXN", zone: "America/Mexico_City", country: "MX", day: 5 });
    expect(count(db, "SELECT COUNT(*) FROM cardholders WHERE company_id = 'cmp_acme'")).toBe(30);
    expect(count(db, "SELECT COUNT(*) FROM cards WHERE company_id = 'cmp_acme'")).toBe(40);
    expect(count(db, "SELECT COUNT(*) FROM cards WHERE company_id = 'cmp_acme' AND status = 'LOCKED'")).toBeGreaterThanOrEqual(3);
    expect(count(db, "SELECT COUNT(*) FROM cards WHERE company_id = 'cmp_acme' AND status = 'CANCELLED'")).toBeGreaterThanOrEqual(3);
    const luis = db.prepare("SELECT c.status, c.last4 FROM cards c JOIN cardholders h ON h.id = c.cardholder_id WHERE h.name = 'Luis Pérez'").all();
    expect(luis).toEqual([{ status: "ACTIVE", last4: "4821" }]);
    expect(count(db, "SELECT COUNT(*) FROM cardholders WHERE name = 'Luisa Pérez Gómez'")).toBe(1);
    const twoCards = db.prepare("SELECT h.name FROM cards c JOIN cardholders h ON h.id = c.cardholder_id WHERE c.company_id = 'cmp_acme' GROUP BY h.id HAVING COUNT(*) = 2").pluck().all();
    expect(twoCards.length).toBeGreaterThan(0);
    expect(twoCards).not.toContain("Luis Pérez");
    const roles = db.prepare("SELECT email, role, company_id FROM users ORDER BY email").all();
    expect(roles).toEqual([
      { email: "admin@acme.example", role: "ADMINISTRATOR", company_id: "cmp_acme" },
      { email: "admin@andes.example", role: "ADMINISTRATOR", company_id: "cmp_andes" },
      { email: "admin@brasa.example", role: "ADMINISTRATOR", company_id: "cmp_brasa" },
      { email: "books@acme.example", role: "BOOKKEEPER", company_id: "cmp_acme" },
      { email: "employee@acme.example", role: "EMPLOYEE", company_id: "cmp_acme" },
      { email: "viewer@acme.example", role: "VIEWER", company_id: "cmp_acme" },
    ]);
  });

  it("gives the Mexican company at least 5,000 varied transactions over the last 120 days", () => {
    const db = seeded();
    const acme = "company_id = 'cmp_acme'";
    expect(count(db, `SELECT COUNT(*) FROM transactions WHERE ${acme}`)).toBeGreaterThanOrEqual(5000);
    expect(count(db, `SELECT MIN(authorized_at) FROM transactions WHERE ${acme}`)).toBeGreaterThanOrEqual(NOW - 121 * DAY);
    expect(count(db, `SELECT MAX(authorized_at) FROM transactions WHERE ${acme}`)).toBeLessThanOrEqual(NOW);
    expect(count(db, `SELECT COUNT(DISTINCT category) FROM transactions WHERE ${acme}`)).toBe(12);
    expect(count(db, `SELECT COUNT(*) FROM transactions WHERE ${acme} AND amount_minor > 500000`)).toBeGreaterThan(20);
    expect(count(db, `SELECT COUNT(*) FROM transactions WHERE ${acme} AND amount_minor < 10000`)).toBeGreaterThan(100);
    expect(db.prepare(`SELECT DISTINCT original_currency FROM transactions WHERE ${acme} AND original_currency IS NOT NULL ORDER BY 1`).pluck().all()).toEqual(["EUR", "USD"]);
    for (const status of ["PENDING", "POSTED", "DECLINED", "REVERSED"]) {
      expect(count(db, `SELECT COUNT(*) FROM transactions WHERE ${acme} AND status = ?`, status), status).toBeGreaterThan(10);
    }
    expect(count(db, `SELECT MIN(authorized_at) FROM transactions WHERE ${acme} AND status = 'PENDING'`)).toBeGreaterThan(NOW - 4 * DAY);
    expect(count(db, `SELECT COUNT(*) FROM transactions WHERE status = 'POSTED' AND (posted_at IS NULL OR posted_at > ?)`, NOW)).toBe(0);
    // A cancelled card is not used after it was cancelled: its latest use is weeks ago.
    const lastUse = count(db, `SELECT MAX(t.authorized_at) FROM transactions t JOIN cards c ON c.id = t.card_id WHERE c.status = 'CANCELLED' AND c.company_id = 'cmp_acme'`);
    expect(lastUse).toBeLessThan(NOW - 30 * DAY);
    const brasa = count(db, "SELECT COUNT(*) FROM transactions WHERE company_id = 'cmp_brasa'");
    expect(brasa).toBeGreaterThan(500);
    expect(brasa).toBeLessThan(5000);
  });

  it("keeps every card within its limit the way the cards endpoint counts spending", () => {
    const db = seeded();
    const companies = db.prepare("SELECT id, legal_name, country, currency, time_zone, statement_day, created_at FROM companies").all() as any[];
    let checked = 0;
    for (const c of companies) {
      const company = { id: c.id, legalName: c.legal_name, country: c.country, currency: c.currency, timeZone: c.time_zone, taxId: "", statementDay: c.statement_day, createdAt: c.created_at };
      const caller: Caller = { tokenId: "", userId: "", name: "", email: "", role: "ADMINISTRATOR", cardholderId: null, company };
      const rows = db.prepare(
        "SELECT c.*, h.name AS holder_name, h.email AS holder_email FROM cards c JOIN cardholders h ON h.id = c.cardholder_id WHERE c.company_id = ?",
      ).all(c.id) as CardRow[];
      for (const row of rows) {
        const body = cardBody(db, row, caller, NOW);
        if (row.limit_period === "PER_TRANSACTION") continue;
        expect(parseMinor(body.spentThisPeriod.value), `${row.last4} ${row.limit_period}`).toBeLessThanOrEqual(row.limit_minor);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
    // Every earlier period too: no day (daily limits) or billing period (monthly ones) ever went over.
    const over = db.prepare(
      `SELECT t.card_id, t.local_day, SUM(t.amount_minor) AS spent, c.limit_minor FROM transactions t JOIN cards c ON c.id = t.card_id
         WHERE c.limit_period = 'DAILY' AND t.status IN ('PENDING', 'POSTED') GROUP BY t.card_id, t.local_day HAVING spent > c.limit_minor`,
    ).all();
    expect(over).toEqual([]);
    const monthly = new Map<string, { spent: number; limit: number }>();
    const approved = db.prepare(
      `SELECT t.card_id, t.local_day, t.amount_minor, c.limit_minor, co.statement_day FROM transactions t JOIN cards c ON c.id = t.card_id
         JOIN companies co ON co.id = t.company_id WHERE c.limit_period = 'MONTHLY' AND t.status IN ('PENDING', 'POSTED')`,
    ).all() as { card_id: string; local_day: string; amount_minor: number; limit_minor: number; statement_day: number }[];
    for (const t of approved) {
      const key = `${t.card_id} ${billingPeriod(t.local_day, t.statement_day).from}`;
      const entry = monthly.get(key) ?? { spent: 0, limit: t.limit_minor };
      entry.spent += t.amount_minor;
      monthly.set(key, entry);
    }
    expect(monthly.size).toBeGreaterThan(100);
    expect([...monthly].filter(([, e]) => e.spent > e.limit)).toEqual([]);
    const perPurchase = count(db, "SELECT COUNT(*) FROM transactions t JOIN cards c ON c.id = t.card_id WHERE c.limit_period = 'PER_TRANSACTION' AND t.status IN ('PENDING', 'POSTED') AND t.amount_minor > c.limit_minor");
    expect(perPurchase).toBe(0);
    // The limits bite: some purchases over them were declined, and big purchases still went through on high-limit cards.
    expect(count(db, "SELECT COUNT(*) FROM transactions t JOIN cards c ON c.id = t.card_id WHERE c.limit_period = 'PER_TRANSACTION' AND t.status = 'DECLINED' AND t.amount_minor > c.limit_minor")).toBeGreaterThan(0);
    expect(count(db, "SELECT COUNT(*) FROM transactions WHERE company_id = 'cmp_acme' AND status IN ('PENDING', 'POSTED') AND amount_minor > 500000 AND authorized_at >= ?", NOW - 30 * DAY)).toBeGreaterThan(40);
    // A locked card (locked at least three days ago) approves nothing since.
    expect(count(db, "SELECT COUNT(*) FROM transactions t JOIN cards c ON c.id = t.card_id WHERE c.status = 'LOCKED' AND t.status IN ('PENDING', 'POSTED') AND t.authorized_at > ?", NOW - 2 * DAY)).toBe(0);
  });

  it("migrates once, and a reseed keeps tokens working", () => {
    const db = seeded();
    expect(migrate(db)).toBe(0);
    expect(db.prepare("SELECT version FROM migrations ORDER BY version").pluck().all()).toEqual(MIGRATIONS.map((m) => m.version));
    const { token } = createToken(db, "admin@acme.example");
    seed(db, { now: NOW + DAY, transactions: 1500 });
    expect(authenticateToken(db, token)).toBeDefined();
    expect(count(db, "SELECT COUNT(*) FROM transactions")).toBe(1500);
  });
});

describe("money", () => {
  it("parses and formats exactly, with two decimals", () => {
    expect(parseMinor("5000")).toBe(500000);
    expect(parseMinor("1234.5")).toBe(123450);
    expect(parseMinor("0.07")).toBe(7);
    expect(formatMinor(123450)).toBe("1234.50");
    expect(formatMinor(7)).toBe("0.07");
    expect(formatMinor(-5)).toBe("-0.05");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 15 }), (minor) => {
        const text = formatMinor(minor);
        expect(text).toMatch(/^(0|[1-9][0-9]*)\.[0-9]{2}$/);
        expect(parseMinor(text)).toBe(minor);
      }),
    );
  });
});
