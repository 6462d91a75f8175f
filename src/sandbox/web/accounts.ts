// Who may sign in: the sandbox's users, their company, and their passwords. Every demo user's
// password is SANDBOX_DEMO_PASSWORD or "clara-demo"; it is applied to the database before the
// first sign-in of each run, so a changed SANDBOX_DEMO_PASSWORD takes effect on the next start.
import type { Role } from "../api/caller.js";
import type { Db } from "../db/db.js";
import { hashPassword, verifyPassword } from "./passwords.js";

export const DEFAULT_DEMO_PASSWORD = "clara-demo";

export const ROLE_LABELS: Record<Role, string> = { ADMINISTRATOR: "Administrator", BOOKKEEPER: "Bookkeeper", EMPLOYEE: "Employee", VIEWER: "Viewer" };

export interface WebUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  company: { id: string; legalName: string; country: string; timeZone: string };
}

interface UserRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  company_id: string;
  legal_name: string;
  country: string;
  time_zone: string;
  password_hash: string | null;
}

const SELECT_USER = `SELECT u.id, u.name, u.email, u.role, u.password_hash, c.id AS company_id, c.legal_name, c.country, c.time_zone
  FROM users u JOIN companies c ON c.id = u.company_id`;

const toUser = (row: UserRow): WebUser => ({
  id: row.id,
  name: row.name,
  email: row.email,
  role: row.role,
  company: { id: row.company_id, legalName: row.legal_name, country: row.country, timeZone: row.time_zone },
});

export function userById(db: Db, id: string): WebUser | undefined {
  const row = db.prepare(`${SELECT_USER} WHERE u.id = ?`).get(id) as UserRow | undefined;
  return row ? toUser(row) : undefined;
}

export class Accounts {
  private applied: Promise<void> | undefined;
  private decoy: Promise<string> | undefined;

  constructor(
    private readonly db: Db,
    private readonly demoPassword: string,
  ) {}

  /**
   * Gives every user a hash of the demo password, once per run. One check of an existing hash tells
   * whether the password changed; only then (or for users without a hash) does it hash again.
   */
  applyDemoPassword(): Promise<void> {
    this.applied ??= this.apply().catch((err: unknown) => {
      this.applied = undefined;
      throw err;
    });
    return this.applied;
  }

  private async apply(): Promise<void> {
    const users = this.db.prepare("SELECT id, password_hash FROM users ORDER BY id").all() as { id: string; password_hash: string | null }[];
    const sample = users.find((u) => u.password_hash !== null);
    const current = sample ? await verifyPassword(this.demoPassword, sample.password_hash!) : false;
    const stale = users.filter((u) => !current || u.password_hash === null);
    const hashes = await Promise.all(stale.map(() => hashPassword(this.demoPassword)));
    const update = this.db.prepare("UPDATE users SET password_hash = ? WHERE id = ?");
    this.db.transaction(() => stale.forEach((u, i) => update.run(hashes[i], u.id)))();
  }

  /** The user when the email and password match; the same work is done for an unknown email. */
  async check(email: string, password: string): Promise<WebUser | undefined> {
    await this.applyDemoPassword();
    const row = this.db.prepare(`${SELECT_USER} WHERE u.email = ? COLLATE NOCASE`).get(email.trim()) as UserRow | undefined;
    // An unknown email costs one scrypt too, so the answer's timing does not tell which was wrong.
    this.decoy ??= hashPassword("not a password anyone has");
    const hash = row?.password_hash ?? (await this.decoy);
    const ok = await verifyPassword(password, hash);
    return ok && row?.password_hash ? toUser(row) : undefined;
  }
}
