// Who is calling: read from the API's identity operation as the manifest declares (api.identity.fields).
export interface Caller {
  /** The caller's personal access token: sent upstream, never logged. */
  token: string;
  /** A short fingerprint of the token (a hash prefix), safe to log and audit. */
  tokenId: string;
  userId: string;
  userName: string;
  role: string;
  companyId: string;
  companyName: string;
  currency: string;
  timeZone: string;
  billingDay: number;
}
