// MCP annotations derived from the HTTP method, overridable by the manifest.
import type { Annotations, HttpMethod } from "../table.js";

export function deriveAnnotations(method: HttpMethod, overrides: Partial<Annotations> = {}): Annotations {
  const safe = method === "get" || method === "head" || method === "options" || method === "trace";
  const idempotent = safe || method === "put" || method === "delete";
  const derived: Annotations = { readOnlyHint: safe, destructiveHint: !safe, idempotentHint: idempotent, openWorldHint: false };
  return { ...derived, ...overrides };
}
