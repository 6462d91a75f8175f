// What each role may change: reads follow the caller's scope, changes beyond locks are for administrators.
import type { Caller } from "./caller.js";
import { ApiError } from "./errors.js";

/** Refuses (403) anyone but an administrator, saying what they tried and who they are. */
export function requireAdministrator(caller: Caller, action: string): void {
  if (caller.role !== "ADMINISTRATOR") {
    throw new ApiError("FORBIDDEN", `Only administrators can ${action}; this token belongs to a ${caller.role.toLowerCase()}.`);
  }
}
