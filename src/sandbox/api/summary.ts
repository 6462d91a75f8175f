// GET /api/v3/transactions/summary: the list's matches grouped, with exact counts and totals.
import { addDays, dateIn } from "../../calendar/zone.js";
import { statement, type Db } from "../db/db.js";
import { CATEGORY_LABELS, type Category } from "./categories.js";
import { money } from "./money.js";
import type { Handler } from "./operation.js";
import type { QueryPeriod } from "./period.js";
import { TRANSACTION_STATUSES, transactionFilter } from "./transactions.js";

type GroupBy = "category" | "cardholder" | "merchant" | "card" | "day" | "month";

/** Each grouping's column; months are folded from days. */
const GROUP_COLUMN: Record<GroupBy, string> = {
  category: "category",
  cardholder: "cardholder_id",
  merchant: "merchant_name",
  card: "card_id",
  day: "local_day",
  month: "local_day",
};

const MAX_LISTED_DAYS = 4000;

const MONTH = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" });

function daysOf(period: QueryPeriod, timeZone: string): string[] {
  const days: string[] = [];
  const last = dateIn(period.toMsExclusive - 1, timeZone);
  for (let d = dateIn(period.fromMs, timeZone); d <= last; d = addDays(d, 1)) days.push(d);
  return days;
}

/**
 * Every value the group column can take for this company and period. Naming them all lets SQLite
 * walk the grouping's index slice by slice, already in group order.
 */
function possibleKeys(db: Db, groupBy: GroupBy, companyId: string, period: QueryPeriod, timeZone: string): string[] {
  switch (groupBy) {
    case "category":
      return Object.keys(CATEGORY_LABELS);
    case "cardholder":
      return statement(db, "SELECT id FROM cardholders WHERE company_id = ?").pluck().all(companyId) as string[];
    case "card":
      return statement(db, "SELECT id FROM cards WHERE company_id = ?").pluck().all(companyId) as string[];
    case "merchant":
      return statement(db, "SELECT name FROM merchants WHERE company_id = ?").pluck().all(companyId) as string[];
    case "day":
    case "month":
      return daysOf(period, timeZone);
  }
}

function labeller(db: Db, groupBy: GroupBy, companyId: string): (key: string) => string {
  switch (groupBy) {
    case "category":
      return (key) => CATEGORY_LABELS[key as Category] ?? key;
    case "cardholder": {
      const names = new Map(statement(db, "SELECT id, name FROM cardholders WHERE company_id = ?").raw().all(companyId) as [string, string][]);
      return (key) => names.get(key) ?? key;
    }
    case "card": {
      const rows = statement(db, "SELECT c.id, h.name, c.last4 FROM cards c JOIN cardholders h ON h.id = c.cardholder_id WHERE c.company_id = ?").raw().all(companyId) as [string, string, string][];
      const labels = new Map(rows.map(([id, name, last4]) => [id, `${name} •••• ${last4}`]));
      return (key) => labels.get(key) ?? key;
    }
    case "month":
      return (key) => MONTH.format(new Date(`${key}-01T00:00:00Z`));
    default:
      return (key) => key;
  }
}

type Group = [key: string, count: number, total: number];

function foldMonths(days: Group[]): Group[] {
  const months = new Map<string, Group>();
  for (const [day, count, total] of days) {
    const key = day.slice(0, 7);
    const g = months.get(key);
    if (g) {
      g[1] += count;
      g[2] += total;
    } else months.set(key, [key, count, total]);
  }
  return [...months.values()];
}

export const summarizeTransactions: Handler = ({ db, caller, params, now }) => {
  const groupBy = params.groupBy as GroupBy;
  const { company } = caller;
  const filter = transactionFilter(caller, params, now());
  const column = GROUP_COLUMN[groupBy];
  // Periods of many years would name too many days; a plain GROUP BY gives the same groups.
  const days = groupBy === "day" || groupBy === "month" ? (filter.period.toMsExclusive - filter.period.fromMs) / 86_400_000 : 0;
  const keys = days > MAX_LISTED_DAYS ? undefined : possibleKeys(db, groupBy, company.id, filter.period, company.timeZone);
  const listed = keys ? ` AND ${column} IN (${keys.map(() => "?").join(", ")})` : "";
  const found =
    keys?.length === 0
      ? []
      : (statement(db, `SELECT ${column}, COUNT(*), SUM(amount_minor) FROM transactions WHERE ${filter.where}${listed} GROUP BY ${column}`)
          .raw()
          .all(...filter.args, ...(keys ?? [])) as Group[]);
  const rows = groupBy === "month" ? foldMonths(found) : found;
  rows.sort((a, b) => b[2] - a[2] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const label = labeller(db, groupBy, company.id);
  const limit = params.limit === undefined ? rows.length : Number(params.limit);
  let count = 0;
  let total = 0;
  for (const [, c, t] of rows) {
    count += c;
    total += t;
  }
  return {
    status: 200,
    body: {
      from: filter.period.from,
      to: filter.period.to,
      timeZone: company.timeZone,
      // Which statuses the counts cover, so a summary never looks like it contradicts the list.
      statuses: Array.isArray(params.status) ? [...new Set(params.status as string[])] : [...TRANSACTION_STATUSES],
      groupBy,
      groups: rows.slice(0, limit).map(([key, c, t]) => ({ key, label: label(key), count: c, total: money(t, company.currency) })),
      totals: { count, total: money(total, company.currency) },
    },
  };
};
