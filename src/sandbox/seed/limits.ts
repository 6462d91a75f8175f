// The card processor's limit check for seeded purchases: what each card has spent in its limit
// period, counted the way the cards endpoint counts it (PENDING and POSTED, authorised in the window).
import { billingPeriod } from "../../calendar/billing.js";
import type { CardSeed } from "./demo.js";

export class LimitLedger {
  /** Minor units spent per card and period key. */
  private readonly spent = new Map<string, number>();

  constructor(private readonly statementDay: number) {}

  /** The period a purchase on `day` counts toward: the day itself, or the billing period it falls in. */
  private key(cardId: string, card: CardSeed, day: string): string {
    return card.period === "DAILY" ? `${cardId} ${day}` : `${cardId} ${billingPeriod(day, this.statementDay).from}`;
  }

  /** True when a purchase of `amountMinor` on `day` keeps the card within its limit. */
  allows(cardId: string, card: CardSeed, day: string, amountMinor: number): boolean {
    const limit = card.limit * 100;
    if (card.period === "PER_TRANSACTION") return amountMinor <= limit;
    return (this.spent.get(this.key(cardId, card, day)) ?? 0) + amountMinor <= limit;
  }

  /** Counts an approved (PENDING or POSTED) purchase. */
  record(cardId: string, card: CardSeed, day: string, amountMinor: number): void {
    if (card.period === "PER_TRANSACTION") return;
    const key = this.key(cardId, card, day);
    this.spent.set(key, (this.spent.get(key) ?? 0) + amountMinor);
  }
}
