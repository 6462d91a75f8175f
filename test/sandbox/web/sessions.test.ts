import { beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../../src/sandbox/db/db.js";
import { seed } from "../../../src/sandbox/seed/seed.js";
import { ABSOLUTE_MS, IDLE_MS, Sessions } from "../../../src/sandbox/web/sessions.js";
import { sessionTokenMatches } from "../../../src/sandbox/web/csrf.js";
import { TODAY } from "../fixture.js";

const MINUTE = 60_000;
let db: Db;
let clock: number;
let sessions: Sessions;
const ADMIN = "usr_8f2a1c";

beforeEach(() => {
  db = openDatabase(":memory:");
  seed(db, { now: TODAY.getTime(), transactions: 100 });
  clock = TODAY.getTime();
  sessions = new Sessions(db, () => clock);
});

describe("sessions", () => {
  it("the cookie is 256 random bits and only its sha256 is stored", () => {
    const { cookie, session } = sessions.create(ADMIN);
    expect(cookie).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.idHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(db.prepare("SELECT * FROM web_sessions").all())).not.toContain(cookie);
    expect(sessions.find(cookie)).toMatchObject({ userId: ADMIN, idHash: session.idHash });
    // One character changed (to one it is not already) is another cookie.
    expect(sessions.find(`${cookie.slice(0, -1)}${cookie.endsWith("A") ? "B" : "A"}`)).toBeUndefined();
    expect(sessions.find(undefined)).toBeUndefined();
    expect(sessions.create(ADMIN).cookie).not.toBe(cookie);
  });

  it("ends after 30 idle minutes, and activity keeps it going (recorded at most once a minute)", () => {
    expect(IDLE_MS).toBe(30 * MINUTE);
    const { cookie, session } = sessions.create(ADMIN);
    const seen = () => db.prepare("SELECT last_seen_at FROM web_sessions WHERE id_hash = ?").pluck().get(session.idHash);
    clock += 20 * 1000;
    sessions.find(cookie);
    expect(seen()).toBe(session.lastSeenAt);
    clock += 20 * MINUTE;
    expect(sessions.find(cookie)).toBeDefined();
    expect(seen()).toBe(clock);
    clock += 29 * MINUTE;
    expect(sessions.find(cookie)).toBeDefined();
    clock += 30 * MINUTE;
    expect(sessions.find(cookie)).toBeUndefined();
    // Expired is gone for good, not merely refused.
    expect(seen()).toBeUndefined();
  });

  it("ends 12 hours after sign-in however active", () => {
    expect(ABSOLUTE_MS).toBe(12 * 60 * MINUTE);
    const { cookie } = sessions.create(ADMIN);
    for (let t = 0; t < 12 * 60 - 20; t += 20) {
      clock += 20 * MINUTE;
      expect(sessions.find(cookie)).toBeDefined();
    }
    clock += 20 * MINUTE;
    expect(sessions.find(cookie)).toBeUndefined();
  });

  it("sign-out deletes the row, so the same cookie never works again", () => {
    const { cookie } = sessions.create(ADMIN);
    const other = sessions.create(ADMIN).cookie;
    sessions.destroy(cookie);
    expect(sessions.find(cookie)).toBeUndefined();
    expect(sessions.find(other)).toBeDefined();
    expect(db.prepare("SELECT COUNT(*) FROM web_sessions").pluck().get()).toBe(1);
  });

  it("each session has its own CSRF token, compared whole", () => {
    const { session } = sessions.create(ADMIN);
    const other = sessions.create(ADMIN).session;
    expect(session.csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sessionTokenMatches(session, session.csrf)).toBe(true);
    expect(sessionTokenMatches(session, other.csrf)).toBe(false);
    expect(sessionTokenMatches(session, session.csrf.slice(0, 20))).toBe(false);
    expect(sessionTokenMatches(session, "")).toBe(false);
    expect(sessionTokenMatches(session, null)).toBe(false);
  });
});
