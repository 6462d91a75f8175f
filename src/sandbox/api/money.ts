// Money as integer minor units (cents): parsed from and formatted to exact decimal strings.

export interface Money {
  value: string;
  currency: string;
}

/** "1234.5" → 123450. The spec's DecimalAmount pattern has already been checked. */
export function parseMinor(decimal: string): number {
  const [whole = "0", fraction = ""] = decimal.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

/** 123450 → "1234.50", exactly (integer arithmetic only). */
export function formatMinor(minor: number): string {
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

export function money(minor: number, currency: string): Money {
  return { value: formatMinor(minor), currency };
}

/** 3500000 → "35,000.00 MXN", for sentences in messages. */
export function moneyText(minor: number, currency: string): string {
  const [whole = "0", fraction = "00"] = formatMinor(minor).split(".");
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${fraction} ${currency}`;
}
