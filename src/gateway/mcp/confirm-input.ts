// Asking a 2026-07-28 client: the call answers input_required with the form and a sealed
// requestState; the client asks the user and calls again with the answer and the state.
import type { Ask } from "../call/index.js";
import type { Caller } from "../auth/caller.js";
import { byCode } from "./confirm-code.js";
import { check, CONFIRM_FIELD, decide, PURPOSE, REQUESTED_SCHEMA, refusal, seal, type ConfirmDeps } from "./confirm.js";
import { elicitsForms, type ClientCapabilities } from "./eras.js";

/** The key of the one input request: the form the user answers. */
export const INPUT_KEY = CONFIRM_FIELD;

export function inputRequiredAsk(deps: ConfirmDeps, caller: Caller, capabilities: ClientCapabilities, params: Record<string, unknown>): Ask {
  return async (ask) => {
    // Never ask for what the request did not declare: such a client gets the code instead.
    if (ask.code !== undefined || !elicitsForms(capabilities)) return byCode(deps, caller, ask);
    const responses = params.inputResponses as Record<string, unknown> | undefined;
    const response = responses && typeof responses === "object" ? responses[INPUT_KEY] : undefined;
    // A retry without the answer is asked again, from the state as it is now.
    if (params.requestState !== undefined && response !== undefined) {
      const checked = await check(deps, PURPOSE.state, params.requestState, caller, ask);
      return checked === "ok" ? decide(response) : refusal(checked, ask.tool.name);
    }
    const preview = await ask.preview();
    if ("failed" in preview) return { answer: preview.failed };
    return {
      answer: {
        resultType: "input_required",
        inputRequests: { [INPUT_KEY]: { method: "elicitation/create", params: { mode: "form", message: preview.text, requestedSchema: REQUESTED_SCHEMA } } },
        requestState: seal(deps, PURPOSE.state, caller, ask),
      },
      confirmation: "asked",
    };
  };
}
