// Parameter Object → ParamModel (path, query and header; cookies are not supported).
import { isObject, type Refs } from "../load.js";
import type { ParamModel, Warnings } from "../model.js";
import type { SchemaTransformer } from "./schema-object.js";

export function transformParameters(
  pathLevel: unknown,
  operationLevel: unknown,
  where: string,
  refs: Refs,
  schemas: SchemaTransformer,
  warnings: Warnings,
): ParamModel[] {
  // Operation-level parameters override path-level ones with the same name and location.
  const merged = new Map<string, Record<string, unknown>>();
  for (const list of [pathLevel, operationLevel]) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const param = refs.deref(raw, where);
      if (!param || typeof param.name !== "string" || typeof param.in !== "string") {
        warnings.add(where, "a parameter without a name or location was left out");
        continue;
      }
      merged.set(`${param.in}\u0000${param.name}`, param);
    }
  }
  const out: ParamModel[] = [];
  for (const param of merged.values()) {
    const location = param.in as string;
    const name = param.name as string;
    if (location === "cookie") {
      warnings.add(where, `cookie parameter ${name} is not supported${param.required === true ? " (it is required: calls may fail)" : ""}; left out`);
      continue;
    }
    if (location !== "path" && location !== "query" && location !== "header") {
      warnings.add(where, `parameter ${name} in "${location}" is not supported; left out`);
      continue;
    }
    // The gateway sends the caller's credentials itself.
    if (location === "header" && name.toLowerCase() === "authorization") continue;
    out.push({
      name,
      in: location,
      required: location === "path" || param.required === true,
      schema: schemas.convert(parameterSchema(param), "input", where),
      ...(typeof param.description === "string" ? { description: param.description } : {}),
      examples: parameterExamples(param, refs, where),
    });
  }
  return out;
}

function parameterSchema(param: Record<string, unknown>): unknown {
  if (param.schema !== undefined) return param.schema;
  if (isObject(param.content)) {
    const first = Object.values(param.content)[0];
    if (isObject(first)) return first.schema;
  }
  return undefined;
}

export function parameterExamples(node: Record<string, unknown>, refs: Refs, where: string): unknown[] {
  const out: unknown[] = [];
  if (node.example !== undefined) out.push(node.example);
  if (isObject(node.examples)) {
    for (const raw of Object.values(node.examples)) {
      const example = refs.deref(raw, where);
      if (example && example.value !== undefined) out.push(example.value);
    }
  }
  return out.filter((e) => (JSON.stringify(e) ?? "").length <= 400);
}
