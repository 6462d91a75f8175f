// What one page view after a redirect should say ("token generated", "token revoked"), held in
// memory per session and handed out once. A new token waits here, never in the database or a
// cookie, so reloading or revisiting the page can never show it again.

export type Notice =
  | { kind: "token"; name: string; token: string }
  | { kind: "revoked"; name: string }
  | { kind: "disconnected"; name: string };

const TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 10_000;

export class Flash {
  private readonly held = new Map<string, { notice: Notice; expires: number }>();

  constructor(private readonly now: () => number) {}

  put(sessionHash: string, notice: Notice): void {
    this.held.delete(sessionHash);
    // Bounded: the oldest notice goes first (a Map keeps insertion order).
    if (this.held.size >= MAX_ENTRIES) this.held.delete(this.held.keys().next().value!);
    this.held.set(sessionHash, { notice, expires: this.now() + TTL_MS });
  }

  /** The session's notice, removed as it is taken; undefined when none or expired. */
  take(sessionHash: string): Notice | undefined {
    const entry = this.held.get(sessionHash);
    this.held.delete(sessionHash);
    return entry && entry.expires > this.now() ? entry.notice : undefined;
  }

  /** Drops whatever a session had waiting (at sign-out). */
  forget(sessionHash: string): void {
    this.held.delete(sessionHash);
  }
}
