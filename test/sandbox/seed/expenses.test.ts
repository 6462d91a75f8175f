// The seeded expense data: deterministic, consistent with the transactions and cards it stands on.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../../src/sandbox/db/db.js";
import { lineFlags, type PolicyFlag } from "../../../src/sandbox/api/expense-policy.js";
import { EXPENSE_TABLES, lacksExpenses } from "../../../src/sandbox/seed/expenses.js";
import { seed, seedExpenses } from "../../../src/sandbox/seed/seed.js";
import { startSandbox } from "../../../src/sandbox/server.js";
import { TODAY } from "../fixture.js";

const NOW = TODAY.getTime();

function seeded(transactions?: number): Db {
  const db = openDatabase(":memory:");
  seed(db, { now: NOW, ...(transactions !== undefined ? { transactions } : {}) });
  return db;
}

const dump = (db: Db) => EXPENSE_TABLES.map((table) => JSON.stringify(db.prepare(`SELECT * FROM ${table} ORDER BY id`).all())).join("\n");
const count = (db: Db, sql: string, ...args: unknown[]): number => db.prepare(sql).pluck().get(...args) as number;

describe("expense seed", () => {
  it("is deterministic, and reseeding expenses alone gives the same rows", () => {
    const a = seeded();
    const b = seeded();
    expect(dump(a)).toBe(dump(b));
    seedExpenses(a, NOW);
    expect(dump(a)).toBe(dump(b));
    expect(count(a, "SELECT COUNT(*) FROM expenses")).toBeGreaterThan(60);
  });

  it("card lines are posted transactions of the submitter, used once, with their amount, card and day", () => {
    const db = seeded();
    const lines = count(db, "SELECT COUNT(*) FROM expense_lines WHERE transaction_id IS NOT NULL");
    expect(lines).toBeGreaterThan(50);
    const matching = count(
      db,
      `SELECT COUNT(*) FROM expense_lines l JOIN expenses e ON e.id = l.expense_id JOIN transactions t ON t.id = l.transaction_id
         WHERE t.company_id = e.company_id AND t.cardholder_id = e.submitter_id AND t.card_id = l.card_id AND t.amount_minor = l.amount_minor
           AND t.local_day = l.local_day AND t.merchant_name = l.merchant_name AND t.status = 'POSTED'`,
    );
    expect(matching).toBe(lines);
    expect(count(db, "SELECT COUNT(DISTINCT transaction_id) FROM expense_lines WHERE transaction_id IS NOT NULL")).toBe(lines);
  });

  it("stored totals, receipt counts and policy flags agree with the lines", () => {
    const db = seeded();
    const wrong = count(
      db,
      `SELECT COUNT(*) FROM expenses e WHERE total_minor <> (SELECT SUM(amount_minor) FROM expense_lines WHERE expense_id = e.id)
         OR line_count <> (SELECT COUNT(*) FROM expense_lines WHERE expense_id = e.id)
         OR missing_receipts <> (SELECT COUNT(*) FROM expense_lines l WHERE l.expense_id = e.id AND NOT EXISTS (SELECT 1 FROM receipts r WHERE r.line_id = l.id))`,
    );
    expect(wrong).toBe(0);
    const rows = db.prepare("SELECT l.category, l.amount_minor, l.local_day, l.policy_flags, c.currency FROM expense_lines l JOIN expenses e ON e.id = l.expense_id JOIN companies c ON c.id = e.company_id").all() as {
      category: string; amount_minor: number; local_day: string; policy_flags: string; currency: string;
    }[];
    for (const r of rows) expect(r.policy_flags).toBe(lineFlags({ category: r.category, amountMinor: r.amount_minor, day: r.local_day }, r.currency).join(","));
    const seen = new Set(rows.flatMap((r) => (r.policy_flags ? (r.policy_flags.split(",") as PolicyFlag[]) : [])));
    expect([...seen].sort()).toEqual(["OVER_CATEGORY_LIMIT", "RESTRICTED_CATEGORY", "WEEKEND_SPENDING"]);
  });

  it("statuses, approvals and reimbursements tell one story, all in the past", () => {
    const db = seeded();
    const bad = (sql: string) => count(db, sql);
    // Every submitted report has one approval request whose status follows the report's.
    expect(bad(`SELECT COUNT(*) FROM expenses e LEFT JOIN approval_requests a ON a.expense_id = e.id
      WHERE (e.status = 'DRAFT') <> (a.id IS NULL)
         OR (e.status = 'SUBMITTED' AND a.status <> 'PENDING')
         OR (e.status = 'REJECTED' AND a.status <> 'REJECTED')
         OR (e.status IN ('APPROVED', 'REIMBURSED') AND a.status <> 'APPROVED')`)).toBe(0);
    // Reimbursements exist only for approved reports with out-of-pocket lines, for exactly that amount.
    expect(bad(`SELECT COUNT(*) FROM reimbursements r JOIN expenses e ON e.id = r.expense_id
      WHERE e.status NOT IN ('APPROVED', 'REIMBURSED') OR r.employee_id <> e.submitter_id
         OR r.amount_minor <> (SELECT SUM(amount_minor) FROM expense_lines WHERE expense_id = e.id AND transaction_id IS NULL)
         OR (r.status = 'PAID') <> (e.status = 'REIMBURSED')`)).toBe(0);
    expect(bad(`SELECT COUNT(*) FROM expenses e WHERE e.status = 'REIMBURSED' AND NOT EXISTS (SELECT 1 FROM reimbursements WHERE expense_id = e.id)`)).toBe(0);
    expect(bad(`SELECT COUNT(*) FROM reimbursements WHERE (status = 'PAID') <> (paid_at IS NOT NULL) OR (status = 'FAILED') <> (failure_reason IS NOT NULL)`)).toBe(0);
    // Times run forward and end before now.
    expect(bad(`SELECT COUNT(*) FROM expenses WHERE created_at > ${NOW} OR submitted_at < created_at OR submitted_at > ${NOW}`)).toBe(0);
    expect(bad(`SELECT COUNT(*) FROM approval_requests WHERE decided_at < requested_at OR decided_at > ${NOW} OR (status = 'PENDING') <> (decided_at IS NULL)`)).toBe(0);
    expect(bad(`SELECT COUNT(*) FROM reimbursements WHERE paid_at < created_at OR paid_at > ${NOW}`)).toBe(0);
  });

  it("limit increases refer to real cards of the requester; an approved one is the card's limit today", () => {
    const db = seeded();
    const increases = db.prepare(
      `SELECT a.status, a.requested_limit_minor AS requested, a.replaced_limit_minor AS replaced, c.limit_minor AS card_limit, c.status AS card_status,
         c.cardholder_id = a.requested_by AS own, c.company_id = a.company_id AS same_company
       FROM approval_requests a JOIN cards c ON c.id = a.card_id WHERE a.type = 'LIMIT_INCREASE'`,
    ).all() as { status: string; requested: number; replaced: number | null; card_limit: number; card_status: string; own: number; same_company: number }[];
    expect(increases.filter((r) => r.status === "PENDING").length).toBeGreaterThanOrEqual(4);
    for (const r of increases) {
      expect(r.own && r.same_company).toBe(1);
      if (r.status === "PENDING") expect([r.card_status, r.requested > r.card_limit]).toEqual(["ACTIVE", true]);
      if (r.status === "APPROVED") expect([r.card_limit, r.replaced! < r.requested]).toEqual([r.requested, true]);
      if (r.status === "REJECTED") expect(r.replaced).toBe(r.card_limit);
    }
    expect(count(db, "SELECT COUNT(*) FROM approval_requests WHERE type = 'LIMIT_INCREASE' AND card_id IS NULL")).toBe(0);
  });

  it("copes with few transactions: every report still has at least one line", () => {
    const db = seeded(0);
    expect(count(db, "SELECT COUNT(*) FROM expenses")).toBeGreaterThan(60);
    expect(count(db, "SELECT COUNT(*) FROM expense_lines WHERE transaction_id IS NOT NULL")).toBe(0);
    expect(count(db, "SELECT COUNT(*) FROM expenses WHERE line_count < 1")).toBe(0);
  });

  it("a database seeded before expenses existed gets them when the sandbox starts", async () => {
    const dir = mkdtempSync(join(tmpdir(), "clara-expenses-"));
    try {
      const file = join(dir, "sandbox.db");
      const old = openDatabase(file);
      seed(old, { now: NOW, transactions: 800 });
      for (const table of EXPENSE_TABLES) old.exec(`DELETE FROM ${table}`);
      const cards = JSON.stringify(old.prepare("SELECT * FROM cards ORDER BY id").all());
      expect(lacksExpenses(old)).toBe(true);
      old.close();
      const sandbox = await startSandbox({ dbFile: file, today: TODAY });
      try {
        expect(lacksExpenses(sandbox.db)).toBe(false);
        expect(count(sandbox.db, "SELECT COUNT(*) FROM approval_requests WHERE status = 'PENDING'")).toBeGreaterThan(0);
        expect(JSON.stringify(sandbox.db.prepare("SELECT * FROM cards ORDER BY id").all())).toBe(cards);
      } finally {
        await sandbox.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
