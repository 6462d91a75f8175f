// Fills the database with the demo companies: deterministic for a given "now" and size, with
// dates relative to now. People, cards and users keep the same ids across reseeds, so tokens survive.
import { addDays, isoWeekday, startOfDay, todayIn } from "../../calendar/zone.js";
import type { Db } from "../db/db.js";
import { createTransactionIndexesSql, dropTransactionIndexesSql } from "../db/migrations.js";
import { DEMO_COMPANIES, type CardSeed, type CompanySeed } from "./demo.js";
import { Random } from "./random.js";
import { LimitLedger } from "./limits.js";
import { EXPENSE_TABLES, seedCompanyExpenses } from "./expenses.js";
import { normalizeText } from "../api/text.js";

export const DEFAULT_TRANSACTIONS = 8000;
export const SEED_DAYS = 120;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Beyond this many rows, indexes are rebuilt once after the inserts instead of kept up to date.
const BULK_THRESHOLD = 50_000;

export interface SeedOptions {
  /** The instant the data ends at (default: the current time). */
  now?: number;
  /** Transactions in all companies together (default 8,000: about 6,000 in the Mexican one). */
  transactions?: number;
}

export interface SeedReport {
  companies: number;
  cardholders: number;
  cards: number;
  users: number;
  transactions: number;
  expenses: number;
  reimbursements: number;
  approvals: number;
}

interface SeededCard {
  id: string;
  holderId: string;
  seed: CardSeed;
  weight: number;
  /** Locked or cancelled this many days ago (0 when active). */
  sinceDays: number;
}

function slug(name: string): string {
  return normalizeText(name).replace(/[^a-z ]/g, "").split(" ").filter(Boolean).join(".");
}

/**
 * The share of all transactions each company gets (in DEMO_COMPANIES order): the Brazilian and
 * Colombian ones are small. The Colombian share comes off first, so Acme and Brasa get what they got
 * before Andes existed (6,120 and 1,080 of the default).
 */
function split(total: number): number[] {
  const andes = Math.min(800, Math.round(total * 0.1));
  const brasa = Math.min(1200, Math.round((total - andes) * 0.15));
  return [total - andes - brasa, brasa, andes];
}

function seedPeople(db: Db, company: CompanySeed, rnd: Random, now: number): SeededCard[] {
  db.prepare("INSERT INTO companies (id, legal_name, country, currency, time_zone, tax_id, statement_day, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)").run(
    company.id, company.legalName, company.country, company.currency, company.timeZone, company.taxId, company.statementDay, now - 3 * 365 * DAY,
  );
  const holderIds = new Map<string, string>();
  const insertHolder = db.prepare("INSERT INTO cardholders (id, company_id, name, name_norm, email) VALUES (?, ?, ?, ?, ?)");
  for (const entry of company.cardholders) {
    const { name, id } = typeof entry === "string" ? { name: entry, id: `chd_${rnd.base62(6)}` } : entry;
    holderIds.set(name, id);
    insertHolder.run(id, company.id, name, normalizeText(name), `${slug(name)}@${company.emailDomain}`);
  }
  const insertUser = db.prepare("INSERT INTO users (id, company_id, name, email, role, cardholder_id) VALUES (?, ?, ?, ?, ?, ?)");
  for (const u of company.users) {
    insertUser.run(u.id ?? `usr_${rnd.base62(6)}`, company.id, u.name, u.email, u.role, u.holder ? holderIds.get(u.holder) ?? null : null);
  }
  const usedLast4 = new Set(company.cards.flatMap((c) => (c.last4 ? [c.last4] : [])));
  const insertCard = db.prepare(
    "INSERT INTO cards (id, company_id, cardholder_id, last4, brand, type, status, limit_minor, limit_period, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const cards: SeededCard[] = [];
  for (const c of company.cards) {
    const holderId = holderIds.get(c.holder);
    if (!holderId) throw new Error(`card for unknown cardholder ${c.holder}`);
    let last4 = c.last4;
    while (!last4 || (!c.last4 && usedLast4.has(last4))) last4 = String(rnd.int(0, 9999)).padStart(4, "0");
    usedLast4.add(last4);
    const id = c.id ?? `card_${rnd.base62(8)}`;
    const brand = c.brand ?? (rnd.chance(0.7) ? "MASTERCARD" : "VISA");
    const createdAt = Math.floor((now - rnd.int(150, 900) * DAY - rnd.int(0, DAY)) / 1000) * 1000;
    insertCard.run(id, company.id, holderId, last4, brand, c.type, c.status, c.limit * 100, c.period, createdAt);
    const sinceDays = c.status === "LOCKED" ? rnd.int(3, 20) : c.status === "CANCELLED" ? rnd.int(45, 100) : 0;
    cards.push({ id, holderId, seed: c, weight: Math.sqrt(monthlyReach(c)) * (0.5 + rnd.next() * 0.6), sinceDays });
  }
  return cards;
}

/** About how much a card can spend in a month: people with higher limits use their cards more. */
function monthlyReach(card: CardSeed): number {
  return card.period === "DAILY" ? card.limit * 8 : card.period === "PER_TRANSACTION" ? card.limit * 4 : card.limit;
}

/** How many transactions fall on each of the last SEED_DAYS days (index 0 = today), summing to `total`. */
function dailyCounts(total: number, today: string, todayElapsed: number): number[] {
  const weights = Array.from({ length: SEED_DAYS }, (_, d) => {
    const weekday = isoWeekday(addDays(today, -d));
    const w = weekday <= 5 ? 1 : weekday === 6 ? 0.6 : 0.45;
    return d === 0 ? w * todayElapsed : w;
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const counts = exact.map(Math.floor);
  let missing = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (missing-- <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

// Business hours are busiest; a few purchases happen at night.
const HOUR_WEIGHTS = [0.2, 0.1, 0.05, 0.05, 0.05, 0.1, 0.4, 1, 2, 3, 3, 3, 4, 5, 5, 4, 3, 3, 3, 3, 2.5, 2, 1, 0.5];
const HOUR_TOTAL = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);

function seedTransactions(db: Db, company: CompanySeed, cards: SeededCard[], total: number, now: number, rnd: Random, seq: { n: number }): void {
  const today = todayIn(company.timeZone, new Date(now));
  const todayStart = startOfDay(today, company.timeZone).getTime();
  const counts = dailyCounts(total, today, Math.max(0.05, (now - todayStart) / DAY));
  const merchants = company.merchants.map(([name, category, mcc, country, currency, min, max, weight]) => ({ name, norm: normalizeText(name), category, mcc, country, currency, min, max, weight }));
  const insertMerchant = db.prepare("INSERT OR IGNORE INTO merchants (company_id, name) VALUES (?, ?)");
  for (const m of merchants) insertMerchant.run(company.id, m.name);
  const merchantWeights = merchants.map((m) => m.weight);
  const merchantTotal = merchantWeights.reduce((a, b) => a + b, 0);
  const ledger = new LimitLedger(company.statementDay);
  const insert = db.prepare(
    `INSERT INTO transactions (seq, id, company_id, card_id, cardholder_id, merchant_name, merchant_norm, category, mcc, merchant_country,
       amount_minor, original_minor, original_currency, status, authorized_at, posted_at, local_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (let d = SEED_DAYS - 1; d >= 0; d--) {
    const count = counts[d] ?? 0;
    if (count === 0) continue;
    const day = addDays(today, -d);
    const start = startOfDay(day, company.timeZone).getTime();
    const end = Math.min(startOfDay(addDays(day, 1), company.timeZone).getTime(), now);
    // Cancelled cards stop being used the day they are cancelled.
    const usable = cards.filter((c) => c.seed.status !== "CANCELLED" || d > c.sinceDays);
    const cardWeights = usable.map((c) => c.weight);
    const cardTotal = cardWeights.reduce((a, b) => a + b, 0);
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      // Whole seconds, so an authorisation time read back as a `to` bound includes its transaction.
      let t = start + rnd.weighted(HOUR_WEIGHTS, HOUR_TOTAL) * HOUR + Math.floor(rnd.next() * 3600) * 1000;
      if (t >= end) t = start + Math.floor((rnd.next() * (end - start)) / 1000) * 1000;
      times.push(t);
    }
    times.sort((a, b) => a - b);
    for (const t of times) {
      const c = usable[rnd.weighted(cardWeights, cardTotal)];
      const m = merchants[rnd.weighted(merchantWeights, merchantTotal)];
      if (!c || !m) continue;
      const merchantMinor = Math.round(rnd.logUniform(m.min, m.max) * 100);
      const foreign = m.currency !== company.currency;
      const amount = foreign ? Math.round(merchantMinor * (company.fx[m.currency] ?? 1)) : merchantMinor;
      const age = now - t;
      let status: string;
      let postedAt: number | null = null;
      const r = rnd.next();
      const postDelay = Math.floor((6 + rnd.next() * 42) * 3600) * 1000;
      if (c.seed.status === "LOCKED" && d < c.sinceDays) status = "DECLINED";
      else if (r < 0.035) status = "DECLINED";
      else if (r < 0.06) {
        status = "REVERSED";
        if (rnd.chance(0.5) && t + postDelay <= now) postedAt = t + postDelay;
      } else if (age < DAY || (age < 3 * DAY && rnd.chance(0.5)) || t + postDelay > now) status = "PENDING";
      else {
        status = "POSTED";
        postedAt = t + postDelay;
      }
      // The processor declines what would take the card past its limit for the period.
      if (status === "PENDING" || status === "POSTED") {
        if (ledger.allows(c.id, c.seed, day, amount)) ledger.record(c.id, c.seed, day, amount);
        else {
          status = "DECLINED";
          postedAt = null;
        }
      }
      seq.n++;
      const id = `txn_${rnd.base62(4)}${seq.n.toString(36).padStart(6, "0")}`;
      insert.run(seq.n, id, company.id, c.id, c.holderId, m.name, m.norm, m.category, m.mcc, m.country, amount, foreign ? merchantMinor : null, foreign ? m.currency : null, status, t, postedAt, day);
    }
  }
}

/** Replaces every company, person, card and transaction with freshly generated demo data. */
export function seed(db: Db, options: SeedOptions = {}): SeedReport {
  const now = options.now ?? Date.now();
  const total = options.transactions ?? DEFAULT_TRANSACTIONS;
  const bulk = total > BULK_THRESHOLD;
  const shares = split(total);
  db.pragma("foreign_keys = OFF");
  try {
    if (bulk) db.exec(dropTransactionIndexesSql());
    // Passwords are not demo data: a reseed keeps them (people keep their ids).
    const passwords = db.prepare("SELECT id, password_hash FROM users WHERE password_hash IS NOT NULL").all() as { id: string; password_hash: string }[];
    db.transaction(() => {
      for (const table of [...EXPENSE_TABLES, "transactions", "merchants", "idempotency_keys", "cards", "users", "cardholders", "companies"]) db.exec(`DELETE FROM ${table}`);
      const seq = { n: 0 };
      DEMO_COMPANIES.forEach((company, i) => {
        // Separate streams: people and cards do not depend on how many transactions are asked for.
        const cards = seedPeople(db, company, new Random(1000 + i), now);
        seedTransactions(db, company, cards, shares[i] ?? 0, now, new Random(2000 + i), seq);
      });
      const keep = db.prepare("UPDATE users SET password_hash = ? WHERE id = ?");
      for (const p of passwords) keep.run(p.password_hash, p.id);
      db.exec("DELETE FROM tokens WHERE user_id NOT IN (SELECT id FROM users)");
      db.exec("DELETE FROM web_sessions WHERE user_id NOT IN (SELECT id FROM users)");
    })();
    if (bulk) db.exec(createTransactionIndexesSql());
    // After the indexes exist: expense lines look up each submitter's transactions.
    seedExpenses(db, now);
    db.exec("ANALYZE");
  } finally {
    db.pragma("foreign_keys = ON");
  }
  const count = (table: string): number => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
  return {
    companies: count("companies"),
    cardholders: count("cardholders"),
    cards: count("cards"),
    users: count("users"),
    transactions: count("transactions"),
    expenses: count("expenses"),
    reimbursements: count("reimbursements"),
    approvals: count("approval_requests"),
  };
}

/** Replaces the expense reports, reimbursements and approval requests, from the companies' own transactions. */
export function seedExpenses(db: Db, now: number = Date.now()): void {
  db.transaction(() => {
    for (const table of EXPENSE_TABLES) db.exec(`DELETE FROM ${table}`);
    // Own streams: expenses never shift people, cards or transactions.
    DEMO_COMPANIES.forEach((company, i) => seedCompanyExpenses(db, company, now, new Random(3000 + i)));
  })();
}

/**
 * Adds the demo companies a database seeded by an older version lacks (Andes came after Acme and
 * Brasa), with the same streams and share a full seed would give them. Returns their ids.
 */
export function seedMissingCompanies(db: Db, now: number = Date.now()): string[] {
  const present = new Set(db.prepare("SELECT id FROM companies").pluck().all() as string[]);
  const shares = split(DEFAULT_TRANSACTIONS);
  const added: string[] = [];
  db.transaction(() => {
    const seq = { n: (db.prepare("SELECT MAX(seq) FROM transactions").pluck().get() as number | null) ?? 0 };
    DEMO_COMPANIES.forEach((company, i) => {
      if (present.has(company.id)) return;
      const cards = seedPeople(db, company, new Random(1000 + i), now);
      seedTransactions(db, company, cards, shares[i] ?? 0, now, new Random(2000 + i), seq);
      seedCompanyExpenses(db, company, now, new Random(3000 + i));
      added.push(company.id);
    });
  })();
  return added;
}

/** True when the database has no demo data yet. */
export function isEmpty(db: Db): boolean {
  return db.prepare("SELECT COUNT(*) FROM companies").pluck().get() === 0;
}
