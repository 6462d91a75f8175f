// Who is calling the sandbox: the user behind a bearer token, and their company.
import type { Db } from "../db/db.js";
import { unauthorized } from "./errors.js";
import { authenticateToken, type TokenOwner } from "../tokens/tokens.js";

/** Other credentials the API accepts besides personal tokens (the API tokens of OAuth's token exchange). */
export type OtherTokens = (token: string) => Promise<TokenOwner | undefined>;

export type Role = "ADMINISTRATOR" | "BOOKKEEPER" | "EMPLOYEE" | "VIEWER";

export interface Company {
  id: string;
  legalName: string;
  country: string;
  currency: string;
  timeZone: string;
  taxId: string;
  statementDay: number;
  createdAt: number;
}

export interface Caller {
  tokenId: string;
  userId: string;
  name: string;
  email: string;
  role: Role;
  /** The cardholder the user is; employees see only this cardholder's cards and transactions. */
  cardholderId: string | null;
  company: Company;
}

/** The cardholder a caller is limited to: undefined when they see the whole company. */
export function ownCardholderScope(caller: Caller): string | null | undefined {
  return caller.role === "EMPLOYEE" ? caller.cardholderId : undefined;
}

interface CallerRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  cardholder_id: string | null;
  company_id: string;
  legal_name: string;
  country: string;
  currency: string;
  time_zone: string;
  tax_id: string;
  statement_day: number;
  created_at: number;
}

export async function authenticate(db: Db, authorization: string | undefined, now: number, others?: OtherTokens): Promise<Caller> {
  const match = /^Bearer +(\S+) *$/i.exec(authorization ?? "");
  const token = match?.[1];
  // A token whose audience is the MCP gateway is neither, so it is refused here.
  const owner = token ? (authenticateToken(db, token, now) ?? (await others?.(token))) : undefined;
  if (!owner) throw unauthorized();
  const row = db
    .prepare(
      `SELECT u.id, u.name, u.email, u.role, u.cardholder_id, c.id AS company_id, c.legal_name, c.country, c.currency, c.time_zone, c.tax_id, c.statement_day, c.created_at
       FROM users u JOIN companies c ON c.id = u.company_id WHERE u.id = ?`,
    )
    .get(owner.userId) as CallerRow | undefined;
  if (!row) throw unauthorized();
  return {
    tokenId: owner.tokenId,
    userId: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    cardholderId: row.cardholder_id ?? null,
    company: {
      id: row.company_id,
      legalName: row.legal_name,
      country: row.country,
      currency: row.currency,
      timeZone: row.time_zone,
      taxId: row.tax_id,
      statementDay: row.statement_day,
      createdAt: row.created_at,
    },
  };
}
