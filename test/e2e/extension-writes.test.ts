// The write tools added with spec 1.1.0, end to end (SDK client → gateway → sandbox): each confirmation
// states before and after, checked against the sandbox's REST state; a decision taken twice says so;
// another company's card is not found, exactly like a card that does not exist.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERAS, startStack, USERS, type Stack } from "./harness.js";
import { restAll, session, type Session } from "./prompting.js";

describe.each(ERAS)("%s era", (era) => {
  let stack: Stack;
  let admin: Session;
  let brasa: Session;

  beforeAll(async () => {
    stack = await startStack({ era,  today: "2026-11-20", transactions: 3000 });
    [admin, brasa] = await Promise.all([session(stack, USERS.admin), session(stack, USERS.brasa)]);
  });
  afterAll(async () => {
    await stack?.close();
  });

  const LUIS = "/api/v3/cards/card_7Hq2LmX9";
  const writes = () => stack.sandbox.requestLog.filter((request) => request.method !== "GET").length;

  describe("update_card_limit", () => {
    it("confirms the limit before and after, by a natural card reference, as the API now has it", async () => {
      const raised = await admin.call("update_card_limit", { card: "luis perez", amount: "35000" });
      expect(raised.isError).toBe(false);
      expect(raised.text).toBe("Limit for •••• 4821 (Luis Pérez) changed from 20,000.00 MXN to 35,000.00 MXN monthly.");
      expect((await admin.rest(LUIS)).spendingLimit).toEqual({ amount: { value: "35000.00", currency: "MXN" }, period: "MONTHLY" });
      expect(raised.structured).toMatchObject({ before: { amount: { value: "20000.00" } }, after: { amount: { value: "35000.00" } }, changed: { amount: true, period: false } });
      expect(raised.structured.card).toEqual(await admin.rest(LUIS));

      const daily = await admin.call("update_card_limit", { card: "4821", amount: "5000.50", period: "DAILY" });
      expect(daily.text).toBe("Limit for •••• 4821 (Luis Pérez) changed from 35,000.00 MXN monthly to 5,000.50 MXN daily.");
      expect((await admin.rest(LUIS)).spendingLimit).toEqual({ amount: { value: "5000.50", currency: "MXN" }, period: "DAILY" });

      const before = writes();
      const same = await admin.call("update_card_limit", { card: "card_7Hq2LmX9", amount: "5000.5" });
      expect(same.isError).toBe(false);
      expect(same.text).toBe("The limit for •••• 4821 (Luis Pérez) was already 5,000.50 MXN daily; nothing changed.");
      expect(writes()).toBe(before + 1);
      expect((await admin.rest(LUIS)).spendingLimit.amount.value).toBe("5000.50");

      const back = await admin.call("update_card_limit", { card: "4821", amount: "20000", period: "MONTHLY" });
      expect(back.text).toBe("Limit for •••• 4821 (Luis Pérez) changed from 5,000.50 MXN daily to 20,000.00 MXN monthly.");
    });

    it("another company's card is not found, in the very words of a card that does not exist, and is not changed", async () => {
      const brasaCard = (await brasa.rest("/api/v3/cards?size=1")).data[0];
      const before = await brasa.rest(`/api/v3/cards/${brasaCard.id}`);
      const foreign = await admin.call("update_card_limit", { card: brasaCard.id, amount: "1" });
      const missing = await admin.call("update_card_limit", { card: "card_doesNotExist1", amount: "1" });
      expect(foreign.isError).toBe(true);
      expect(missing.isError).toBe(true);
      expect(foreign.text).toBe(`No card matches "${brasaCard.id}". Nothing was changed.`);
      expect(foreign.text.replace(brasaCard.id, "card_doesNotExist1")).toBe(missing.text);
      expect(await brasa.rest(`/api/v3/cards/${brasaCard.id}`)).toEqual(before);
      // And by last 4 digits, the other company's card is simply not among the candidates.
      const byDigits = await admin.call("update_card_limit", { card: brasaCard.last4, amount: "1" });
      expect(byDigits.isError).toBe(true);
      expect(byDigits.text).toContain(`No card matches "${brasaCard.last4}"`);
      expect(await brasa.rest(`/api/v3/cards/${brasaCard.id}`)).toEqual(before);
    });

    it("refusals say nothing was changed: a cancelled card, a zero limit, an ambiguous name", async () => {
      const cancelled = (await admin.rest("/api/v3/cards?status=CANCELLED&size=1")).data[0];
      const refused = await admin.call("update_card_limit", { card: cancelled.id, amount: "1000" });
      expect(refused.isError).toBe(true);
      expect(refused.text).toMatch(new RegExp(`^Card •••• ${cancelled.last4} is cancelled; a cancelled card's limit cannot be changed\\. Nothing was changed\\. \\(request id req_\\S+\\)$`));
      const zero = await admin.call("update_card_limit", { card: "4821", amount: "0" });
      expect(zero.isError).toBe(true);
      expect(zero.text).toContain("amount must be more than 0");
      const before = writes();
      const ambiguous = await admin.call("update_card_limit", { card: "ana torres", amount: "1000" });
      expect(ambiguous.isError).toBe(true);
      expect(ambiguous.text).toContain("Nothing was changed");
      expect(writes()).toBe(before);
    });
  });

  describe("approve_request and reject_request", () => {
    it("approving a limit increase states the limit before and after; the second time, that it was already approved", async () => {
      const first = await admin.call("approve_request", { approvalId: "apr_Lp01Limit", comment: "Ok for December." });
      expect(first.isError).toBe(false);
      expect(first.text).toBe(
        "Approved request apr_Lp01Limit: the limit for •••• 4821 (Luis Pérez) changed from 20,000.00 MXN monthly to 35,000.00 MXN monthly. The request was pending; it is now approved.",
      );
      expect((await admin.rest(LUIS)).spendingLimit.amount.value).toBe("35000.00");
      expect(await admin.rest("/api/v3/approvals/apr_Lp01Limit")).toMatchObject({ status: "APPROVED", comment: "Ok for December.", decidedBy: { name: "Ana Torres" } });

      const second = await admin.call("approve_request", { approvalId: "apr_Lp01Limit" });
      expect(second.isError).toBe(false);
      expect(second.text).toBe('Request apr_Lp01Limit ("Viajes a Monterrey en diciembre" by Luis Pérez) was already approved on 2026-11-20 by Ana Torres; nothing changed.');
      expect(second.structured).toMatchObject({ previousStatus: "APPROVED", status: "APPROVED", request: { comment: "Ok for December." } });
      expect((await admin.rest(LUIS)).spendingLimit.amount.value).toBe("35000.00");

      const reject = await admin.call("reject_request", { approvalId: "apr_Lp01Limit", comment: "Changed my mind." });
      expect(reject.isError).toBe(true);
      expect(reject.text).toMatch(/^Request apr_Lp01Limit was already approved on 2026-11-20 by Ana Torres; it cannot be rejected now\. Nothing was changed\./);
      expect((await admin.rest("/api/v3/approvals/apr_Lp01Limit")).status).toBe("APPROVED");
    });

    it("approving an expense report confirms it and schedules the reimbursement", async () => {
      const pending = (await restAll(admin, "/api/v3/approvals?status=PENDING&type=EXPENSE_REPORT")).items;
      const request = pending[0];
      const answer = await admin.call("approve_request", { approvalId: request.id });
      expect(answer.text).toBe(
        `Approved request ${request.id}: expense report "${request.description}" (${request.expense.id}) by ${request.requestedBy.name}, ${request.amount.value.replace(/\B(?=(\d{3})+\.)/g, ",")} MXN. The request was pending; it is now approved.`,
      );
      const report = await admin.rest(`/api/v3/expenses/${request.expense.id}`);
      expect(report.status).toBe("APPROVED");
      expect(report.approvalRequest).toEqual({ id: request.id, status: "APPROVED" });
      expect(answer.structured.request).toEqual(await admin.rest(`/api/v3/approvals/${request.id}`));
    });

    it("rejecting states what stays as it was; rejecting again says it already was", async () => {
      const increase = (await restAll(admin, "/api/v3/approvals?status=PENDING&type=LIMIT_INCREASE")).items.find((r) => r.requestedBy.name === "Mariana López")!;
      const cardPath = `/api/v3/cards/${increase.limitIncrease.card.id}`;
      const limitBefore = (await admin.rest(cardPath)).spendingLimit;
      const answer = await admin.call("reject_request", { approvalId: increase.id, comment: "Not this quarter." });
      expect(answer.text).toBe(
        `Rejected request ${increase.id}: the limit increase for •••• ${increase.limitIncrease.card.last4} (Mariana López) to 40,000.00 MXN monthly; the limit stays 25,000.00 MXN monthly. The request was pending; it is now rejected.`,
      );
      expect((await admin.rest(cardPath)).spendingLimit).toEqual(limitBefore);
      const again = await admin.call("reject_request", { approvalId: increase.id, comment: "Still no." });
      expect(again.isError).toBe(false);
      expect(again.text).toBe(`Request ${increase.id} ("Compra de equipo para la oficina de Querétaro" by Mariana López) was already rejected on 2026-11-20 by Ana Torres; nothing changed.`);
      expect((await admin.rest(`/api/v3/approvals/${increase.id}`)).comment).toBe("Not this quarter.");

      const report = (await restAll(admin, "/api/v3/approvals?status=PENDING&type=EXPENSE_REPORT")).items[0];
      const rejected = await admin.call("reject_request", { approvalId: report.id, comment: "Missing receipts." });
      expect(rejected.text).toMatch(new RegExp(`^Rejected request ${report.id}: expense report ".+" \\(${report.expense.id}\\) by ${report.requestedBy.name}, [\\d,]+\\.\\d{2} MXN\\. The request was pending; it is now rejected\\.$`));
      expect((await admin.rest(`/api/v3/expenses/${report.expense.id}`)).status).toBe("REJECTED");
    });

    it("another company's request, or none at all: an error, and nothing changes", async () => {
      const brasaRequest = (await brasa.rest("/api/v3/approvals?status=PENDING")).data[0];
      const foreign = await admin.call("approve_request", { approvalId: brasaRequest.id });
      const missing = await admin.call("approve_request", { approvalId: "apr_doesNotExist" });
      expect(foreign.isError).toBe(true);
      expect(missing.isError).toBe(true);
      expect(foreign.text).toContain(`No approval request with id ${brasaRequest.id}. Nothing was changed.`);
      expect(missing.text).toContain("No approval request with id apr_doesNotExist. Nothing was changed.");
      expect((await brasa.rest(`/api/v3/approvals/${brasaRequest.id}`)).status).toBe("PENDING");
      const noComment = await admin.call("reject_request", { approvalId: "apr_doesNotExist" });
      expect(noComment.isError).toBe(true);
      expect(noComment.text).toContain("comment");
    });
  });
});
