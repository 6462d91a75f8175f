// Reimbursements: out-of-pocket lines of approved expense reports, paid back to the employee.
import { createHash } from "node:crypto";
import { ownCardholderScope, type Caller } from "./caller.js";
import { statement, type Db } from "../db/db.js";
import { notFound } from "./errors.js";
import { money } from "./money.js";
import { pageBody, pageOf, type Handler } from "./operation.js";
import { isoInstant, queryPeriod } from "./period.js";
import { containsPattern } from "./text.js";

interface ReimbursementRow {
  id: string;
  employee_id: string;
  holder_name: string;
  holder_email: string;
  expense_id: string;
  expense_title: string;
  amount_minor: number;
  status: string;
  created_at: number;
  paid_at: number | null;
  bank: string;
  account_last4: string;
  failure_reason: string | null;
}

const BANKS: Record<string, readonly string[]> = {
  MX: ["BBVA México", "Banorte", "Santander México", "Banamex", "HSBC México"],
  BR: ["Itaú", "Bradesco", "Banco do Brasil", "Nubank", "Caixa"],
  CO: ["Bancolombia", "Davivienda", "Banco de Bogotá"],
};

/** The bank account an employee is paid back to: fixed per employee, so every reimbursement agrees. */
export function bankAccountOf(cardholderId: string, country: string): { bank: string; last4: string } {
  const digest = createHash("sha256").update(cardholderId).digest();
  const banks = BANKS[country] ?? BANKS.MX!;
  return { bank: banks[digest[0]! % banks.length]!, last4: String(digest.readUInt16BE(1) % 10_000).padStart(4, "0") };
}

const COLUMNS = `r.id, r.employee_id, h.name AS holder_name, h.email AS holder_email, r.expense_id, e.title AS expense_title,
  r.amount_minor, r.status, r.created_at, r.paid_at, r.bank, r.account_last4, r.failure_reason`;
const FROM = "FROM reimbursements r JOIN cardholders h ON h.id = r.employee_id JOIN expenses e ON e.id = r.expense_id";

function reimbursementBody(row: ReimbursementRow, currency: string) {
  return {
    id: row.id,
    employee: { id: row.employee_id, name: row.holder_name, email: row.holder_email },
    expense: { id: row.expense_id, title: row.expense_title },
    amount: money(row.amount_minor, currency),
    status: row.status,
    createdAt: isoInstant(row.created_at),
    paidAt: row.paid_at === null ? null : isoInstant(row.paid_at),
    bankAccount: { bank: row.bank, last4: row.account_last4 },
    failureReason: row.failure_reason,
  };
}

export const listReimbursements: Handler = ({ db, caller, params, now }) => {
  const where = ["r.company_id = ?"];
  const args: unknown[] = [caller.company.id];
  const add = (sql: string, ...values: unknown[]): void => {
    where.push(sql);
    args.push(...values);
  };
  const scope = ownCardholderScope(caller);
  if (scope !== undefined) add("r.employee_id = ?", scope);
  if (Array.isArray(params.status)) add(`r.status IN (${params.status.map(() => "?").join(", ")})`, ...params.status);
  if (params.from !== undefined || params.to !== undefined) {
    const period = queryPeriod(params.from as string | undefined, params.to as string | undefined, caller.company, now());
    add("r.created_at >= ? AND r.created_at < ?", period.fromMs, period.toMsExclusive);
  }
  if (params.employee !== undefined) add("h.name_norm LIKE ? ESCAPE '\\'", containsPattern(String(params.employee)));
  const filtered = `${FROM} WHERE ${where.join(" AND ")}`;
  const page = pageOf(params);
  const total = statement(db, `SELECT COUNT(*) ${filtered}`).pluck().get(...args) as number;
  const rows = statement(db, `SELECT ${COLUMNS} ${filtered} ORDER BY r.created_at DESC, r.id DESC LIMIT ? OFFSET ?`).all(...args, page.size, (page.page - 1) * page.size) as ReimbursementRow[];
  const currency = caller.company.currency;
  return { status: 200, body: pageBody(rows.map((r) => reimbursementBody(r, currency)), page, total) };
};

function findReimbursement(db: Db, caller: Caller, id: string): ReimbursementRow {
  const row = statement(db, `SELECT ${COLUMNS} ${FROM} WHERE r.id = ? AND r.company_id = ?`).get(id, caller.company.id) as ReimbursementRow | undefined;
  const scope = ownCardholderScope(caller);
  if (!row || (scope !== undefined && row.employee_id !== scope)) throw notFound(`No reimbursement with id ${id}.`);
  return row;
}

export const getReimbursement: Handler = ({ db, caller, params }) => ({
  status: 200,
  body: reimbursementBody(findReimbursement(db, caller, String(params.reimbursementId)), caller.company.currency),
});
