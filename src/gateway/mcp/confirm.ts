// What every way of asking the user shares: the sealed yes (a requestState, a confirmation code)
// bound to the tool, the exact arguments and the caller, spent once whatever the answer, valid
// 5 minutes; the form the user answers; and the words for each outcome.
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { AskRequest, AskVerdict } from "../call/index.js";
import type { Caller } from "../auth/caller.js";
import type { PendingAnswers } from "../shared/answers.js";
import type { Sealer } from "../shared/seal.js";
import { StoreUnavailable, type SharedStore } from "../shared/store.js";

export const CONFIRM_TTL_MS = 5 * 60_000;

export interface ConfirmDeps {
  sealer: Sealer;
  store: SharedStore;
  answers: PendingAnswers;
  /** How long a sealed yes stays valid (5 minutes). */
  ttlMs: number;
  /** How long a 2025 elicitation waits for the user (as long as a yes stays valid). */
  answerTimeoutMs: number;
}

/** What a sealed value is bound to: tool, digest of arguments and target, token and user. */
interface Bound {
  t: string;
  d: string;
  k: string;
  u: string;
}

export const PURPOSE = { code: "confirmation", state: "request-state" } as const;

export function seal(deps: ConfirmDeps, purpose: string, caller: Caller, ask: AskRequest): string {
  const bound: Bound = { t: ask.tool.name, d: ask.digest, k: caller.tokenId, u: caller.userId };
  return deps.sealer.seal(purpose, bound, deps.ttlMs);
}

export type Checked = "ok" | "refused" | "unavailable";

/** Opens, compares and spends a sealed yes: a replay, an alteration, another caller's or an expired one is refused. */
export async function check(deps: ConfirmDeps, purpose: string, sealed: unknown, caller: Caller, ask: AskRequest): Promise<Checked> {
  if (typeof sealed !== "string") return "refused";
  const now = Date.now();
  const bound = deps.sealer.open<Partial<Bound>>(purpose, sealed, now);
  if (!bound || bound.t !== ask.tool.name || bound.d !== ask.digest || bound.k !== caller.tokenId || bound.u !== caller.userId) return "refused";
  try {
    return (await deps.store.spend(`${purpose}:${bound.jti}`, Math.max(1, bound.exp - now))) ? "ok" : "refused";
  } catch (error) {
    // Fail closed: a yes that cannot be proven unspent is no yes.
    if (error instanceof StoreUnavailable) return "unavailable";
    throw error;
  }
}

/** The one field the user answers; the question itself is the form's message. */
export const CONFIRM_FIELD = "confirm";
export const REQUESTED_SCHEMA = {
  type: "object",
  properties: { [CONFIRM_FIELD]: { type: "boolean", title: "Yes, do it", description: "Make this change", default: true } },
  required: [CONFIRM_FIELD],
} as const;

export function stopped(text: string): CallToolResult {
  // isError: the tool did not do its job, and a result without its structured answer may not claim otherwise.
  return { content: [{ type: "text", text }], isError: true };
}

export const SAID = {
  declined: "Nothing was changed.",
  cancelled: "Cancelled; nothing was changed.",
  unanswered: "No answer came in time; nothing was changed.",
  unavailable: "The confirmation could not be checked right now. Nothing was changed; try again in a moment.",
  refused: (tool: string) =>
    `This confirmation is not valid: it was altered, has expired (after 5 minutes), was already used, or was given for other arguments or another user. Nothing was changed. Call ${tool} again without it to be asked anew.`,
};

/** A refusal of a sealed yes, as the call's answer. */
export function refusal(checked: Exclude<Checked, "ok">, tool: string): AskVerdict {
  return { answer: stopped(checked === "unavailable" ? SAID.unavailable : SAID.refused(tool)), confirmation: "refused" };
}

/** The user's answer to the form (an elicitation result, in either era): go only on accept with a yes. */
export function decide(response: unknown): AskVerdict {
  const answer = (response ?? {}) as { action?: unknown; content?: Record<string, unknown> };
  if (answer.action === "accept" && answer.content?.[CONFIRM_FIELD] === true) return { go: true, confirmation: "accepted" };
  if (answer.action === "accept" || answer.action === "decline") return { answer: stopped(SAID.declined), confirmation: "declined" };
  return { answer: stopped(SAID.cancelled), confirmation: "cancelled" };
}
