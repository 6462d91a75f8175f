// PATCH /api/v3/cards/{cardId}/lock: lock or unlock a card, at once or after the processor's delay.
import { cardBody, findCard } from "./cards.js";
import { ApiError } from "./errors.js";
import { once } from "./idempotency.js";
import { isoInstant } from "./period.js";
import type { Handler, OperationContext, OperationResult } from "./operation.js";

const MAY_LOCK = new Set(["ADMINISTRATOR", "BOOKKEEPER"]);

function apply(ctx: OperationContext, cardId: string, lock: boolean): OperationResult {
  const { db, caller, timers } = ctx;
  const card = findCard(db, caller, cardId);
  const previousStatus = card.status;
  if (previousStatus === "CANCELLED") {
    throw new ApiError("CONFLICT", "The card is cancelled; a cancelled card cannot be locked or unlocked.");
  }
  const target = lock ? "LOCKED" : "ACTIVE";
  const now = ctx.now();
  if (previousStatus === target) {
    return { status: 200, body: { card: cardBody(db, card, caller, now), previousStatus, changedAt: isoInstant(now) } };
  }
  const change = db.prepare("UPDATE cards SET status = ? WHERE id = ? AND status <> 'CANCELLED'");
  if (timers.delayMs > 0) {
    timers.later(() => change.run(target, card.id));
    return { status: 202, body: { card: cardBody(db, card, caller, now), previousStatus, pending: true } };
  }
  change.run(target, card.id);
  const after = findCard(db, caller, cardId);
  return { status: 200, body: { card: cardBody(db, after, caller, now), previousStatus, changedAt: isoInstant(now) } };
}

export const toggleCardLock: Handler = (ctx) => {
  const { caller, params, body } = ctx;
  if (!MAY_LOCK.has(caller.role)) {
    throw new ApiError("FORBIDDEN", `${caller.role === "EMPLOYEE" ? "Employees" : "Viewers"} cannot lock or unlock cards.`);
  }
  const cardId = String(params.cardId);
  const lock = (body as { lock: boolean }).lock;
  const key = params["Idempotency-Key"] as string | undefined;
  const fingerprint = JSON.stringify(["toggleCardLock", cardId, lock]);
  return once(ctx.db, caller, key, fingerprint, ctx.now(), () => apply(ctx, cardId, lock));
};
