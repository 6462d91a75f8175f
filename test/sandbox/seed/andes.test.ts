// The Colombian demo company: COP with two decimals everywhere, America/Bogota, a NIT, its own
// statement day, and nothing shared with Acme or Brasa.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../../src/sandbox/db/db.js";
import { DEFAULT_TRANSACTIONS, seed, seedMissingCompanies } from "../../../src/sandbox/seed/seed.js";
import { expectContract, startTestSandbox, TODAY, type TestSandbox } from "../fixture.js";

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());

const TWO_DECIMALS = /^(0|[1-9][0-9]*)\.[0-9]{2}$/;

describe("Andes Logística (Colombia)", () => {
  it("is a company of its own: COP, America/Bogota, a NIT with its check digit, statement day 20", async () => {
    const me = await expectContract("getCurrentUser", await t.call("andes", "/api/v3/me"), 200);
    expect(me).toMatchObject({
      email: "admin@andes.example",
      role: "ADMINISTRATOR",
      company: { id: "cmp_andes", legalName: "Andes Logística S.A.S.", country: "CO", currency: "COP", timeZone: "America/Bogota", taxId: "901.234.567-7", billingCycle: { statementDay: 20 } },
    });
    // DIAN's check digit: weights 3, 7, 13, … from the right, modulo 11.
    const digits = "901234567".split("").reverse().map(Number);
    const weights = [3, 7, 13, 17, 19, 23, 29, 37, 41];
    const r = digits.reduce((sum, d, i) => sum + d * weights[i]!, 0) % 11;
    expect(String(r > 1 ? 11 - r : r)).toBe(me.company.taxId.at(-1));
    const days = t.sandbox.db.prepare("SELECT DISTINCT statement_day FROM companies").pluck().all();
    expect(new Set(days).size).toBe(3);
  });

  it("has cards and about 800 transactions, every amount in COP with exactly two decimals", async () => {
    const cards = await t.all("andes", "/api/v3/cards");
    expect(cards.totalItems).toBe(14);
    for (const card of cards.items) {
      expect(card.spendingLimit.amount.currency).toBe("COP");
      expect(card.spendingLimit.amount.value).toMatch(TWO_DECIMALS);
      expect(card.spentThisPeriod.value).toMatch(TWO_DECIMALS);
    }
    expect(cards.items.map((c) => c.spendingLimit.amount.value)).toContain("40000000.00");
    const txns = await t.all("andes", "/api/v3/transactions?from=2026-07-01", 100);
    expect(txns.totalItems).toBeGreaterThan(600);
    expect(txns.totalItems).toBeLessThanOrEqual(800);
    expect(txns.items.every((x) => x.amount.currency === "COP" && TWO_DECIMALS.test(x.amount.value))).toBe(true);
    // Peso prices are large: a coffee is thousands of pesos, still with two decimals.
    expect(txns.items.some((x) => x.amount.value.length >= "1250000.00".length)).toBe(true);
    const foreign = txns.items.find((x) => x.originalAmount);
    expect(foreign?.originalAmount.currency).toBe("USD");
    const summary = await t.call("andes", "/api/v3/transactions/summary?from=2026-11-01&to=2026-11-20&groupBy=category");
    expect(summary.status).toBe(200);
    expect(summary.body.totals.total).toMatchObject({ currency: "COP" });
    expect(summary.body.totals.total.value).toMatch(TWO_DECIMALS);
  });

  it("counts days in America/Bogota", () => {
    const rows = t.sandbox.db.prepare("SELECT authorized_at, local_day FROM transactions WHERE company_id = 'cmp_andes' LIMIT 200").all() as { authorized_at: number; local_day: string }[];
    const bogota = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Bogota", year: "numeric", month: "2-digit", day: "2-digit" });
    for (const row of rows) expect(row.local_day).toBe(bogota.format(row.authorized_at));
    // 23:30 in Bogotá is already the next day in UTC: the day follows Bogotá.
    const late = t.sandbox.db.prepare("SELECT COUNT(*) FROM transactions WHERE company_id = 'cmp_andes' AND local_day < strftime('%Y-%m-%d', authorized_at / 1000, 'unixepoch')").pluck().get();
    expect(late).toBeGreaterThan(0);
  });

  it("sees nothing of Acme or Brasa, and they see nothing of it", async () => {
    const andesCard = (await t.call("andes", "/api/v3/cards?size=1")).body.data[0].id;
    expect((await t.call("andes", "/api/v3/cards/card_7Hq2LmX9")).status).toBe(404);
    expect((await t.call("admin", `/api/v3/cards/${andesCard}`)).status).toBe(404);
    expect((await t.call("brasa", `/api/v3/cards/${andesCard}`)).status).toBe(404);
    expect((await t.call("andes", "/api/v3/cards?last4=4821")).body.totalItems).toBe(0);
    const acme = await t.all("admin", "/api/v3/transactions?from=2026-11-01");
    expect(acme.items.every((x) => x.amount.currency === "MXN")).toBe(true);
    const andesApprovals = (await t.all("andes", "/api/v3/approvals")).items;
    expect(andesApprovals.length).toBeGreaterThan(0);
    expect(andesApprovals.every((a) => a.amount.currency === "COP")).toBe(true);
    const andesExpenses = (await t.all("andes", "/api/v3/expenses")).items;
    expect(andesExpenses.length).toBeGreaterThan(0);
    expect(andesExpenses.every((e) => e.total.currency === "COP" && TWO_DECIMALS.test(e.total.value))).toBe(true);
    // Cross-company rows cannot exist: every transaction's card belongs to its company.
    const mixed = t.sandbox.db.prepare("SELECT COUNT(*) FROM transactions x JOIN cards c ON c.id = x.card_id WHERE c.company_id <> x.company_id").pluck().get();
    expect(mixed).toBe(0);
  });

  it("an older database without Andes gets it at start, as a full seed would make it", () => {
    const now = TODAY.getTime();
    const full = openDatabase(":memory:");
    seed(full, { now });
    const old = openDatabase(":memory:");
    seed(old, { now });
    // What a database seeded before Andes existed holds: the same, without Andes.
    old.pragma("foreign_keys = OFF");
    old.exec(`
      DELETE FROM receipts WHERE line_id IN (SELECT l.id FROM expense_lines l JOIN expenses e ON e.id = l.expense_id WHERE e.company_id = 'cmp_andes');
      DELETE FROM expense_lines WHERE expense_id IN (SELECT id FROM expenses WHERE company_id = 'cmp_andes');
      DELETE FROM companies WHERE id = 'cmp_andes';
    `);
    for (const table of ["approval_requests", "reimbursements", "expenses", "transactions", "merchants", "cards", "users", "cardholders"]) {
      old.prepare(`DELETE FROM ${table} WHERE company_id = 'cmp_andes'`).run();
    }
    old.pragma("foreign_keys = ON");
    expect(seedMissingCompanies(old, now)).toEqual(["cmp_andes"]);
    expect(seedMissingCompanies(old, now)).toEqual([]);
    const cards = (db: typeof full) => db.prepare("SELECT id, last4, limit_minor FROM cards WHERE company_id = 'cmp_andes' ORDER BY id").all();
    expect(cards(old)).toEqual(cards(full));
    for (const table of ["transactions", "expenses", "approval_requests", "users"]) {
      const count = (db: typeof full) => db.prepare(`SELECT COUNT(*) FROM ${table} WHERE company_id = 'cmp_andes'`).pluck().get();
      expect(count(old), table).toBe(count(full));
    }
    expect(DEFAULT_TRANSACTIONS).toBe(8000);
  });
});
