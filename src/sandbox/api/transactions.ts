// Transactions: the filters shared by the list and the summary, and the list itself.
import { ownCardholderScope, type Caller } from "./caller.js";
import { statement } from "../db/db.js";
import { money, parseMinor } from "./money.js";
import { pageBody, pageOf, type Handler } from "./operation.js";
import { isoInstant, queryPeriod, type QueryPeriod } from "./period.js";
import { containsPattern } from "./text.js";

/** Every status a transaction can have, in the spec's order. */
export const TRANSACTION_STATUSES = ["PENDING", "POSTED", "DECLINED", "REVERSED"] as const;

export interface TransactionFilter {
  /** SQL conditions on the transactions table (no alias), joined with AND. */
  where: string;
  args: unknown[];
  period: QueryPeriod;
}

/** The WHERE clause for a list or summary request; both read the same parameters the same way. */
export function transactionFilter(caller: Caller, params: Record<string, unknown>, now: number): TransactionFilter {
  const period = queryPeriod(params.from as string | undefined, params.to as string | undefined, caller.company, now);
  const where = ["company_id = ?", "authorized_at >= ?", "authorized_at < ?"];
  const args: unknown[] = [caller.company.id, period.fromMs, period.toMsExclusive];
  const add = (sql: string, ...values: unknown[]): void => {
    where.push(sql);
    args.push(...values);
  };
  const scope = ownCardholderScope(caller);
  if (scope !== undefined) add("cardholder_id = ?", scope);
  if (params.cardId !== undefined) add("card_id = ?", params.cardId);
  if (params.cardholderId !== undefined) add("cardholder_id = ?", params.cardholderId);
  if (params.minAmount !== undefined) add("amount_minor >= ?", parseMinor(String(params.minAmount)));
  if (params.maxAmount !== undefined) add("amount_minor <= ?", parseMinor(String(params.maxAmount)));
  if (Array.isArray(params.status)) add(`status IN (${params.status.map(() => "?").join(", ")})`, ...params.status);
  if (params.category !== undefined) add("category = ?", params.category);
  if (params.merchant !== undefined) add("merchant_norm LIKE ? ESCAPE '\\'", containsPattern(String(params.merchant)));
  return { where: where.join(" AND "), args, period };
}

interface TransactionRow {
  id: string;
  card_id: string;
  last4: string;
  cardholder_id: string;
  holder_name: string;
  merchant_name: string;
  category: string;
  mcc: string;
  merchant_country: string;
  amount_minor: number;
  original_minor: number | null;
  original_currency: string | null;
  status: string;
  authorized_at: number;
  posted_at: number | null;
}

function transactionBody(row: TransactionRow, currency: string) {
  return {
    id: row.id,
    card: { id: row.card_id, last4: row.last4 },
    cardholder: { id: row.cardholder_id, name: row.holder_name },
    merchant: { name: row.merchant_name, category: row.category, mcc: row.mcc, country: row.merchant_country },
    amount: money(row.amount_minor, currency),
    originalAmount: row.original_minor !== null && row.original_currency ? money(row.original_minor, row.original_currency) : null,
    status: row.status,
    authorizedAt: isoInstant(row.authorized_at),
    postedAt: row.posted_at === null ? null : isoInstant(row.posted_at),
  };
}

export const listTransactions: Handler = ({ db, caller, params, now }) => {
  const filter = transactionFilter(caller, params, now());
  const page = pageOf(params);
  const total = statement(db, `SELECT COUNT(*) FROM transactions WHERE ${filter.where}`).pluck().get(...filter.args) as number;
  // The page's rows are chosen first, then joined: the join never steers the plan.
  const rows = statement(
    db,
    `SELECT t.id, t.card_id, c.last4, t.cardholder_id, h.name AS holder_name, t.merchant_name, t.category, t.mcc, t.merchant_country,
         t.amount_minor, t.original_minor, t.original_currency, t.status, t.authorized_at, t.posted_at
       FROM (SELECT * FROM transactions WHERE ${filter.where} ORDER BY authorized_at DESC, seq DESC LIMIT ? OFFSET ?) t
       CROSS JOIN cards c ON c.id = t.card_id
       CROSS JOIN cardholders h ON h.id = t.cardholder_id
       ORDER BY t.authorized_at DESC, t.seq DESC`,
    )
    .all(...filter.args, page.size, (page.page - 1) * page.size) as TransactionRow[];
  const currency = caller.company.currency;
  return { status: 200, body: pageBody(rows.map((r) => transactionBody(r, currency)), page, total) };
};
