// MCP tool names for --all: from the operationId (or method and path), always [a-zA-Z0-9_-], unique, at most 64 characters.
import type { OperationModel } from "./model.js";

export const MAX_NAME = 64;

export function nameTools(operations: readonly OperationModel[]): Map<OperationModel, string> {
  const names = new Map<OperationModel, string>();
  const taken = new Set<string>();
  for (const op of operations) {
    const raw = op.declared ? op.operationId : `${op.method}_${op.path}`;
    let name = clean(raw) || op.method;
    if (name.length > MAX_NAME) name = `${name.slice(0, MAX_NAME - 9)}_${hash(raw)}`;
    if (taken.has(name)) {
      for (let n = 2; ; n++) {
        const suffix = `_${n}`;
        const candidate = `${name.slice(0, MAX_NAME - suffix.length)}${suffix}`;
        if (!taken.has(candidate)) {
          name = candidate;
          break;
        }
      }
    }
    taken.add(name);
    names.set(op, name);
  }
  return names;
}

function clean(raw: string): string {
  return raw.replace(/[^a-zA-Z0-9_-]+/g, "_").replace(/_{2,}/g, "_").replace(/^[_-]+|[_-]+$/g, "");
}

/** 8 hex characters of FNV-1a: keeps truncated names distinct and stable. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}
