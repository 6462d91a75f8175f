// What the chart reads of summarize_spending's structured answer (the manifest's views.spending-chart.reads).
import { count, formatMoney } from "../shared/format.js";

export interface Money {
  value: string;
  currency: string;
}

export interface Group {
  key: string;
  label: string;
  count: number;
  total: Money;
}

export interface Summary {
  groupBy: string;
  groups: Group[];
  totals: { count: number; total: Money };
  from: string;
  to: string;
  timeZone: string;
}

/** "Travel: 12,345.67 MXN (12 transactions)": what a bar or a point says, aloud and in its tooltip. */
export function groupText(group: Group): string {
  return `${group.label}: ${formatMoney(group.total)} (${count(group.count, "transaction")})`;
}
