// Asking a 2025 client that declared elicitation at initialize: the tools/call answer turns into an
// event stream, the form goes down it as elicitation/create, and the client's answer, POSTed on its
// own, is routed back here through the pending answers; then the call goes on or stops.
import type { Ask } from "../call/index.js";
import type { Caller } from "../auth/caller.js";
import { byCode } from "./confirm-code.js";
import { decide, REQUESTED_SCHEMA, SAID, stopped, type ConfirmDeps } from "./confirm.js";
import { elicitsForms } from "./eras.js";
import type { Session } from "./session.js";

/** The HTTP exchange of one 2025 request, able to send the client a request before the answer. */
export interface ClientChannel {
  /** Writes a JSON-RPC request to the client (the answer becomes an event stream on the first). */
  send(message: object): void;
}

// `mode` came with 2025-11-25; 2025-06-18 forms have none.
const MODES_SINCE = "2025-11-25";

/** Who may answer: the same token and user that made the call. */
export function ownerOf(caller: Caller): string {
  return `${caller.tokenId}:${caller.userId}`;
}

export function elicitationAsk(deps: ConfirmDeps, caller: Caller, session: Session | undefined, channel: ClientChannel | undefined, signal?: AbortSignal): Ask {
  return async (ask) => {
    if (ask.code !== undefined || !channel || !session || !elicitsForms(session.capabilities)) return byCode(deps, caller, ask);
    const preview = await ask.preview();
    if ("failed" in preview) return { answer: preview.failed };
    const id = deps.answers.open(ownerOf(caller));
    const params = { ...(session.version >= MODES_SINCE ? { mode: "form" } : {}), message: preview.text, requestedSchema: REQUESTED_SCHEMA };
    channel.send({ jsonrpc: "2.0", id, method: "elicitation/create", params });
    const message = (await deps.answers.wait(id, deps.answerTimeoutMs, signal)) as { result?: unknown; error?: unknown } | undefined;
    if (message === undefined) return { answer: stopped(SAID.unanswered), confirmation: "unanswered" };
    // A client that failed to show the form answered nothing the user said.
    return message.result === undefined ? { answer: stopped(SAID.cancelled), confirmation: "cancelled" } : decide(message.result);
  };
}
