// GET /api/v3/transactions/summary: the list's matches grouped, with exact counts and totals.
import type { Db } from "./db.js";
import { CATEGORY_LABELS, type Category } from "./demo.js";
import { money } from "./money.js";
import type { Handler } from "./operation.js";
import { transactionFilter } from "./transactions.js";

type GroupBy = "category" | "cardholder" | "merchant" | "card" | "day" | "month";

const GROUP_KEY: Record<GroupBy, string> = {
  category: "category",
  cardholder: "cardholder_id",
  merchant: "merchant_name",
  card: "card_id",
  day: "local_day",
  month: "substr(local_day, 1, 7)",
};

const MONTH = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" });

function labeller(db: Db, groupBy: GroupBy, companyId: string): (key: string) => string {
  switch (groupBy) {
    case "category":
      return (key) => CATEGORY_LABELS[key as Category] ?? key;
    case "cardholder": {
      const names = new Map(db.prepare("SELECT id, name FROM cardholders WHERE company_id = ?").raw().all(companyId) as [string, string][]);
      return (key) => names.get(key) ?? key;
    }
    case "card": {
      const rows = db.prepare("SELECT c.id, h.name, c.last4 FROM cards c JOIN cardholders h ON h.id = c.cardholder_id WHERE c.company_id = ?").raw().all(companyId) as [string, string, string][];
      const labels = new Map(rows.map(([id, name, last4]) => [id, `${name} •••• ${last4}`]));
      return (key) => labels.get(key) ?? key;
    }
    case "month":
      return (key) => MONTH.format(new Date(`${key}-01T00:00:00Z`));
    default:
      return (key) => key;
  }
}

export const summarizeTransactions: Handler = ({ db, caller, params, now }) => {
  const groupBy = params.groupBy as GroupBy;
  const filter = transactionFilter(caller, params, now());
  const rows = db
    .prepare(`SELECT ${GROUP_KEY[groupBy]} AS key, COUNT(*) AS count, SUM(amount_minor) AS total FROM transactions WHERE ${filter.where} GROUP BY 1`)
    .raw()
    .all(...filter.args) as [string, number, number][];
  rows.sort((a, b) => b[2] - a[2] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const currency = caller.company.currency;
  const label = labeller(db, groupBy, caller.company.id);
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
      timeZone: caller.company.timeZone,
      groupBy,
      groups: rows.slice(0, limit).map(([key, c, t]) => ({ key, label: label(key), count: c, total: money(t, currency) })),
      totals: { count, total: money(total, currency) },
    },
  };
};
