// Who is calling: read from the API's identity operation as the manifest declares (api.identity.fields).
export interface Caller {
  /** The caller's own API credential (a personal token, or the one exchanged for an OAuth token): sent upstream, never logged. */
  token: string;
  /** A short fingerprint of the token the client presented (a hash prefix), safe to log and audit. */
  tokenId: string;
  /** The OAuth scopes of the presented token; absent for a personal token, which has every scope of its role. */
  scopes?: readonly string[];
  /** For an OAuth caller: the app, and the grant it acts under. */
  client?: { id: string; name?: string; grant: string };
  userId: string;
  userName: string;
  role: string;
  companyId: string;
  companyName: string;
  currency: string;
  timeZone: string;
  billingDay: number;
}
