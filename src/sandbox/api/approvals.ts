// Approval requests: expense reports and limit increases waiting for an administrator, and the decisions.
import { randomBytes } from "node:crypto";
import { dateIn } from "../../calendar/zone.js";
import { ownCardholderScope, type Caller } from "./caller.js";
import { statement, type Db } from "../db/db.js";
import { ApiError, notFound } from "./errors.js";
import { once } from "./idempotency.js";
import { money } from "./money.js";
import { pageBody, pageOf, type Handler, type OperationContext, type OperationResult } from "./operation.js";
import { isoInstant } from "./period.js";
import { bankAccountOf } from "./reimbursements.js";
import { requireAdministrator } from "./roles.js";

interface ApprovalRow {
  id: string;
  type: "EXPENSE_REPORT" | "LIMIT_INCREASE";
  status: "PENDING" | "APPROVED" | "REJECTED";
  requested_by: string;
  holder_name: string;
  holder_email: string;
  requested_at: number;
  description: string;
  expense_id: string | null;
  expense_title: string | null;
  expense_total: number | null;
  card_id: string | null;
  last4: string | null;
  card_status: string | null;
  card_limit_minor: number | null;
  card_limit_period: string | null;
  requested_limit_minor: number | null;
  requested_limit_period: string | null;
  replaced_limit_minor: number | null;
  replaced_limit_period: string | null;
  decided_by: string | null;
  decider_name: string | null;
  decided_at: number | null;
  comment: string | null;
}

const SELECT = `SELECT a.id, a.type, a.status, a.requested_by, h.name AS holder_name, h.email AS holder_email, a.requested_at, a.description,
    a.expense_id, e.title AS expense_title, e.total_minor AS expense_total,
    a.card_id, c.last4, c.status AS card_status, c.limit_minor AS card_limit_minor, c.limit_period AS card_limit_period,
    a.requested_limit_minor, a.requested_limit_period, a.replaced_limit_minor, a.replaced_limit_period,
    a.decided_by, u.name AS decider_name, a.decided_at, a.comment
  FROM approval_requests a
  JOIN cardholders h ON h.id = a.requested_by
  LEFT JOIN expenses e ON e.id = a.expense_id
  LEFT JOIN cards c ON c.id = a.card_id
  LEFT JOIN users u ON u.id = a.decided_by`;

function approvalBody(row: ApprovalRow, currency: string) {
  const limit = (minor: number | null, period: string | null) => ({ amount: money(minor ?? 0, currency), period });
  // Pending: the card's limit now; decided: the limit it had just before the decision.
  const current = row.status === "PENDING" ? limit(row.card_limit_minor, row.card_limit_period) : limit(row.replaced_limit_minor, row.replaced_limit_period);
  return {
    id: row.id,
    type: row.type,
    status: row.status,
    requestedBy: { id: row.requested_by, name: row.holder_name, email: row.holder_email },
    requestedAt: isoInstant(row.requested_at),
    description: row.description,
    amount: money((row.type === "EXPENSE_REPORT" ? row.expense_total : row.requested_limit_minor) ?? 0, currency),
    expense: row.expense_id ? { id: row.expense_id, title: row.expense_title } : null,
    limitIncrease:
      row.type === "LIMIT_INCREASE"
        ? { card: { id: row.card_id, last4: row.last4 }, current, requested: limit(row.requested_limit_minor, row.requested_limit_period) }
        : null,
    decidedBy: row.decided_by ? { id: row.decided_by, name: row.decider_name } : null,
    decidedAt: row.decided_at === null ? null : isoInstant(row.decided_at),
    comment: row.comment,
  };
}

export const listApprovalRequests: Handler = ({ db, caller, params }) => {
  const where = ["a.company_id = ?"];
  const args: unknown[] = [caller.company.id];
  const scope = ownCardholderScope(caller);
  if (scope !== undefined) {
    where.push("a.requested_by = ?");
    args.push(scope);
  }
  if (params.status !== undefined) {
    where.push("a.status = ?");
    args.push(params.status);
  }
  if (params.type !== undefined) {
    where.push("a.type = ?");
    args.push(params.type);
  }
  const filter = where.join(" AND ");
  const page = pageOf(params);
  const total = statement(db, `SELECT COUNT(*) FROM approval_requests a WHERE ${filter}`).pluck().get(...args) as number;
  const rows = statement(db, `${SELECT} WHERE ${filter} ORDER BY a.requested_at, a.id LIMIT ? OFFSET ?`).all(...args, page.size, (page.page - 1) * page.size) as ApprovalRow[];
  const currency = caller.company.currency;
  return { status: 200, body: pageBody(rows.map((r) => approvalBody(r, currency)), page, total) };
};

function findApproval(db: Db, caller: Caller, id: string): ApprovalRow {
  const row = statement(db, `${SELECT} WHERE a.id = ? AND a.company_id = ?`).get(id, caller.company.id) as ApprovalRow | undefined;
  const scope = ownCardholderScope(caller);
  if (!row || (scope !== undefined && row.requested_by !== scope)) throw notFound(`No approval request with id ${id}.`);
  return row;
}

export const getApprovalRequest: Handler = ({ db, caller, params }) => ({
  status: 200,
  body: approvalBody(findApproval(db, caller, String(params.approvalId)), caller.company.currency),
});

type Decision = "APPROVED" | "REJECTED";

function newReimbursementId(): string {
  return `rmb_${randomBytes(5).toString("hex")}`;
}

function decide(ctx: OperationContext, id: string, decision: Decision, comment: string | null): OperationResult {
  const { db, caller } = ctx;
  const currency = caller.company.currency;
  const row = findApproval(db, caller, id);
  if (row.status === decision) {
    return { status: 200, body: { request: approvalBody(row, currency), previousStatus: row.status, status: row.status } };
  }
  if (row.status !== "PENDING") {
    const when = row.decided_at === null ? "" : ` on ${dateIn(row.decided_at, caller.company.timeZone)}`;
    const by = row.decider_name ? ` by ${row.decider_name}` : "";
    throw new ApiError("CONFLICT", `Request ${row.id} was already ${row.status.toLowerCase()}${when}${by}; it cannot be ${decision.toLowerCase()} now.`);
  }
  const now = ctx.now();
  db.transaction(() => {
    if (row.type === "LIMIT_INCREASE") {
      if (decision === "APPROVED" && row.card_status === "CANCELLED") {
        throw new ApiError("CONFLICT", `Card •••• ${row.last4} was cancelled since the request; its limit cannot be increased.`);
      }
      statement(db, "UPDATE approval_requests SET replaced_limit_minor = ?, replaced_limit_period = ? WHERE id = ?").run(row.card_limit_minor, row.card_limit_period, row.id);
      if (decision === "APPROVED") {
        statement(db, "UPDATE cards SET limit_minor = ?, limit_period = ? WHERE id = ?").run(row.requested_limit_minor, row.requested_limit_period, row.card_id);
      }
    } else if (row.expense_id) {
      statement(db, "UPDATE expenses SET status = ? WHERE id = ?").run(decision, row.expense_id);
      const outOfPocket = statement(db, "SELECT COALESCE(SUM(amount_minor), 0) FROM expense_lines WHERE expense_id = ? AND transaction_id IS NULL").pluck().get(row.expense_id) as number;
      if (decision === "APPROVED" && outOfPocket > 0) {
        const account = bankAccountOf(row.requested_by, caller.company.country);
        statement(
          db,
          `INSERT INTO reimbursements (id, company_id, employee_id, expense_id, amount_minor, status, created_at, paid_at, bank, account_last4, failure_reason)
             VALUES (?, ?, ?, ?, ?, 'PENDING', ?, NULL, ?, ?, NULL)`,
        ).run(newReimbursementId(), caller.company.id, row.requested_by, row.expense_id, outOfPocket, now, account.bank, account.last4);
      }
    }
    statement(db, "UPDATE approval_requests SET status = ?, decided_by = ?, decided_at = ?, comment = ? WHERE id = ?").run(decision, caller.userId, now, comment, row.id);
  })();
  return { status: 200, body: { request: approvalBody(findApproval(db, caller, id), currency), previousStatus: row.status, status: decision } };
}

function decisionHandler(decision: Decision, action: string): Handler {
  return (ctx) => {
    const { caller, params, body } = ctx;
    requireAdministrator(caller, action);
    const id = String(params.approvalId);
    const comment = (body as { comment?: string } | undefined)?.comment ?? null;
    const key = params["Idempotency-Key"] as string | undefined;
    const fingerprint = JSON.stringify([decision, id, comment]);
    return once(ctx.db, caller, key, fingerprint, ctx.now(), () => decide(ctx, id, decision, comment));
  };
}

export const approveApprovalRequest = decisionHandler("APPROVED", "approve requests");
export const rejectApprovalRequest = decisionHandler("REJECTED", "reject requests");
