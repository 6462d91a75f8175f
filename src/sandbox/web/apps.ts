// Connected apps: the AI tools a user let in through OAuth, shown on the Clara MCP page. The page
// only reads this source; the authorization server (src/sandbox/oauth/grants.ts) supplies the
// grants. Without it the sandbox has none.

export interface ConnectedApp {
  /** The grant's id: what Disconnect names. */
  id: string;
  /** The app's name as it registered, e.g. "Claude". */
  name: string;
  connectedAt: number;
  /** What it may do, in words, e.g. "Read cards and transactions". */
  permissions: string[];
  lastUsedAt: number | null;
}

export interface ConnectedApps {
  list(userId: string): ConnectedApp[];
  /** Ends one of this user's grants at once; false when the user has no such grant. */
  disconnect(userId: string, id: string): boolean;
}

export const noConnectedApps: ConnectedApps = {
  list: () => [],
  disconnect: () => false,
};
