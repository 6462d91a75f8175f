// Paths Object → every operation of the spec, in the spec's order.
import { isObject, type LoadedSpec } from "../load.js";
import type { OperationModel, SpecModel } from "../model.js";
import type { HttpMethod } from "../table.js";
import { transformOperation } from "./operation-object.js";
import { SchemaTransformer } from "./schema-object.js";

const METHODS: HttpMethod[] = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

export function transformPaths(spec: LoadedSpec): SpecModel {
  const { doc, refs, warnings } = spec;
  const schemas = new SchemaTransformer(refs, warnings);
  const operations: OperationModel[] = [];
  const byId = new Map<string, OperationModel>();
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = refs.deref(rawItem, `path ${path}`);
    if (!item) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      try {
        const op = transformOperation(method, path, operation, item, refs, schemas, warnings);
        if (byId.has(op.operationId)) {
          warnings.add(`operation ${op.operationId} (${method.toUpperCase()} ${path})`, "duplicate operationId; this one is known by its method and path");
          op.operationId = `${method} ${path}`;
          op.declared = false;
        }
        byId.set(op.operationId, op);
        operations.push(op);
      } catch (error) {
        warnings.add(`operation ${String(operation.operationId ?? `${method} ${path}`)}`, `left out: ${(error as Error).message}`);
      }
    }
  }
  if (isObject(doc.webhooks) && Object.keys(doc.webhooks).length > 0) {
    warnings.add(spec.file, "webhooks are not operations the gateway can call; left out");
  }
  const info = isObject(doc.info) ? doc.info : {};
  return { title: String(info.title ?? "API"), version: String(info.version ?? ""), operations, byId, named: schemas.named() };
}
