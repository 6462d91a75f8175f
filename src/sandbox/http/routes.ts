// Matches a raw request path against the spec's path templates, without normalising it first:
// "/api/v3/cards/../me" is not "/api/v3/me".
import { badRequest } from "../api/errors.js";
import type { OperationSpec } from "./spec.js";

export interface RouteMatch {
  operation: OperationSpec;
  path: Record<string, string>;
}

export type RouteResult = RouteMatch | { allowed: string[] } | undefined;

function matchTemplate(template: string, rawPath: string): Record<string, string> | undefined {
  const want = template.split("/");
  const got = rawPath.split("/");
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? "";
    const g = got[i] ?? "";
    const name = /^\{(.+)\}$/.exec(w)?.[1];
    if (name) {
      if (g === "") return undefined;
      try {
        params[name] = decodeURIComponent(g);
      } catch {
        throw badRequest(`${name} is not valid percent-encoding`);
      }
    } else if (w !== g) return undefined;
  }
  return params;
}

/** The operation for this method and path; the allowed methods when only the method is wrong. */
export function route(operations: OperationSpec[], method: string, rawPath: string): RouteResult {
  const allowed: string[] = [];
  for (const operation of operations) {
    const path = matchTemplate(operation.path, rawPath);
    if (!path) continue;
    if (operation.method === method) return { operation, path };
    allowed.push(operation.method);
  }
  return allowed.length > 0 ? { allowed } : undefined;
}
