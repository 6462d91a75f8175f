// The company expense policy every line is checked against, and how a broken rule is explained.
import { isoWeekday } from "../../calendar/zone.js";
import { moneyText } from "./money.js";

export type PolicyFlag = "OVER_CATEGORY_LIMIT" | "WEEKEND_SPENDING" | "RESTRICTED_CATEGORY";

export interface PolicyLine {
  category: string;
  amountMinor: number;
  /** YYYY-MM-DD in the company's time zone. */
  day: string;
}

/** The most one meal may cost, per company currency (minor units). */
const MEAL_LIMIT_MINOR: Record<string, number> = { MXN: 250_000, BRL: 40_000, COP: 40_000_000 };
const RESTRICTED = new Set(["ENTERTAINMENT"]);

function mealLimit(currency: string): number {
  return MEAL_LIMIT_MINOR[currency] ?? 250_000;
}

export function lineFlags(line: PolicyLine, currency: string): PolicyFlag[] {
  const flags: PolicyFlag[] = [];
  if (line.category === "FOOD" && line.amountMinor > mealLimit(currency)) flags.push("OVER_CATEGORY_LIMIT");
  if (isoWeekday(line.day) >= 6) flags.push("WEEKEND_SPENDING");
  if (RESTRICTED.has(line.category)) flags.push("RESTRICTED_CATEGORY");
  return flags;
}

export function flagMessage(flag: PolicyFlag, line: PolicyLine, currency: string): string {
  switch (flag) {
    case "OVER_CATEGORY_LIMIT":
      return `A meal of ${moneyText(line.amountMinor, currency)} is over the ${moneyText(mealLimit(currency), currency)} limit per meal.`;
    case "WEEKEND_SPENDING":
      return `Spent on a ${isoWeekday(line.day) === 6 ? "Saturday" : "Sunday"} (${line.day}); weekend spending needs a justification.`;
    case "RESTRICTED_CATEGORY":
      return `${line.category.charAt(0)}${line.category.slice(1).toLowerCase()} is not paid for under the company's expense policy.`;
  }
}

/** Flags as stored: comma-separated, '' for none. */
export function joinFlags(flags: Iterable<PolicyFlag>): string {
  return [...new Set(flags)].join(",");
}

export function splitFlags(stored: string): PolicyFlag[] {
  return stored === "" ? [] : (stored.split(",") as PolicyFlag[]);
}
