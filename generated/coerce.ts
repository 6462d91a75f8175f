// Numbers where a tool wants text, as models and CLIs send them. Codegen decides from each schema
// where these apply and copies this file verbatim to generated/coerce.ts for the validators it writes.
import { z } from "zod";

/**
 * A finite number as its canonical decimal text (5000 → "5000", 1234.5 → "1234.5"), for a string whose
 * pattern takes that text; the pattern still decides. Exponent forms (1e21) stay numbers and are refused.
 */
export function numberText(value: unknown): unknown {
  if (typeof value !== "number" || !Number.isFinite(value)) return value;
  const text = String(value);
  return text.includes("e") ? value : text;
}

/** Fewer digits than this, and a number has lost what a person meant: "0123" sent as 123. */
export const REFERENCE_DIGITS = 4;

/** A natural reference (a card's last 4 digits) sent as a number: 4821 → "4821"; 123 is refused with words. */
export function referenceText(value: unknown, ctx: z.RefinementCtx): unknown {
  if (typeof value !== "number") return value;
  if (Number.isSafeInteger(value) && value >= 10 ** (REFERENCE_DIGITS - 1)) return String(value);
  ctx.addIssue({ code: "custom", message: `send the last ${REFERENCE_DIGITS} digits as text, such as "0123" (a number loses its leading zeros)` });
  return z.NEVER;
}
