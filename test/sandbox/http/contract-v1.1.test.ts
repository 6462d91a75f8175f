// The operations added in 1.1.0: every success and error status, each body checked against the spec's schema.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectContract, startTestSandbox, type TestSandbox } from "../fixture.js";

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());

const send = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});
const LUIS = "/api/v3/cards/card_7Hq2LmX9";

async function firstId(path: string, user: "admin" | "brasa" = "admin"): Promise<string> {
  const r = await t.call(user, path);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  expect(r.body.data.length, path).toBeGreaterThan(0);
  return r.body.data[0].id;
}

describe("listExpenses and getExpense", () => {
  it("200 with pages, one report with lines and receipts, and the 400s, 401, 404", async () => {
    const page = await expectContract("listExpenses", await t.call("admin", "/api/v3/expenses?size=50"), 200);
    expect(page.totalItems).toBeGreaterThan(50);
    for (const query of ["status=SUBMITTED&status=APPROVED", "missingReceipt=true", "policyViolation=false", "category=FOOD", "submitter=luis perez", "from=2026-10-01&to=2026-10-31"]) {
      await expectContract("listExpenses", await t.call("admin", `/api/v3/expenses?${query}`), 200);
    }
    const id = await firstId("/api/v3/expenses?status=REIMBURSED");
    const one = await expectContract("getExpense", await t.call("admin", `/api/v3/expenses/${id}`), 200);
    expect(one.lines.length).toBe(one.lineCount);
    for (const [query, name] of [
      ["status=PAID", "DRAFT, SUBMITTED, APPROVED, REJECTED, REIMBURSED"],
      ["missingReceipt=yes", "missingReceipt"],
      ["policyViolation=1", "policyViolation"],
      ["category=food", "TRAVEL"],
      ["from=2026-13-01", "from"],
      ["submitter=", "submitter"],
      ["approver=x", '"approver"'],
    ]) {
      const err = await expectContract("listExpenses", await t.call("admin", `/api/v3/expenses?${query}`), 400);
      expect(err.error.message, query).toContain(name);
    }
    await expectContract("listExpenses", await t.call(null, "/api/v3/expenses"), 401);
    const bad = await expectContract("getExpense", await t.call("admin", "/api/v3/expenses/4Tz9Qa2M"), 400);
    expect(bad.error.message).toContain("expenseId");
    await expectContract("getExpense", await t.call(null, `/api/v3/expenses/${id}`), 401);
    await expectContract("getExpense", await t.call("admin", "/api/v3/expenses/exp_doesNotExist"), 404);
  });
});

describe("listReimbursements and getReimbursement", () => {
  it("200, 400, 401, 404", async () => {
    const page = await expectContract("listReimbursements", await t.call("admin", "/api/v3/reimbursements"), 200);
    expect(page.totalItems).toBeGreaterThan(5);
    for (const query of ["status=PAID", "status=PENDING&status=FAILED", "employee=daniela", "from=2026-09-01"]) {
      await expectContract("listReimbursements", await t.call("admin", `/api/v3/reimbursements?${query}`), 200);
    }
    const id = page.data[0].id;
    await expectContract("getReimbursement", await t.call("admin", `/api/v3/reimbursements/${id}`), 200);
    const err = await expectContract("listReimbursements", await t.call("admin", "/api/v3/reimbursements?status=DONE"), 400);
    expect(err.error.message).toContain("PENDING, PAID, FAILED");
    await expectContract("getReimbursement", await t.call("admin", "/api/v3/reimbursements/rmb-1"), 400);
    await expectContract("listReimbursements", await t.call(null, "/api/v3/reimbursements"), 401);
    await expectContract("getReimbursement", await t.call("admin", "/api/v3/reimbursements/rmb_doesNotExist"), 404);
  });
});

describe("getCardLimit and updateCardLimit", () => {
  it("200 reading and changing, and the 400s", async () => {
    const limit = await expectContract("getCardLimit", await t.call("admin", `${LUIS}/limit`), 200);
    expect(limit.pendingIncrease).toMatchObject({ approvalId: "apr_Lp01Limit" });
    const changed = await expectContract("updateCardLimit", await t.call("admin", `${LUIS}/limit`, send("PATCH", { amount: "21000" })), 200);
    expect(changed).toMatchObject({ before: { amount: { value: "20000.00" } }, after: { amount: { value: "21000.00" }, period: "MONTHLY" } });
    for (const [init, words] of [
      [send("PATCH", { amount: 21000 }), "amount"],
      [send("PATCH", { amount: "21,000" }), "amount"],
      [send("PATCH", { amount: "0" }), "more than 0"],
      [send("PATCH", { amount: "100", period: "WEEKLY" }), "period"],
      [send("PATCH", { period: "DAILY" }), '"amount"'],
      [send("PATCH", { amount: "100", currency: "USD" }), '"currency"'],
      [{ method: "PATCH" }, "body is required"],
    ] as [RequestInit, string][]) {
      const err = await expectContract("updateCardLimit", await t.call("admin", `${LUIS}/limit`, init), 400);
      expect(err.error.message).toContain(words);
    }
    await t.call("admin", `${LUIS}/limit`, send("PATCH", { amount: "20000" }));
  });

  it("401, 403, 404, 409, 422", async () => {
    await expectContract("getCardLimit", await t.call(null, `${LUIS}/limit`), 401);
    await expectContract("getCardLimit", await t.call("brasa", `${LUIS}/limit`), 404);
    await expectContract("updateCardLimit", await t.call(null, `${LUIS}/limit`, send("PATCH", { amount: "100" })), 401);
    for (const user of ["books", "employee", "viewer"] as const) {
      const err = await expectContract("updateCardLimit", await t.call(user, `${LUIS}/limit`, send("PATCH", { amount: "100" })), 403);
      expect(err.error.message).toContain("Only administrators");
    }
    await expectContract("updateCardLimit", await t.call("admin", "/api/v3/cards/card_doesNotExist/limit", send("PATCH", { amount: "100" })), 404);
    const cancelled = await firstId("/api/v3/cards?status=CANCELLED");
    const conflict = await expectContract("updateCardLimit", await t.call("admin", `/api/v3/cards/${cancelled}/limit`, send("PATCH", { amount: "100" })), 409);
    expect(conflict.error.message).toContain("cancelled");
    await expectContract("updateCardLimit", await t.call("admin", `${LUIS}/limit`, send("PATCH", { amount: "20000" }, { "idempotency-key": "contract-limit" })), 200);
    const reused = await expectContract("updateCardLimit", await t.call("admin", `${LUIS}/limit`, send("PATCH", { amount: "30000" }, { "idempotency-key": "contract-limit" })), 422);
    expect(reused.error.code).toBe("UNPROCESSABLE");
  });
});

describe("approval requests", () => {
  it("200 listing and reading, the 400s, 401, 404", async () => {
    const page = await expectContract("listApprovalRequests", await t.call("admin", "/api/v3/approvals?status=PENDING"), 200);
    expect(page.totalItems).toBeGreaterThan(5);
    await expectContract("listApprovalRequests", await t.call("admin", "/api/v3/approvals?type=LIMIT_INCREASE&status=APPROVED"), 200);
    await expectContract("getApprovalRequest", await t.call("admin", "/api/v3/approvals/apr_Lp01Limit"), 200);
    const err = await expectContract("listApprovalRequests", await t.call("admin", "/api/v3/approvals?status=OPEN"), 400);
    expect(err.error.message).toContain("PENDING, APPROVED, REJECTED");
    await expectContract("listApprovalRequests", await t.call("admin", "/api/v3/approvals?type=REFUND"), 400);
    await expectContract("getApprovalRequest", await t.call("admin", "/api/v3/approvals/Lp01Limit"), 400);
    await expectContract("listApprovalRequests", await t.call(null, "/api/v3/approvals"), 401);
    await expectContract("getApprovalRequest", await t.call("admin", "/api/v3/approvals/apr_doesNotExist"), 404);
  });

  it("approve and reject: 200, 400, 401, 403, 404, 409, 422", async () => {
    const pending = await t.call("admin", "/api/v3/approvals?status=PENDING&type=EXPENSE_REPORT&size=3");
    const [a, b, c] = pending.body.data.map((r: { id: string }) => r.id) as string[];
    const approved = await expectContract("approveApprovalRequest", await t.call("admin", `/api/v3/approvals/${a}/approve`, send("POST", {})), 200);
    expect(approved).toMatchObject({ previousStatus: "PENDING", status: "APPROVED" });
    await expectContract("approveApprovalRequest", await t.call("admin", `/api/v3/approvals/${b}/approve`, { method: "POST" }), 200);
    const rejected = await expectContract("rejectApprovalRequest", await t.call("admin", `/api/v3/approvals/${c}/reject`, send("POST", { comment: "No." })), 200);
    expect(rejected).toMatchObject({ previousStatus: "PENDING", status: "REJECTED", request: { comment: "No." } });
    for (const [init, words] of [
      [send("POST", {}), '"comment"'],
      [send("POST", { comment: "" }), "comment"],
      [send("POST", { comment: "x".repeat(501) }), "comment"],
      [{ method: "POST" }, "body is required"],
    ] as [RequestInit, string][]) {
      const err = await expectContract("rejectApprovalRequest", await t.call("admin", `/api/v3/approvals/${c}/reject`, init), 400);
      expect(err.error.message).toContain(words);
    }
    await expectContract("approveApprovalRequest", await t.call("admin", `/api/v3/approvals/${a}/approve`, send("POST", { note: "x" })), 400);
    await expectContract("approveApprovalRequest", await t.call(null, `/api/v3/approvals/${a}/approve`, send("POST", {})), 401);
    for (const user of ["books", "employee", "viewer"] as const) {
      await expectContract("approveApprovalRequest", await t.call(user, `/api/v3/approvals/${a}/approve`, send("POST", {})), 403);
      await expectContract("rejectApprovalRequest", await t.call(user, `/api/v3/approvals/${a}/reject`, send("POST", { comment: "x" })), 403);
    }
    await expectContract("approveApprovalRequest", await t.call("admin", "/api/v3/approvals/apr_doesNotExist/approve", send("POST", {})), 404);
    await expectContract("rejectApprovalRequest", await t.call("brasa", `/api/v3/approvals/${a}/reject`, send("POST", { comment: "x" })), 404);
    const conflict = await expectContract("rejectApprovalRequest", await t.call("admin", `/api/v3/approvals/${a}/reject`, send("POST", { comment: "Too late." })), 409);
    expect(conflict.error.message).toContain("already approved");
    await expectContract("approveApprovalRequest", await t.call("admin", `/api/v3/approvals/${c}/approve`, send("POST", {})), 409);
    await expectContract("approveApprovalRequest", await t.call("admin", `/api/v3/approvals/${a}/approve`, send("POST", {}, { "idempotency-key": "contract-approve" })), 200);
    const reused = await expectContract("approveApprovalRequest", await t.call("admin", `/api/v3/approvals/${b}/approve`, send("POST", {}, { "idempotency-key": "contract-approve" })), 422);
    expect(reused.error.code).toBe("UNPROCESSABLE");
  });
});
