// A 2025 client declares its capabilities only at initialize. The Mcp-Session-Id the gateway mints
// then is those facts, sealed: any replica reads them back from the header, and no server keeps state.
import type { Sealer } from "../shared/seal.js";
import { elicitsForms, type ClientCapabilities } from "./eras.js";

export interface Session {
  version: string;
  capabilities: ClientCapabilities;
  clientInfo?: unknown;
}

export interface Sessions {
  /** The session id for an initialize, or undefined when nothing the client declared is worth remembering. */
  mint(session: Session): string | undefined;
  /** The session a header names; undefined when it was forged, altered or has expired. */
  open(id: string): Session | undefined;
}

const PURPOSE = "mcp-session";
/** A client whose session expires gets 404 and initializes again, as the 2025 transports require. */
export const SESSION_TTL_MS = 24 * 60 * 60 * 1000;
// Elicitation arrived in 2025-06-18: an older session never asks.
const ELICITATION_SINCE = "2025-06-18";

export function createSessions(sealer: Sealer, ttlMs = SESSION_TTL_MS): Sessions {
  return {
    mint(session) {
      // Only what the gateway uses is kept: today, whether the client shows elicitation forms.
      if (session.version < ELICITATION_SINCE || !elicitsForms(session.capabilities)) return undefined;
      const clientInfo = session.clientInfo as { name?: unknown; version?: unknown } | undefined;
      return sealer.seal(
        PURPOSE,
        {
          v: session.version,
          c: { elicitation: session.capabilities.elicitation },
          ...(clientInfo ? { i: { name: String(clientInfo.name ?? "").slice(0, 100), version: String(clientInfo.version ?? "").slice(0, 50) } } : {}),
        },
        ttlMs,
      );
    },
    open(id) {
      const payload = sealer.open<{ v?: unknown; c?: unknown; i?: unknown }>(PURPOSE, id);
      if (!payload || typeof payload.v !== "string" || payload.c === null || typeof payload.c !== "object") return undefined;
      return { version: payload.v, capabilities: payload.c as ClientCapabilities, ...(payload.i ? { clientInfo: payload.i } : {}) };
    },
  };
}
