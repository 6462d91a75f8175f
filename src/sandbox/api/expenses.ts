// Expense reports: the list with its filters, and one report with its lines, receipts and policy flags.
import { ownCardholderScope, type Caller } from "./caller.js";
import { statement, type Db } from "../db/db.js";
import { notFound } from "./errors.js";
import { flagMessage, splitFlags } from "./expense-policy.js";
import { money } from "./money.js";
import { pageBody, pageOf, type Handler } from "./operation.js";
import { isoInstant, queryPeriod } from "./period.js";
import { containsPattern } from "./text.js";

interface ExpenseRow {
  id: string;
  title: string;
  status: string;
  total_minor: number;
  line_count: number;
  missing_receipts: number;
  policy_flags: string;
  created_at: number;
  submitted_at: number | null;
  submitter_id: string;
  holder_name: string;
  holder_email: string;
}

interface LineRow {
  id: string;
  local_day: string;
  description: string;
  merchant_name: string;
  category: string;
  amount_minor: number;
  transaction_id: string | null;
  card_id: string | null;
  last4: string | null;
  policy_flags: string;
  receipt_id: string | null;
}

interface ReceiptRow {
  id: string;
  line_id: string;
  file_name: string;
  content_type: string;
  uploaded_at: number;
}

const COLUMNS = `e.id, e.title, e.status, e.total_minor, e.line_count, e.missing_receipts, e.policy_flags, e.created_at, e.submitted_at,
  e.submitter_id, h.name AS holder_name, h.email AS holder_email`;

function summaryBody(row: ExpenseRow, currency: string) {
  return {
    id: row.id,
    title: row.title,
    submitter: { id: row.submitter_id, name: row.holder_name, email: row.holder_email },
    status: row.status,
    total: money(row.total_minor, currency),
    lineCount: row.line_count,
    missingReceipts: row.missing_receipts,
    policyFlags: splitFlags(row.policy_flags),
    createdAt: isoInstant(row.created_at),
    submittedAt: row.submitted_at === null ? null : isoInstant(row.submitted_at),
  };
}

export const listExpenses: Handler = ({ db, caller, params, now }) => {
  const where = ["e.company_id = ?"];
  const args: unknown[] = [caller.company.id];
  const add = (sql: string, ...values: unknown[]): void => {
    where.push(sql);
    args.push(...values);
  };
  const scope = ownCardholderScope(caller);
  if (scope !== undefined) add("e.submitter_id = ?", scope);
  if (params.submitter !== undefined) add("h.name_norm LIKE ? ESCAPE '\\'", containsPattern(String(params.submitter)));
  if (Array.isArray(params.status)) add(`e.status IN (${params.status.map(() => "?").join(", ")})`, ...params.status);
  // Without from and to, every report: a report's age is no reason to hide it.
  if (params.from !== undefined || params.to !== undefined) {
    const period = queryPeriod(params.from as string | undefined, params.to as string | undefined, caller.company, now());
    add("e.created_at >= ? AND e.created_at < ?", period.fromMs, period.toMsExclusive);
  }
  if (params.category !== undefined) add("EXISTS (SELECT 1 FROM expense_lines l WHERE l.expense_id = e.id AND l.category = ?)", params.category);
  if (params.missingReceipt !== undefined) add(params.missingReceipt ? "e.missing_receipts > 0" : "e.missing_receipts = 0");
  if (params.policyViolation !== undefined) add(params.policyViolation ? "e.policy_flags <> ''" : "e.policy_flags = ''");
  const from = `FROM expenses e JOIN cardholders h ON h.id = e.submitter_id WHERE ${where.join(" AND ")}`;
  const page = pageOf(params);
  const total = statement(db, `SELECT COUNT(*) ${from}`).pluck().get(...args) as number;
  const rows = statement(db, `SELECT ${COLUMNS} ${from} ORDER BY e.created_at DESC, e.id DESC LIMIT ? OFFSET ?`).all(...args, page.size, (page.page - 1) * page.size) as ExpenseRow[];
  const currency = caller.company.currency;
  return { status: 200, body: pageBody(rows.map((r) => summaryBody(r, currency)), page, total) };
};

/** The report if the caller may see it; another company's report is exactly as absent as a missing one. */
function findExpense(db: Db, caller: Caller, expenseId: string): ExpenseRow {
  const row = statement(db, `SELECT ${COLUMNS} FROM expenses e JOIN cardholders h ON h.id = e.submitter_id WHERE e.id = ? AND e.company_id = ?`).get(expenseId, caller.company.id) as ExpenseRow | undefined;
  const scope = ownCardholderScope(caller);
  if (!row || (scope !== undefined && row.submitter_id !== scope)) throw notFound(`No expense report with id ${expenseId}.`);
  return row;
}

export const getExpense: Handler = ({ db, caller, params }) => {
  const row = findExpense(db, caller, String(params.expenseId));
  const currency = caller.company.currency;
  const lines = statement(
    db,
    `SELECT l.id, l.local_day, l.description, l.merchant_name, l.category, l.amount_minor, l.transaction_id, l.card_id, c.last4, l.policy_flags, r.id AS receipt_id
       FROM expense_lines l LEFT JOIN cards c ON c.id = l.card_id LEFT JOIN receipts r ON r.line_id = l.id
       WHERE l.expense_id = ? ORDER BY l.position`,
  ).all(row.id) as LineRow[];
  const receipts = statement(
    db,
    `SELECT r.id, r.line_id, r.file_name, r.content_type, r.uploaded_at FROM receipts r JOIN expense_lines l ON l.id = r.line_id
       WHERE l.expense_id = ? ORDER BY l.position`,
  ).all(row.id) as ReceiptRow[];
  const approval = statement(db, "SELECT id, status FROM approval_requests WHERE expense_id = ?").get(row.id) as { id: string; status: string } | undefined;
  const reimbursement = statement(db, "SELECT id, status, amount_minor FROM reimbursements WHERE expense_id = ?").get(row.id) as
    | { id: string; status: string; amount_minor: number }
    | undefined;
  const violations = lines.flatMap((l) =>
    splitFlags(l.policy_flags).map((code) => ({
      code,
      message: flagMessage(code, { category: l.category, amountMinor: l.amount_minor, day: l.local_day }, currency),
      lineId: l.id,
    })),
  );
  return {
    status: 200,
    body: {
      ...summaryBody(row, currency),
      lines: lines.map((l) => ({
        id: l.id,
        date: l.local_day,
        description: l.description,
        merchant: l.merchant_name,
        category: l.category,
        amount: money(l.amount_minor, currency),
        paymentMethod: l.transaction_id === null ? "OUT_OF_POCKET" : "CARD",
        transaction: l.transaction_id === null ? null : { id: l.transaction_id, card: { id: l.card_id, last4: l.last4 } },
        receiptId: l.receipt_id,
        policyFlags: splitFlags(l.policy_flags),
      })),
      receipts: receipts.map((r) => ({ id: r.id, lineId: r.line_id, fileName: r.file_name, contentType: r.content_type, uploadedAt: isoInstant(r.uploaded_at) })),
      policyViolations: violations,
      approvalRequest: approval ? { id: approval.id, status: approval.status } : null,
      reimbursement: reimbursement ? { id: reimbursement.id, status: reimbursement.status, amount: money(reimbursement.amount_minor, currency) } : null,
    },
  };
};
