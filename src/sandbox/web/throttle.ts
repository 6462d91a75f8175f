// Sign-in throttling: 5 failed attempts for one email, or 20 from one client address, within 15
// minutes lock that email or address for the next 15 minutes, right password or not. Counted in the
// database rather than in memory, so a restart does not lift a lock and every process sharing the
// database counts the same attempts.
import type { Db } from "../db/db.js";

export const THROTTLE = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  perEmail: 5,
  perAddress: 20,
} as const;

interface Key {
  key: string;
  limit: number;
}

function keysOf(email: string, address: string): Key[] {
  return [
    { key: `email:${email.trim().toLowerCase()}`, limit: THROTTLE.perEmail },
    { key: `address:${address}`, limit: THROTTLE.perAddress },
  ];
}

export class SigninThrottle {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  /** When the lock on this email or address ends (ms), or undefined when neither is locked. */
  lockedUntil(email: string, address: string): number | undefined {
    const now = this.now();
    let until: number | undefined;
    for (const { key } of keysOf(email, address)) {
      const lock = this.db.prepare("SELECT until FROM signin_locks WHERE key = ? AND until > ?").pluck().get(key, now) as number | undefined;
      if (lock !== undefined) until = Math.max(until ?? 0, lock);
    }
    return until;
  }

  /** Counts a failed attempt; the one that reaches a limit starts that key's lock. */
  failed(email: string, address: string): void {
    const now = this.now();
    this.db.transaction(() => {
      this.db.prepare("DELETE FROM signin_failures WHERE at <= ?").run(now - THROTTLE.windowMs);
      this.db.prepare("DELETE FROM signin_locks WHERE until <= ?").run(now);
      for (const { key, limit } of keysOf(email, address)) {
        this.db.prepare("INSERT INTO signin_failures (key, at) VALUES (?, ?)").run(key, now);
        const recent = this.db.prepare("SELECT COUNT(*) FROM signin_failures WHERE key = ? AND at > ?").pluck().get(key, now - THROTTLE.windowMs) as number;
        if (recent >= limit) {
          this.db.prepare("INSERT INTO signin_locks (key, until) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET until = excluded.until").run(key, now + THROTTLE.lockMs);
          // The lock replaces the count: once it ends, the key starts again from zero.
          this.db.prepare("DELETE FROM signin_failures WHERE key = ?").run(key);
        }
      }
    })();
  }

  /** A successful sign-in clears its email's failures (not its address's: one good account is no alibi). */
  succeeded(email: string): void {
    this.db.prepare("DELETE FROM signin_failures WHERE key = ?").run(keysOf(email, "")[0]!.key);
  }
}
