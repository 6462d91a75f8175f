// Asking a client that can neither answer input_required nor show a form: the preview, and a sealed
// code to call again with once the user said yes (or, when the manifest allows it, no asking at all).
import type { AskRequest, AskVerdict } from "../call/index.js";
import type { Caller } from "../auth/caller.js";
import { check, PURPOSE, refusal, seal, stopped, type ConfirmDeps } from "./confirm.js";

/** The `_meta` key of the preview answer, for clients that read structured data besides the text. */
export const CONFIRMATION_META = "com.clara/confirmation";

export async function byCode(deps: ConfirmDeps, caller: Caller, ask: AskRequest): Promise<AskVerdict> {
  const entry = ask.tool.ask!;
  if (ask.code !== undefined) {
    const checked = await check(deps, PURPOSE.code, ask.code, caller, ask);
    return checked === "ok" ? { go: true, confirmation: "accepted" } : refusal(checked, ask.tool.name);
  }
  if (entry.unconfirmed === "allow") return { go: true, confirmation: "unconfirmed" };
  const preview = await ask.preview();
  if ("failed" in preview) return { answer: preview.failed };
  const code = seal(deps, PURPOSE.code, caller, ask);
  const expiresAt = new Date(Date.now() + deps.ttlMs).toISOString();
  const text =
    `${preview.text}\nNothing has been changed yet: ask the user. If they say yes, call ${ask.tool.name} again with exactly the same arguments ` +
    `and "${entry.argument}": "${code}" (valid for 5 minutes, once). If they say no, do nothing.`;
  const answer = stopped(text);
  answer._meta = { [CONFIRMATION_META]: { preview: preview.text, argument: entry.argument, code, expiresAt } };
  return { answer, confirmation: "asked" };
}
