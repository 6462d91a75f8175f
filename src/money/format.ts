// Money as people read it, from the exact decimal strings the API gives ("20000.00" → "20,000.00"),
// never through floats. Shared by the gateway's texts and the views' labels, which must agree.

export const MISSING = "—";

export const DECIMAL = /^(-?)(\d+)(\.\d+)?$/;

/** Groups thousands of an exact decimal string ("20000.00" → "20,000.00") without going through floats. */
export function formatDecimal(value: string): string {
  const match = DECIMAL.exec(value);
  if (!match) return value;
  const [, sign, whole, fraction] = match;
  return `${sign}${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${fraction ?? ""}`;
}

/** `{ value: "20000.00", currency: "MXN" }` → "20,000.00 MXN"; a bare decimal string is grouped too. */
export function formatMoney(value: unknown): string {
  if (value === null || value === undefined) return MISSING;
  if (typeof value === "string") return formatDecimal(value);
  if (typeof value === "object") {
    const money = value as { value?: unknown; currency?: unknown };
    if (money.value === undefined || money.value === null) return MISSING;
    const amount = typeof money.value === "string" ? formatDecimal(money.value) : String(money.value);
    return typeof money.currency === "string" ? `${amount} ${money.currency}` : amount;
  }
  return String(value);
}
