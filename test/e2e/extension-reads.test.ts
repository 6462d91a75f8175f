// The tools added with spec 1.1.0, read side, end to end (SDK client → gateway → sandbox): who sees
// which tools, and every read tool for both served roles, checked against the sandbox's own REST answers.
// The SDK client validates every structured result against the tool's outputSchema.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERAS, startStack, USERS, type Stack } from "./harness.js";
import { restAll, session, type Session } from "./prompting.js";

describe.each(ERAS)("%s era", (era) => {
  const WRITES = ["update_card_limit", "approve_request", "reject_request"];
  const READS = ["list_expenses", "get_expense", "list_reimbursements", "get_card_limit", "list_pending_approvals"];
  let stack: Stack;
  let admin: Session;
  let books: Session;

  beforeAll(async () => {
    stack = await startStack({ era,  today: "2026-11-20", transactions: 3000 });
    [admin, books] = await Promise.all([session(stack, USERS.admin), session(stack, USERS.books)]);
  });
  afterAll(async () => {
    await stack?.close();
  });

  const ids = (items: { id: string }[]) => items.map((item) => item.id);
  /** "12687.60" → "12,687.60", on the decimal string itself. */
  const grouped = (value: string) => value.replace(/\B(?=(\d{3})+\.)/g, ",");

  describe("tools/list", () => {
    it("administrators get every new tool; bookkeepers the read tools only; annotations say which write", async () => {
      const adminTools = (await admin.client.listTools()).tools;
      const booksTools = (await books.client.listTools()).tools;
      const adminNames = adminTools.map((tool) => tool.name);
      for (const name of [...READS, ...WRITES]) expect(adminNames).toContain(name);
      expect(adminTools).toHaveLength(15);
      expect(booksTools.map((tool) => tool.name)).toEqual(adminNames.filter((name) => !WRITES.includes(name)));
      for (const tool of adminTools.filter((t) => READS.includes(t.name))) {
        expect(tool.annotations, tool.name).toMatchObject({ readOnlyHint: true, destructiveHint: false, idempotentHint: true });
        expect(tool.outputSchema?.type, tool.name).toBe("object");
      }
      for (const tool of adminTools.filter((t) => WRITES.includes(t.name))) {
        // Each repeats harmlessly: the same limit twice, or a decision already taken, changes nothing more.
        expect(tool.annotations, tool.name).toMatchObject({ readOnlyHint: false, destructiveHint: true, idempotentHint: true });
      }
      const limit = adminTools.find((tool) => tool.name === "update_card_limit")!;
      expect(Object.keys(limit.inputSchema.properties ?? {}).sort()).toEqual(["amount", "card", "confirmation", "period"]);
      expect(limit.inputSchema.required?.sort()).toEqual(["amount", "card"]);
      const reject = adminTools.find((tool) => tool.name === "reject_request")!;
      expect(reject.inputSchema.required?.sort()).toEqual(["approvalId", "comment"]);
      const pending = adminTools.find((tool) => tool.name === "list_pending_approvals")!;
      expect(Object.keys(pending.inputSchema.properties ?? {})).not.toContain("status");
    });

    it("a bookkeeper cannot call a write tool: refused like an unknown tool, and nothing reaches the API", async () => {
      // The caller's identity may be checked (GET /me); nothing else may reach the API.
      const beyondIdentity = () => stack.sandbox.requestLog.filter((request) => request.path !== "/api/v3/me").length;
      const before = beyondIdentity();
      for (const [name, args] of [
        ["update_card_limit", { card: "4821", amount: "99999" }],
        ["approve_request", { approvalId: "apr_Lp01Limit" }],
        ["reject_request", { approvalId: "apr_Lp01Limit", comment: "No." }],
      ] as const) {
        const refused = await books.client.callTool({ name, arguments: args }).catch((error: Error) => error.message);
        const unknown = await books.client.callTool({ name: `${name}_x`, arguments: args }).catch((error: Error) => error.message);
        expect(refused).toMatch(/-32602/);
        expect(refused).toBe(String(unknown).replace(`${name}_x`, name));
      }
      expect(beyondIdentity()).toBe(before);
      expect((await admin.rest("/api/v3/approvals/apr_Lp01Limit")).status).toBe("PENDING");
    });
  });

  describe("read tools, for administrators and bookkeepers alike", () => {
    it("list_expenses: filters, period presets, pages and the true total", async () => {
      for (const user of [admin, books]) {
        const rest = await restAll(user, "/api/v3/expenses?status=SUBMITTED&missingReceipt=true");
        const answer = await user.call("list_expenses", { status: ["SUBMITTED"], missingReceipt: true, limit: 500 });
        expect(answer.isError).toBe(false);
        expect(answer.structured).toMatchObject({ totalItems: rest.totalItems, returned: rest.totalItems, hasMore: false });
        expect(ids(answer.structured.data)).toEqual(ids(rest.items));
        const lines = answer.text.split("\n");
        expect(lines[0]).toBe(`${counted(rest.totalItems)} of ${counted(rest.totalItems)} expense reports`);
        expect(lines.filter((line) => line.startsWith("- "))).toHaveLength(rest.totalItems);
        // A report without policy flags says so instead of showing a missing value.
        for (const [line, report] of lines.slice(1).map((line, i) => [line, rest.items[i]] as const)) {
          expect(line).toContain(report.policyFlags.length === 0 ? " · no policy flags · " : " · policy flags: ");
          expect(line).not.toContain("—");
        }
      }
      const october = await restAll(admin, "/api/v3/expenses?from=2026-10-01&to=2026-10-31");
      const lastMonth = await admin.call("list_expenses", { period: "last_month", limit: 500 });
      expect(ids(lastMonth.structured.data)).toEqual(ids(october.items));
      expect(lastMonth.structured.period).toEqual({ from: "2026-10-01", to: "2026-10-31", timeZone: "America/Mexico_City", preset: "last_month" });
      expect(lastMonth.text).toContain("Period: 2026-10-01 to 2026-10-31 (America/Mexico_City), last month.");
      const luis = await restAll(admin, "/api/v3/expenses?submitter=luis%20perez&policyViolation=true");
      const luisAnswer = await admin.call("list_expenses", { submitter: "luis perez", policyViolation: true });
      expect(ids(luisAnswer.structured.data)).toEqual(ids(luis.items));
      const few = await books.call("list_expenses", { limit: 3 });
      const all = await restAll(books, "/api/v3/expenses");
      expect(few.structured).toMatchObject({ returned: 3, totalItems: all.totalItems, hasMore: true });
      expect(few.text.split("\n")[0]).toBe(`3 of ${counted(all.totalItems)} expense reports`);
    });

    it("get_expense: lines, receipts and policy flags as the API gives them", async () => {
      const flagged = (await restAll(admin, "/api/v3/expenses?policyViolation=true&status=SUBMITTED")).items[0];
      const rest = await admin.rest(`/api/v3/expenses/${flagged.id}`);
      for (const user of [admin, books]) {
        const answer = await user.call("get_expense", { expenseId: flagged.id });
        expect(answer.isError).toBe(false);
        expect(answer.structured).toEqual(rest);
        const lines = answer.text.split("\n");
        expect(lines[0]).toContain(`Expense report "${rest.title}" (${rest.id}) by ${rest.submitter.name}: SUBMITTED`);
        expect(lines[0]).toContain(`policy flags: ${rest.policyFlags.map((flag: string) => flag.toLowerCase().replaceAll("_", " ")).join(", ")}`);
        expect(lines[0]).toContain(`, ${rest.lineCount} ${rest.lineCount === 1 ? "line" : "lines"}, `);
        expect(lines[0]).toMatch(new RegExp(`; approval ${rest.approvalRequest.id} PENDING, no reimbursement$`));
        expect(lines[0]).not.toContain("—");
        expect(lines.slice(1)).toHaveLength(rest.lines.length);
      }
      // Lines without a transaction, a receipt or policy flags leave that part out or say there is none.
      const everyLine = (await Promise.all(["DRAFT", "SUBMITTED", "REIMBURSED"].map(async (status) => {
        const report = (await restAll(admin, `/api/v3/expenses?status=${status}`)).items[0];
        return [(await admin.rest(`/api/v3/expenses/${report.id}`)).lines, (await books.call("get_expense", { expenseId: report.id })).text.split("\n").slice(1)];
      })));
      const told = everyLine.flatMap(([restLines, textLines]) => restLines.map((line: any, i: number) => [line, textLines[i]] as const));
      expect(told.some(([line]) => line.transaction === null)).toBe(true);
      for (const [line, text] of told) {
        expect(text).not.toContain("—");
        expect(text).toContain(line.transaction ? ` · transaction ${line.transaction.id}` : " · out of pocket");
        expect(text).toContain(line.receiptId ? ` · receipt ${line.receiptId}` : " · no receipt");
        if (line.policyFlags.length === 0) expect(text).not.toContain("policy flags");
      }
      // Each stage of a report is told by its own text case.
      const reports = (await restAll(admin, "/api/v3/expenses")).items;
      const draft = reports.find((report) => report.status === "DRAFT");
      expect((await books.call("get_expense", { expenseId: draft.id })).text.split("\n")[0]).toMatch(/: DRAFT, .*; not submitted for approval yet$/);
      const paid = await admin.rest(`/api/v3/expenses/${reports.find((report) => report.status === "REIMBURSED").id}`);
      expect((await books.call("get_expense", { expenseId: paid.id })).text.split("\n")[0]).toMatch(
        new RegExp(`: REIMBURSED, .*; approval ${paid.approvalRequest.id} APPROVED, reimbursement ${paid.reimbursement.id} ${paid.reimbursement.status}$`),
      );
      const missing = await admin.call("get_expense", { expenseId: "exp_doesNotExist" });
      expect(missing.isError).toBe(true);
      expect(missing.text).toContain("No expense report with id exp_doesNotExist");
    });

    it("list_reimbursements: by status, employee and period", async () => {
      for (const user of [admin, books]) {
        const rest = await restAll(user, "/api/v3/reimbursements?status=PENDING");
        const answer = await user.call("list_reimbursements", { status: ["PENDING"] });
        expect(answer.structured.totalItems).toBe(rest.totalItems);
        expect(ids(answer.structured.data)).toEqual(ids(rest.items));
        expect(answer.text.split("\n")[0]).toBe(`${counted(rest.totalItems)} of ${counted(rest.totalItems)} reimbursements`);
      }
      const daniela = await restAll(admin, "/api/v3/reimbursements?employee=daniela");
      const answer = await admin.call("list_reimbursements", { employee: "daniela", period: "this_year" });
      expect(ids(answer.structured.data)).toEqual(ids(daniela.items.filter((r) => r.createdAt >= "2026-01-01")));
      expect(answer.text).toContain("Daniela Ortiz");
      // Only a paid reimbursement tells when it was paid.
      const every = await admin.call("list_reimbursements", { limit: 500 });
      const told = every.text.split("\n").filter((line) => line.startsWith("- "));
      expect(told).toHaveLength(every.structured.data.length);
      every.structured.data.forEach((r: any, i: number) => {
        expect(told[i]).not.toContain("—");
        expect(told[i]).toContain(r.paidAt ? " · paid " : r.status === "FAILED" ? ` · returned: ${r.failureReason} · ` : " · not paid yet · ");
      });
    });

    it("get_card_limit: a natural card reference, the limit, what is left and the increase asked for", async () => {
      const rest = await admin.rest("/api/v3/cards/card_7Hq2LmX9/limit");
      for (const [user, card] of [[admin, "luis perez"], [books, "•••• 4821"], [admin, "card_7Hq2LmX9"]] as const) {
        const answer = await user.call("get_card_limit", { card });
        expect(answer.isError).toBe(false);
        expect(answer.structured).toEqual(rest);
      }
      const answer = await books.call("get_card_limit", { card: "4821" });
      expect(answer.text).toBe(
        `•••• 4821 (Luis Pérez): limit 20,000.00 MXN monthly, spent ${grouped(rest.spentThisPeriod.value)} MXN, ` +
          `available ${grouped(rest.available.value)} MXN; increase to 35,000.00 MXN monthly waiting for approval (apr_Lp01Limit)`,
      );
      const perTransaction = (await restAll(admin, "/api/v3/cards")).items.find((card) => card.spendingLimit.period === "PER_TRANSACTION");
      const perRest = await admin.rest(`/api/v3/cards/${perTransaction.id}/limit`);
      expect(perRest.pendingIncrease).toBeNull();
      // Another text case says there is no increase, instead of rendering its missing fields.
      expect((await books.call("get_card_limit", { card: perTransaction.id })).text).toBe(
        `•••• ${perRest.card.last4} (${perRest.card.cardholder.name}): limit ${grouped(perRest.limit.amount.value)} MXN per transaction, ` +
          `spent ${grouped(perRest.spentThisPeriod.value)} MXN, available ${grouped(perRest.available.value)} MXN; no increase waiting for approval`,
      );
      const ambiguous = await admin.call("get_card_limit", { card: "ana torres" });
      expect(ambiguous.isError).toBe(true);
      expect(ambiguous.text).toContain("Ana Torres");
    });

    it("list_pending_approvals: only pending requests, of both kinds, oldest first", async () => {
      const rest = await restAll(admin, "/api/v3/approvals?status=PENDING");
      for (const user of [admin, books]) {
        const answer = await user.call("list_pending_approvals", { limit: 500 });
        expect(answer.structured.totalItems).toBe(rest.totalItems);
        expect(ids(answer.structured.data)).toEqual(ids(rest.items));
        expect(new Set(answer.structured.data.map((r: any) => r.type))).toEqual(new Set(["EXPENSE_REPORT", "LIMIT_INCREASE"]));
        expect(answer.text.split("\n")[0]).toBe(`${counted(rest.totalItems)} of ${counted(rest.totalItems)} pending approval requests`);
        expect(answer.text).toContain('limit increase · Luis Pérez · "Viajes a Monterrey en diciembre" · 35,000.00 MXN · apr_Lp01Limit');
      }
      const increases = await admin.call("list_pending_approvals", { type: "LIMIT_INCREASE" });
      expect(ids(increases.structured.data)).toEqual(ids(rest.items.filter((r) => r.type === "LIMIT_INCREASE")));
      // The status is fixed by the tool: asking for another is refused before any request.
      const other = await admin.call("list_pending_approvals", { status: "APPROVED" });
      expect(other.isError).toBe(true);
      expect(other.text).toContain("status");
    });
  });

  function counted(count: number): string {
    return count.toLocaleString("en-US");
  }
});
