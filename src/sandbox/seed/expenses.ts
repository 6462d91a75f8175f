// Seeds expense reports, receipts, reimbursements and approval requests on top of the seeded people,
// cards and transactions: card lines are real posted transactions of the submitter's own cards.
import { addDays, startOfDay, todayIn } from "../../calendar/zone.js";
import type { Db } from "../db/db.js";
import type { CompanySeed } from "./demo.js";
import { EXPENSE_DEMOS, type ExpenseDemo, type ExpenseStatus } from "./demo-expenses.js";
import { joinFlags, lineFlags, type PolicyFlag } from "../api/expense-policy.js";
import { Random } from "./random.js";
import { bankAccountOf } from "../api/reimbursements.js";
import { normalizeText } from "../api/text.js";

const HOUR = 3_600_000;

export interface ExpenseSeedReport {
  expenses: number;
  reimbursements: number;
  approvals: number;
}

interface Line {
  day: string;
  description: string;
  merchant: string;
  category: string;
  amountMinor: number;
  transactionId: string | null;
  cardId: string | null;
  flags: PolicyFlag[];
  receipt: boolean;
}

interface Holder {
  id: string;
  name: string;
}

// Drafts and reports waiting for approval are recent; decided ones may be months old.
const AGE_DAYS: Record<ExpenseStatus, [number, number]> = {
  DRAFT: [1, 20],
  SUBMITTED: [3, 15],
  APPROVED: [12, 100],
  REJECTED: [12, 100],
  REIMBURSED: [15, 100],
};
const STATUS_WEIGHTS: [ExpenseStatus, number][] = [["DRAFT", 10], ["SUBMITTED", 22], ["REJECTED", 10], ["APPROVED", 20], ["REIMBURSED", 38]];

function pickStatus(rnd: Random): ExpenseStatus {
  const i = rnd.weighted(STATUS_WEIGHTS.map(([, w]) => w), 100);
  return STATUS_WEIGHTS[i]![0];
}

function fileName(merchant: string, day: string, rnd: Random): [string, string] {
  const base = normalizeText(merchant).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return rnd.chance(0.6) ? [`${base}-${day}.pdf`, "application/pdf"] : [`${base}-${day}.jpg`, "image/jpeg"];
}

class CompanyExpenses {
  private readonly usedTransactions = new Set<string>();
  private readonly today: string;
  private readonly adminId: string | undefined;
  private readonly insert;
  counts: ExpenseSeedReport = { expenses: 0, reimbursements: 0, approvals: 0 };

  constructor(
    private readonly db: Db,
    private readonly company: CompanySeed,
    private readonly demo: ExpenseDemo,
    private readonly now: number,
    private readonly rnd: Random,
  ) {
    this.today = todayIn(company.timeZone, new Date(now));
    this.adminId = db.prepare("SELECT id FROM users WHERE company_id = ? AND role = 'ADMINISTRATOR' ORDER BY email LIMIT 1").pluck().get(company.id) as string | undefined;
    this.insert = {
      expense: db.prepare(
        `INSERT INTO expenses (id, company_id, submitter_id, title, status, total_minor, line_count, missing_receipts, policy_flags, created_at, submitted_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      line: db.prepare(
        `INSERT INTO expense_lines (id, expense_id, position, local_day, description, merchant_name, category, amount_minor, transaction_id, card_id, policy_flags)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      receipt: db.prepare("INSERT INTO receipts (id, line_id, file_name, content_type, uploaded_at) VALUES (?, ?, ?, ?, ?)"),
      reimbursement: db.prepare(
        `INSERT INTO reimbursements (id, company_id, employee_id, expense_id, amount_minor, status, created_at, paid_at, bank, account_last4, failure_reason)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      approval: db.prepare(
        `INSERT INTO approval_requests (id, company_id, type, status, requested_by, requested_at, description, expense_id, card_id,
             requested_limit_minor, requested_limit_period, replaced_limit_minor, replaced_limit_period, decided_by, decided_at, comment)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      transactions: db.prepare(
        `SELECT id, card_id, merchant_name, category, amount_minor, local_day FROM transactions
           WHERE company_id = ? AND cardholder_id = ? AND authorized_at >= ? AND authorized_at < ? AND status = 'POSTED'
           ORDER BY authorized_at, seq LIMIT 60`,
      ),
    };
  }

  /** An instant on `day` between 9:00 and 20:59 in the company's zone, never after now. */
  private timeOn(day: string): number {
    const t = startOfDay(day, this.company.timeZone).getTime() + this.rnd.int(9, 20) * HOUR + this.rnd.int(0, 59) * 60_000;
    return Math.min(t, this.now - HOUR);
  }

  private cardLines(holder: Holder, fromDay: string, toDay: string): Line[] {
    const zone = this.company.timeZone;
    const candidates = (this.insert.transactions.all(this.company.id, holder.id, startOfDay(fromDay, zone).getTime(), startOfDay(addDays(toDay, 1), zone).getTime()) as {
      id: string;
      card_id: string;
      merchant_name: string;
      category: string;
      amount_minor: number;
      local_day: string;
    }[]).filter((t) => !this.usedTransactions.has(t.id));
    const wanted = Math.min(candidates.length, this.rnd.int(0, 4));
    const lines: Line[] = [];
    for (let i = 0; i < wanted; i++) {
      const t = candidates.splice(Math.floor(this.rnd.next() * candidates.length), 1)[0]!;
      this.usedTransactions.add(t.id);
      lines.push({
        day: t.local_day,
        description: this.demo.purposes[t.category as keyof ExpenseDemo["purposes"]] ?? t.merchant_name,
        merchant: t.merchant_name,
        category: t.category,
        amountMinor: t.amount_minor,
        transactionId: t.id,
        cardId: t.card_id,
        flags: [],
        receipt: false,
      });
    }
    return lines;
  }

  private outOfPocketLine(fromDay: string, span: number): Line {
    const [merchant, description, category, min, max] = this.rnd.pick(this.demo.outOfPocket);
    const amountMinor = Math.round(this.rnd.logUniform(min, max)) * 100;
    return { day: addDays(fromDay, this.rnd.int(0, span)), description, merchant, category, amountMinor, transactionId: null, cardId: null, flags: [], receipt: false };
  }

  report(holder: Holder, intended: ExpenseStatus): void {
    const { rnd, company } = this;
    const [minAge, maxAge] = AGE_DAYS[intended];
    const anchor = addDays(this.today, -rnd.int(minAge, maxAge));
    const span = 14;
    const fromDay = addDays(anchor, -span);
    const lines = this.cardLines(holder, fromDay, anchor);
    const extra = rnd.chance(0.55) ? rnd.int(1, 2) : 0;
    for (let i = 0; i < extra || lines.length === 0; i++) lines.push(this.outOfPocketLine(fromDay, span));
    lines.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    for (const line of lines) {
      line.flags = lineFlags({ category: line.category, amountMinor: line.amountMinor, day: line.day }, company.currency);
      line.receipt = rnd.chance(0.82);
    }

    const createdAt = this.timeOn(anchor);
    let status = intended;
    let submittedAt: number | null = status === "DRAFT" ? null : createdAt + rnd.int(1, 36) * HOUR;
    if (submittedAt !== null && submittedAt > this.now) [submittedAt, status] = [null, "DRAFT"];
    let decidedAt: number | null = null;
    if (submittedAt !== null && status !== "SUBMITTED") {
      decidedAt = submittedAt + rnd.int(2, 72) * HOUR;
      if (decidedAt > this.now) [decidedAt, status] = [null, "SUBMITTED"];
    }
    const outOfPocket = lines.filter((l) => l.transactionId === null).reduce((sum, l) => sum + l.amountMinor, 0);
    let reimbursement: { status: "PENDING" | "PAID" | "FAILED"; paidAt: number | null } | undefined;
    if (decidedAt !== null && (status === "APPROVED" || status === "REIMBURSED")) {
      if (outOfPocket === 0) status = "APPROVED";
      else {
        const paidAt = decidedAt + rnd.int(24, 120) * HOUR;
        if (status === "REIMBURSED" && paidAt <= this.now) {
          reimbursement = rnd.chance(0.06) ? { status: "FAILED", paidAt: null } : { status: "PAID", paidAt };
          if (reimbursement.status === "FAILED") status = "APPROVED";
        } else {
          reimbursement = { status: "PENDING", paidAt: null };
          status = "APPROVED";
        }
      }
    }

    const id = `exp_${rnd.base62(8)}`;
    const title = rnd.pick(this.demo.titles);
    const total = lines.reduce((sum, l) => sum + l.amountMinor, 0);
    const flags = joinFlags(lines.flatMap((l) => l.flags));
    this.insert.expense.run(id, company.id, holder.id, title, status, total, lines.length, lines.filter((l) => !l.receipt).length, flags, createdAt, submittedAt);
    lines.forEach((line, position) => {
      const lineId = `exl_${rnd.base62(8)}`;
      this.insert.line.run(lineId, id, position, line.day, line.description, line.merchant, line.category, line.amountMinor, line.transactionId, line.cardId, joinFlags(line.flags));
      if (line.receipt) {
        const [name, type] = fileName(line.merchant, line.day, rnd);
        this.insert.receipt.run(`rcp_${rnd.base62(8)}`, lineId, name, type, Math.min(createdAt + rnd.int(1, 90) * 60_000, this.now));
      }
    });
    this.counts.expenses++;

    if (submittedAt !== null) {
      const decision = status === "SUBMITTED" ? "PENDING" : status === "REJECTED" ? "REJECTED" : "APPROVED";
      const comment = decision === "REJECTED" ? rnd.pick(this.demo.rejectionComments) : decision === "APPROVED" && rnd.chance(0.5) ? rnd.pick(this.demo.approvalComments) : null;
      const decider = decision === "PENDING" ? null : this.adminId ?? null;
      this.insert.approval.run(`apr_${rnd.base62(8)}`, company.id, "EXPENSE_REPORT", decision, holder.id, submittedAt, title, id, null, null, null, null, null, decider, decidedAt, comment);
      this.counts.approvals++;
    }
    if (reimbursement && decidedAt !== null) {
      const account = bankAccountOf(holder.id, company.country);
      const failure = reimbursement.status === "FAILED" ? this.demo.failedTransfer : null;
      this.insert.reimbursement.run(`rmb_${rnd.base62(8)}`, company.id, holder.id, id, outOfPocket, reimbursement.status, decidedAt, reimbursement.paidAt, account.bank, account.last4, failure);
      this.counts.reimbursements++;
    }
  }

  limitRequests(holders: Map<string, Holder>): void {
    for (const request of this.demo.limitRequests) {
      const holder = holders.get(request.holder);
      if (!holder) throw new Error(`limit request for unknown cardholder ${request.holder}`);
      const card = this.db
        .prepare("SELECT id, limit_minor, limit_period FROM cards WHERE company_id = ? AND cardholder_id = ? AND type = ? ORDER BY created_at, id LIMIT 1")
        .get(this.company.id, holder.id, request.type) as { id: string; limit_minor: number; limit_period: string } | undefined;
      if (!card) throw new Error(`no ${request.type} card for ${request.holder}`);
      const requestedAt = this.timeOn(addDays(this.today, -request.daysAgo));
      const decided = request.status !== "PENDING";
      const decidedAt = decided ? Math.min(requestedAt + this.rnd.int(4, 48) * HOUR, this.now - HOUR) : null;
      const replaced = decided ? (request.previous ?? card.limit_minor / 100) * 100 : null;
      const id = request.id ?? `apr_${this.rnd.base62(8)}`;
      this.insert.approval.run(
        id, this.company.id, "LIMIT_INCREASE", request.status, holder.id, requestedAt, request.reason, null, card.id,
        request.requested * 100, card.limit_period, replaced, decided ? card.limit_period : null,
        decided ? this.adminId ?? null : null, decidedAt, request.comment ?? null,
      );
      this.counts.approvals++;
    }
  }
}

/** Expense reports, reimbursements and approval requests of one demo company (none when it has no demo). */
export function seedCompanyExpenses(db: Db, company: CompanySeed, now: number, rnd: Random): ExpenseSeedReport {
  const demo = EXPENSE_DEMOS[company.id];
  if (!demo) return { expenses: 0, reimbursements: 0, approvals: 0 };
  const holders = new Map((db.prepare("SELECT id, name FROM cardholders WHERE company_id = ? ORDER BY rowid").all(company.id) as Holder[]).map((h) => [h.name, h]));
  const seeder = new CompanyExpenses(db, company, demo, now, rnd);
  const everyone = [...holders.values()];
  for (let k = 0; k < demo.reports; k++) {
    const featured = demo.featured[k];
    const holder = featured ? holders.get(featured.holder) : rnd.pick(everyone);
    if (!holder) throw new Error(`expense report for unknown cardholder ${featured?.holder}`);
    seeder.report(holder, featured?.status ?? pickStatus(rnd));
  }
  seeder.limitRequests(holders);
  return seeder.counts;
}

export const EXPENSE_TABLES = ["approval_requests", "reimbursements", "receipts", "expense_lines", "expenses"] as const;

/** True when the database has companies but no expense data yet (created before expenses existed). */
export function lacksExpenses(db: Db): boolean {
  const companies = db.prepare("SELECT COUNT(*) FROM companies").pluck().get() as number;
  const requests = db.prepare("SELECT (SELECT COUNT(*) FROM expenses) + (SELECT COUNT(*) FROM approval_requests)").pluck().get() as number;
  return companies > 0 && requests === 0;
}
