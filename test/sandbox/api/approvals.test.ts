// Approval requests and card limits: decisions change what they say they change, once, and only for administrators.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cents, startTestSandbox, type TestSandbox } from "../fixture.js";

let t: TestSandbox;
beforeEach(async () => {
  t = await startTestSandbox();
});
afterEach(() => t.close());

const post = (body: unknown, key?: string): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", ...(key ? { "idempotency-key": key } : {}) },
  body: JSON.stringify(body),
});
const patch = (body: unknown, key?: string): RequestInit => ({ ...post(body, key), method: "PATCH" });
const LUIS = "/api/v3/cards/card_7Hq2LmX9";

describe("listApprovalRequests", () => {
  it("lists pending expense reports and limit increases, oldest first, each pointing at real data", async () => {
    const pending = (await t.all("admin", "/api/v3/approvals?status=PENDING")).items;
    expect(pending.map((r) => r.status).every((s) => s === "PENDING")).toBe(true);
    const requested = pending.map((r) => Date.parse(r.requestedAt));
    expect(requested).toEqual([...requested].sort((a, b) => a - b));
    const reports = pending.filter((r) => r.type === "EXPENSE_REPORT");
    const increases = pending.filter((r) => r.type === "LIMIT_INCREASE");
    expect(reports.length).toBeGreaterThan(5);
    expect(increases.length).toBeGreaterThanOrEqual(3);
    for (const r of reports) {
      const report = (await t.call("admin", `/api/v3/expenses/${r.expense.id}`)).body;
      expect(report).toMatchObject({ status: "SUBMITTED", title: r.description, total: r.amount, approvalRequest: { id: r.id, status: "PENDING" } });
      expect(report.submitter.id).toBe(r.requestedBy.id);
      expect(r.limitIncrease).toBeNull();
    }
    for (const r of increases) {
      const card = (await t.call("admin", `/api/v3/cards/${r.limitIncrease.card.id}`)).body;
      expect(card.status).toBe("ACTIVE");
      expect(card.cardholder.id).toBe(r.requestedBy.id);
      expect(r.limitIncrease.current).toEqual(card.spendingLimit);
      expect(cents(r.limitIncrease.requested.amount.value)).toBeGreaterThan(cents(card.spendingLimit.amount.value));
      expect(r.amount).toEqual(r.limitIncrease.requested.amount);
    }
    const onlyIncreases = (await t.all("admin", "/api/v3/approvals?status=PENDING&type=LIMIT_INCREASE")).items;
    expect(onlyIncreases.map((r) => r.id)).toEqual(increases.map((r) => r.id));
  });

  it("employees see their own requests; other companies' are absent", async () => {
    const own = (await t.all("employee", "/api/v3/approvals")).items;
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((r) => r.requestedBy.name === "Daniela Ortiz")).toBe(true);
    expect((await t.call("employee", "/api/v3/approvals/apr_Lp01Limit")).status).toBe(404);
    expect((await t.call("brasa", "/api/v3/approvals/apr_Lp01Limit")).status).toBe(404);
    const brasa = (await t.all("brasa", "/api/v3/approvals")).items;
    expect(brasa.length).toBeGreaterThan(0);
    expect(brasa.every((r) => r.amount.currency === "BRL")).toBe(true);
  });
});

describe("approving and rejecting", () => {
  it("approving a limit increase sets the card's limit; approving again says it already was and changes nothing", async () => {
    const first = await t.call("admin", "/api/v3/approvals/apr_Lp01Limit/approve", post({ comment: "Ok." }));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      previousStatus: "PENDING",
      status: "APPROVED",
      request: {
        status: "APPROVED", comment: "Ok.", decidedBy: { name: "Ana Torres" },
        limitIncrease: { current: { amount: { value: "20000.00" }, period: "MONTHLY" }, requested: { amount: { value: "35000.00" }, period: "MONTHLY" } },
      },
    });
    expect((await t.call("admin", LUIS)).body.spendingLimit).toEqual({ amount: { value: "35000.00", currency: "MXN" }, period: "MONTHLY" });
    expect((await t.call("admin", `${LUIS}/limit`)).body.pendingIncrease).toBeNull();

    await t.call("admin", `${LUIS}/limit`, patch({ amount: "36000" }));
    const again = await t.call("admin", "/api/v3/approvals/apr_Lp01Limit/approve", post({ comment: "Twice." }));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ previousStatus: "APPROVED", status: "APPROVED", request: { comment: "Ok.", decidedAt: first.body.request.decidedAt } });
    // The second approval did not apply the requested limit over the later change.
    expect((await t.call("admin", LUIS)).body.spendingLimit.amount.value).toBe("36000.00");
    const rejectLater = await t.call("admin", "/api/v3/approvals/apr_Lp01Limit/reject", post({ comment: "No." }));
    expect(rejectLater.status).toBe(409);
    expect(rejectLater.body.error.message).toMatch(/already approved on \d{4}-\d{2}-\d{2} by Ana Torres/);
  });

  it("approving an expense report schedules the reimbursement of its out-of-pocket lines", async () => {
    const reports = (await t.all("admin", "/api/v3/approvals?status=PENDING&type=EXPENSE_REPORT")).items;
    let withCash: any;
    for (const r of reports) {
      const report = (await t.call("admin", `/api/v3/expenses/${r.expense.id}`)).body;
      if (report.lines.some((l: any) => l.paymentMethod === "OUT_OF_POCKET")) {
        withCash = { request: r, report };
        break;
      }
    }
    expect(withCash).toBeDefined();
    const before = (await t.all("admin", "/api/v3/reimbursements?status=PENDING")).totalItems;
    const decided = await t.call("admin", `/api/v3/approvals/${withCash.request.id}/approve`, post({}));
    expect(decided.body).toMatchObject({ previousStatus: "PENDING", status: "APPROVED", request: { comment: null } });
    const report = (await t.call("admin", `/api/v3/expenses/${withCash.report.id}`)).body;
    expect(report.status).toBe("APPROVED");
    expect(report.approvalRequest).toEqual({ id: withCash.request.id, status: "APPROVED" });
    const cash = report.lines.filter((l: any) => l.paymentMethod === "OUT_OF_POCKET").reduce((s: number, l: any) => s + cents(l.amount.value), 0);
    expect(report.reimbursement).toMatchObject({ status: "PENDING" });
    expect(cents(report.reimbursement.amount.value)).toBe(cash);
    expect((await t.all("admin", "/api/v3/reimbursements?status=PENDING")).totalItems).toBe(before + 1);
    const reimbursement = (await t.call("admin", `/api/v3/reimbursements/${report.reimbursement.id}`)).body;
    expect(reimbursement).toMatchObject({ employee: { id: report.submitter.id }, expense: { id: report.id, title: report.title }, paidAt: null });
  });

  it("rejecting keeps the first decision; a rejected limit increase leaves the limit alone", async () => {
    const increase = (await t.all("admin", "/api/v3/approvals?status=PENDING&type=LIMIT_INCREASE")).items.find((r) => r.id !== "apr_Lp01Limit")!;
    const cardPath = `/api/v3/cards/${increase.limitIncrease.card.id}`;
    const limitBefore = (await t.call("admin", cardPath)).body.spendingLimit;
    const rejected = await t.call("admin", `/api/v3/approvals/${increase.id}/reject`, post({ comment: "Not this quarter." }));
    expect(rejected.body).toMatchObject({ previousStatus: "PENDING", status: "REJECTED", request: { comment: "Not this quarter.", limitIncrease: { current: limitBefore } } });
    expect((await t.call("admin", cardPath)).body.spendingLimit).toEqual(limitBefore);
    const twice = await t.call("admin", `/api/v3/approvals/${increase.id}/reject`, post({ comment: "Again." }));
    expect(twice.body).toMatchObject({ previousStatus: "REJECTED", status: "REJECTED", request: { comment: "Not this quarter." } });
    const approve = await t.call("admin", `/api/v3/approvals/${increase.id}/approve`, post({}));
    expect(approve.status).toBe(409);
    expect(approve.body.error.message).toContain("already rejected");
    expect((await t.call("admin", cardPath)).body.spendingLimit).toEqual(limitBefore);

    const report = (await t.all("admin", "/api/v3/approvals?status=PENDING&type=EXPENSE_REPORT")).items[0];
    await t.call("admin", `/api/v3/approvals/${report.id}/reject`, post({ comment: "Missing receipts." }));
    const expense = (await t.call("admin", `/api/v3/expenses/${report.expense.id}`)).body;
    expect(expense).toMatchObject({ status: "REJECTED", reimbursement: null });
  });

  it("only administrators decide, nothing changes otherwise, and another company's request is 404", async () => {
    for (const user of ["books", "employee", "viewer"] as const) {
      expect((await t.call(user, "/api/v3/approvals/apr_Lp01Limit/approve", post({}))).status).toBe(403);
    }
    expect((await t.call("brasa", "/api/v3/approvals/apr_Lp01Limit/approve", post({}))).status).toBe(404);
    expect((await t.call("admin", "/api/v3/approvals/apr_Lp01Limit")).body.status).toBe("PENDING");
    expect((await t.call("admin", LUIS)).body.spendingLimit.amount.value).toBe("20000.00");
  });

  it("a limit increase for a card cancelled since cannot be approved", async () => {
    const increase = (await t.all("admin", "/api/v3/approvals?status=PENDING&type=LIMIT_INCREASE")).items[0];
    t.sandbox.db.prepare("UPDATE cards SET status = 'CANCELLED' WHERE id = ?").run(increase.limitIncrease.card.id);
    const r = await t.call("admin", `/api/v3/approvals/${increase.id}/approve`, post({}));
    expect(r.status).toBe(409);
    expect(r.body.error.message).toContain("cancelled");
    expect((await t.call("admin", `/api/v3/approvals/${increase.id}`)).body.status).toBe("PENDING");
  });

  it("Idempotency-Key: a replay returns the first answer, also after the state moved on", async () => {
    const first = await t.call("admin", "/api/v3/approvals/apr_Lp01Limit/approve", post({}, "decide-1"));
    const replay = await t.call("admin", "/api/v3/approvals/apr_Lp01Limit/approve", post({}, "decide-1"));
    expect(replay.body).toEqual(first.body);
    expect(replay.body.previousStatus).toBe("PENDING");
    expect((await t.call("admin", "/api/v3/approvals/apr_Lp01Limit/reject", post({ comment: "x" }, "decide-1"))).status).toBe(422);
  });
});

describe("card limits", () => {
  it("reads the limit, what was spent and what is available", async () => {
    const limit = (await t.call("admin", `${LUIS}/limit`)).body;
    const card = (await t.call("admin", LUIS)).body;
    expect(limit.card).toEqual(card);
    expect(limit.limit).toEqual(card.spendingLimit);
    expect(limit.spentThisPeriod).toEqual(card.spentThisPeriod);
    expect(cents(limit.available.value)).toBe(Math.max(0, cents(card.spendingLimit.amount.value) - cents(card.spentThisPeriod.value)));
    expect(limit.pendingIncrease).toMatchObject({ approvalId: "apr_Lp01Limit", requested: { amount: { value: "35000.00" }, period: "MONTHLY" } });
    const perTransaction = (await t.call("admin", "/api/v3/cards?size=100")).body.data.find((c: any) => c.spendingLimit.period === "PER_TRANSACTION");
    const pt = (await t.call("admin", `/api/v3/cards/${perTransaction.id}/limit`)).body;
    expect(pt.available).toEqual(pt.limit.amount);
    // Employees read their own cards' limits only.
    const own = (await t.call("employee", "/api/v3/cards?size=1")).body.data[0];
    expect((await t.call("employee", `/api/v3/cards/${own.id}/limit`)).status).toBe(200);
    expect((await t.call("employee", `${LUIS}/limit`)).status).toBe(404);
    expect((await t.call("books", `${LUIS}/limit`)).status).toBe(200);
  });

  it("changes the amount, the period, or nothing, and says which", async () => {
    const raised = (await t.call("admin", `${LUIS}/limit`, patch({ amount: "35000" }))).body;
    expect(raised).toMatchObject({
      before: { amount: { value: "20000.00", currency: "MXN" }, period: "MONTHLY" },
      after: { amount: { value: "35000.00", currency: "MXN" }, period: "MONTHLY" },
      changed: { amount: true, period: false },
      card: { id: "card_7Hq2LmX9", spendingLimit: { amount: { value: "35000.00" } } },
    });
    const same = (await t.call("admin", `${LUIS}/limit`, patch({ amount: "35000.00", period: "MONTHLY" }))).body;
    expect(same.changed).toEqual({ amount: false, period: false });
    const daily = (await t.call("admin", `${LUIS}/limit`, patch({ amount: "35000", period: "DAILY" }))).body;
    expect(daily).toMatchObject({ changed: { amount: false, period: true }, after: { period: "DAILY" } });
    expect((await t.call("books", LUIS)).body.spendingLimit).toEqual({ amount: { value: "35000.00", currency: "MXN" }, period: "DAILY" });
  });

  it("refuses non-administrators and other companies, and changes nothing then", async () => {
    for (const user of ["books", "employee", "viewer"] as const) {
      const r = await t.call(user, `${LUIS}/limit`, patch({ amount: "99999" }));
      expect(r.status).toBe(403);
    }
    expect((await t.call("brasa", `${LUIS}/limit`, patch({ amount: "99999" }))).status).toBe(404);
    expect((await t.call("admin", LUIS)).body.spendingLimit.amount.value).toBe("20000.00");
  });

  it("Idempotency-Key: the same change is applied once", async () => {
    const first = await t.call("admin", `${LUIS}/limit`, patch({ amount: "25000" }, "limit-1"));
    await t.call("admin", `${LUIS}/limit`, patch({ amount: "21000" }));
    const replay = await t.call("admin", `${LUIS}/limit`, patch({ amount: "25000" }, "limit-1"));
    expect(replay.body).toEqual(first.body);
    expect((await t.call("admin", LUIS)).body.spendingLimit.amount.value).toBe("21000.00");
    expect((await t.call("admin", `${LUIS}/limit`, patch({ amount: "26000" }, "limit-1"))).status).toBe(422);
  });
});
