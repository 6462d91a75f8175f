// Expense reports and reimbursements: every filter means what it says, employees see their own, companies stay apart.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalizeText } from "../../../src/sandbox/api/text.js";
import { cents, startTestSandbox, TODAY, type TestSandbox } from "../fixture.js";

let t: TestSandbox;
let every: any[];
beforeAll(async () => {
  t = await startTestSandbox();
  every = (await t.all("admin", "/api/v3/expenses")).items;
});
afterAll(() => t.close());

const ids = (items: { id: string }[]) => items.map((i) => i.id).sort();

describe("listExpenses", () => {
  it("lists every report of the company, newest first, with totals that add up", async () => {
    expect(every.length).toBeGreaterThan(50);
    const created = every.map((e) => Date.parse(e.createdAt));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect(every.every((e) => e.total.currency === "MXN")).toBe(true);
    for (const e of every.slice(0, 10)) {
      const one = (await t.call("admin", `/api/v3/expenses/${e.id}`)).body;
      expect(one.lines.reduce((sum: number, l: any) => sum + cents(l.amount.value), 0)).toBe(cents(e.total.value));
      expect(one.lines.filter((l: any) => l.receiptId === null).length).toBe(e.missingReceipts);
      expect([...new Set(one.lines.flatMap((l: any) => l.policyFlags))].sort()).toEqual([...e.policyFlags].sort());
    }
  });

  it("filters by status, submitter, category, missing receipt and policy violation exactly", async () => {
    const by = async (query: string) => (await t.all("admin", `/api/v3/expenses?${query}`)).items;
    const statuses = ["SUBMITTED", "REIMBURSED"];
    expect(ids(await by("status=SUBMITTED&status=REIMBURSED"))).toEqual(ids(every.filter((e) => statuses.includes(e.status))));
    expect(ids(await by("submitter=LUIS perez"))).toEqual(ids(every.filter((e) => normalizeText(e.submitter.name).includes("luis perez"))));
    expect((await by("submitter=luis perez")).length).toBeGreaterThan(0);
    expect(ids(await by("missingReceipt=true"))).toEqual(ids(every.filter((e) => e.missingReceipts > 0)));
    expect(ids(await by("missingReceipt=false"))).toEqual(ids(every.filter((e) => e.missingReceipts === 0)));
    expect(ids(await by("policyViolation=true"))).toEqual(ids(every.filter((e) => e.policyFlags.length > 0)));
    expect(ids(await by("policyViolation=false"))).toEqual(ids(every.filter((e) => e.policyFlags.length === 0)));
    const food = await by("category=FOOD");
    expect(food.length).toBeGreaterThan(0);
    for (const e of food.slice(0, 5)) {
      const one = (await t.call("admin", `/api/v3/expenses/${e.id}`)).body;
      expect(one.lines.some((l: any) => l.category === "FOOD")).toBe(true);
    }
    const combined = await by("status=SUBMITTED&missingReceipt=true");
    expect(ids(combined)).toEqual(ids(every.filter((e) => e.status === "SUBMITTED" && e.missingReceipts > 0)));
  });

  it("from/to compare the creation time as days in the company's time zone", async () => {
    const inOctober = (await t.all("admin", "/api/v3/expenses?from=2026-10-01&to=2026-10-31")).items;
    // Mexico City is UTC-6 all year.
    const start = Date.parse("2026-10-01T06:00:00Z");
    const end = Date.parse("2026-11-01T06:00:00Z");
    expect(ids(inOctober)).toEqual(ids(every.filter((e) => Date.parse(e.createdAt) >= start && Date.parse(e.createdAt) < end)));
    expect(inOctober.length).toBeGreaterThan(0);
    const sinceNovember = (await t.all("admin", "/api/v3/expenses?from=2026-11-01")).items;
    expect(ids(sinceNovember)).toEqual(ids(every.filter((e) => Date.parse(e.createdAt) >= end)));
  });

  it("an employee sees only their own reports; another company's report is 404", async () => {
    const own = (await t.all("employee", "/api/v3/expenses")).items;
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((e) => e.submitter.email === "daniela.ortiz@acme.example")).toBe(true);
    const someoneElse = every.find((e) => e.submitter.email !== "daniela.ortiz@acme.example")!;
    expect((await t.call("employee", `/api/v3/expenses/${someoneElse.id}`)).status).toBe(404);
    expect((await t.call("employee", `/api/v3/expenses/${own[0].id}`)).status).toBe(200);
    expect((await t.call("brasa", `/api/v3/expenses/${someoneElse.id}`)).status).toBe(404);
    const brasa = (await t.all("brasa", "/api/v3/expenses")).items;
    expect(brasa.length).toBeGreaterThan(0);
    expect(brasa.every((e) => e.total.currency === "BRL" && e.submitter.email.endsWith("@brasa.example"))).toBe(true);
    expect(ids(brasa).some((id) => ids(every).includes(id))).toBe(false);
    // The bookkeeper reads everything.
    expect((await t.all("books", "/api/v3/expenses")).totalItems).toBe(every.length);
  });
});

describe("getExpense", () => {
  it("card lines are the submitter's own transactions; receipts and policy flags are explained", async () => {
    const flagged = every.filter((e) => e.policyFlags.length > 0 && e.missingReceipts < e.lineCount);
    expect(flagged.length).toBeGreaterThan(0);
    let cardLines = 0;
    for (const e of flagged.slice(0, 6)) {
      const one = (await t.call("admin", `/api/v3/expenses/${e.id}`)).body;
      for (const line of one.lines) {
        if (line.paymentMethod !== "CARD") {
          expect(line.transaction).toBeNull();
          continue;
        }
        cardLines++;
        const card = (await t.call("admin", `/api/v3/cards/${line.transaction.card.id}`)).body;
        expect(card.cardholder.id).toBe(one.submitter.id);
        expect(card.last4).toBe(line.transaction.card.last4);
        const day = await t.call("admin", `/api/v3/transactions?cardId=${card.id}&from=${line.date}&to=${line.date}&size=100`);
        const tx = day.body.data.find((x: any) => x.id === line.transaction.id);
        expect(tx, line.transaction.id).toBeDefined();
        expect(tx.amount).toEqual(line.amount);
        expect(tx.merchant.name).toBe(line.merchant);
      }
      for (const receipt of one.receipts) expect(one.lines.find((l: any) => l.id === receipt.lineId).receiptId).toBe(receipt.id);
      expect(one.policyViolations.length).toBe(one.lines.reduce((n: number, l: any) => n + l.policyFlags.length, 0));
      for (const v of one.policyViolations) expect(v.message.length).toBeGreaterThan(20);
    }
    expect(cardLines).toBeGreaterThan(0);
  });

  it("links a submitted report to its pending approval and a reimbursed one to its paid reimbursement", async () => {
    const submitted = (await t.call("admin", `/api/v3/expenses/${every.find((e) => e.status === "SUBMITTED").id}`)).body;
    expect(submitted.approvalRequest).toMatchObject({ status: "PENDING" });
    expect(submitted.reimbursement).toBeNull();
    const reimbursed = (await t.call("admin", `/api/v3/expenses/${every.find((e) => e.status === "REIMBURSED").id}`)).body;
    expect(reimbursed.approvalRequest).toMatchObject({ status: "APPROVED" });
    expect(reimbursed.reimbursement).toMatchObject({ status: "PAID" });
    const outOfPocket = reimbursed.lines.filter((l: any) => l.paymentMethod === "OUT_OF_POCKET").reduce((s: number, l: any) => s + cents(l.amount.value), 0);
    expect(cents(reimbursed.reimbursement.amount.value)).toBe(outOfPocket);
    const draft = every.find((e) => e.status === "DRAFT");
    expect(draft.submittedAt).toBeNull();
    expect((await t.call("admin", `/api/v3/expenses/${draft.id}`)).body.approvalRequest).toBeNull();
  });
});

describe("reimbursements", () => {
  it("pay back out-of-pocket lines of approved reports only, and filter by status, employee and period", async () => {
    const all = (await t.all("admin", "/api/v3/reimbursements")).items;
    expect(all.length).toBeGreaterThan(5);
    for (const r of all) {
      const report = every.find((e) => e.id === r.expense.id);
      expect(["APPROVED", "REIMBURSED"]).toContain(report.status);
      expect(r.employee.id).toBe(report.submitter.id);
      expect(r.status === "PAID").toBe(report.status === "REIMBURSED");
      expect(r.paidAt === null).toBe(r.status !== "PAID");
      expect(Date.parse(r.createdAt)).toBeLessThanOrEqual(TODAY.getTime() + 60_000);
    }
    const pending = (await t.all("admin", "/api/v3/reimbursements?status=PENDING")).items;
    expect(ids(pending)).toEqual(ids(all.filter((r) => r.status === "PENDING")));
    const daniela = (await t.all("admin", "/api/v3/reimbursements?employee=DANIELA ortiz")).items;
    expect(daniela.length).toBeGreaterThan(0);
    expect(ids(daniela)).toEqual(ids(all.filter((r) => r.employee.name === "Daniela Ortiz")));
    const november = (await t.all("admin", "/api/v3/reimbursements?from=2026-11-01&to=2026-11-30")).items;
    expect(ids(november)).toEqual(ids(all.filter((r) => Date.parse(r.createdAt) >= Date.parse("2026-11-01T06:00:00Z"))));
    // Employees see their own; another company's is 404.
    expect(ids((await t.all("employee", "/api/v3/reimbursements")).items)).toEqual(ids(daniela));
    const other = all.find((r) => r.employee.name !== "Daniela Ortiz")!;
    expect((await t.call("employee", `/api/v3/reimbursements/${other.id}`)).status).toBe(404);
    expect((await t.call("brasa", `/api/v3/reimbursements/${other.id}`)).status).toBe(404);
    expect((await t.call("admin", `/api/v3/reimbursements/${other.id}`)).body).toEqual(other);
  });
});
