// Cards: listing with filters, one card by id, and each card's spending in its limit period.
import { billingPeriod } from "../../calendar/billing.js";
import { endOfDayExclusive, startOfDay, todayIn } from "../../calendar/zone.js";
import { ownCardholderScope, type Caller } from "./caller.js";
import { statement, type Db } from "../db/db.js";
import { notFound } from "./errors.js";
import { money, parseMinor } from "./money.js";
import { pageBody, pageOf, type Handler } from "./operation.js";
import { containsPattern } from "./text.js";
import { isoInstant } from "./period.js";

export interface CardRow {
  id: string;
  cardholder_id: string;
  holder_name: string;
  holder_email: string;
  last4: string;
  brand: string;
  type: string;
  status: string;
  limit_minor: number;
  limit_period: string;
  created_at: number;
}

const CARD_COLUMNS = `c.id, c.cardholder_id, h.name AS holder_name, h.email AS holder_email, c.last4, c.brand, c.type, c.status,
  c.limit_minor, c.limit_period, c.created_at`;

/** The instants a card's limit period covers now: today for daily limits, else the billing period. */
function limitWindow(period: string, caller: Caller, now: number): [number, number] {
  const zone = caller.company.timeZone;
  const today = todayIn(zone, new Date(now));
  const { from, to } = period === "DAILY" ? { from: today, to: today } : billingPeriod(today, caller.company.statementDay);
  return [startOfDay(from, zone).getTime(), endOfDayExclusive(to, zone).getTime()];
}

function spent(db: Db, card: CardRow, caller: Caller, now: number): number {
  const [from, to] = limitWindow(card.limit_period, caller, now);
  const sql = `SELECT COALESCE(SUM(amount_minor), 0) FROM transactions
    WHERE company_id = ? AND card_id = ? AND authorized_at >= ? AND authorized_at < ? AND status IN ('PENDING', 'POSTED')`;
  return statement(db, sql)
    .pluck()
    .get(caller.company.id, card.id, from, to) as number;
}

export function cardBody(db: Db, card: CardRow, caller: Caller, now: number) {
  const currency = caller.company.currency;
  return {
    id: card.id,
    cardholder: { id: card.cardholder_id, name: card.holder_name, email: card.holder_email },
    last4: card.last4,
    brand: card.brand,
    type: card.type,
    status: card.status,
    spendingLimit: { amount: money(card.limit_minor, currency), period: card.limit_period },
    spentThisPeriod: money(spent(db, card, caller, now), currency),
    createdAt: isoInstant(card.created_at),
  };
}

/** The card if the caller may see it; another company's card is exactly as absent as a missing one. */
export function findCard(db: Db, caller: Caller, cardId: string): CardRow {
  const scope = ownCardholderScope(caller);
  const row = statement(db, `SELECT ${CARD_COLUMNS} FROM cards c JOIN cardholders h ON h.id = c.cardholder_id WHERE c.id = ? AND c.company_id = ?`).get(cardId, caller.company.id) as CardRow | undefined;
  if (!row || (scope !== undefined && row.cardholder_id !== scope)) throw notFound(`No card with id ${cardId}.`);
  return row;
}

export const getCard: Handler = ({ db, caller, params, now }) => ({
  status: 200,
  body: cardBody(db, findCard(db, caller, String(params.cardId)), caller, now()),
});

export const listCards: Handler = ({ db, caller, params, now }) => {
  const where = ["c.company_id = ?"];
  const args: unknown[] = [caller.company.id];
  const scope = ownCardholderScope(caller);
  if (scope !== undefined) {
    where.push("c.cardholder_id = ?");
    args.push(scope);
  }
  if (params.status !== undefined) {
    where.push("c.status = ?");
    args.push(params.status);
  }
  if (params.cardholder !== undefined) {
    where.push("h.name_norm LIKE ? ESCAPE '\\'");
    args.push(containsPattern(String(params.cardholder)));
  }
  if (params.last4 !== undefined) {
    where.push("c.last4 = ?");
    args.push(params.last4);
  }
  if (params.minSpendingLimit !== undefined) {
    where.push("c.limit_minor >= ?");
    args.push(parseMinor(String(params.minSpendingLimit)));
  }
  const from = `FROM cards c JOIN cardholders h ON h.id = c.cardholder_id WHERE ${where.join(" AND ")}`;
  const page = pageOf(params);
  const total = statement(db, `SELECT COUNT(*) ${from}`).pluck().get(...args) as number;
  const rows = statement(db, `SELECT ${CARD_COLUMNS} ${from} ORDER BY c.created_at DESC, c.id DESC LIMIT ? OFFSET ?`).all(...args, page.size, (page.page - 1) * page.size) as CardRow[];
  const at = now();
  return { status: 200, body: pageBody(rows.map((r) => cardBody(db, r, caller, at)), page, total) };
};
