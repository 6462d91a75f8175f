// A card's spending limit: reading what is left of it, and changing it (administrators only).
import { cardBody, findCard } from "./cards.js";
import { statement } from "../db/db.js";
import { ApiError, badRequest } from "./errors.js";
import { once } from "./idempotency.js";
import { money, parseMinor } from "./money.js";
import type { Handler, OperationContext, OperationResult } from "./operation.js";
import { isoInstant } from "./period.js";
import { requireAdministrator } from "./roles.js";

export const getCardLimit: Handler = ({ db, caller, params, now }) => {
  const card = findCard(db, caller, String(params.cardId));
  const body = cardBody(db, card, caller, now());
  const currency = caller.company.currency;
  const spent = parseMinor(body.spentThisPeriod.value);
  // A per-transaction limit caps each purchase, not their sum.
  const available = card.limit_period === "PER_TRANSACTION" ? card.limit_minor : Math.max(0, card.limit_minor - spent);
  const pending = statement(
    db,
    `SELECT id, requested_limit_minor, requested_limit_period, requested_at FROM approval_requests
       WHERE company_id = ? AND card_id = ? AND type = 'LIMIT_INCREASE' AND status = 'PENDING' ORDER BY requested_at DESC, id DESC LIMIT 1`,
  ).get(caller.company.id, card.id) as { id: string; requested_limit_minor: number; requested_limit_period: string; requested_at: number } | undefined;
  return {
    status: 200,
    body: {
      card: body,
      limit: body.spendingLimit,
      spentThisPeriod: body.spentThisPeriod,
      available: money(available, currency),
      pendingIncrease: pending
        ? {
            approvalId: pending.id,
            requested: { amount: money(pending.requested_limit_minor, currency), period: pending.requested_limit_period },
            requestedAt: isoInstant(pending.requested_at),
          }
        : null,
    },
  };
};

function apply(ctx: OperationContext, cardId: string, amountMinor: number, period: string | undefined): OperationResult {
  const { db, caller } = ctx;
  const card = findCard(db, caller, cardId);
  if (card.status === "CANCELLED") throw new ApiError("CONFLICT", `Card •••• ${card.last4} is cancelled; a cancelled card's limit cannot be changed.`);
  const currency = caller.company.currency;
  const before = { amount: money(card.limit_minor, currency), period: card.limit_period };
  const nextPeriod = period ?? card.limit_period;
  const changed = { amount: amountMinor !== card.limit_minor, period: nextPeriod !== card.limit_period };
  if (changed.amount || changed.period) {
    statement(db, "UPDATE cards SET limit_minor = ?, limit_period = ? WHERE id = ?").run(amountMinor, nextPeriod, card.id);
  }
  const now = ctx.now();
  const after = findCard(db, caller, cardId);
  return {
    status: 200,
    body: {
      card: cardBody(db, after, caller, now),
      before,
      after: { amount: money(after.limit_minor, currency), period: after.limit_period },
      changed,
      changedAt: isoInstant(now),
    },
  };
}

export const updateCardLimit: Handler = (ctx) => {
  const { caller, params, body } = ctx;
  requireAdministrator(caller, "change card limits");
  const cardId = String(params.cardId);
  const request = body as { amount: string; period?: string };
  const amountMinor = parseMinor(request.amount);
  if (amountMinor <= 0) throw badRequest(`amount must be more than 0; got ${JSON.stringify(request.amount)}`);
  const key = params["Idempotency-Key"] as string | undefined;
  const fingerprint = JSON.stringify(["updateCardLimit", cardId, amountMinor, request.period ?? null]);
  return once(ctx.db, caller, key, fingerprint, ctx.now(), () => apply(ctx, cardId, amountMinor, request.period));
};
