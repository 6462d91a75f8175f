// Operation Object → OperationModel.
import { isObject, type Refs } from "../load.js";
import type { OperationModel, Warnings } from "../model.js";
import type { HttpMethod } from "../table.js";
import { transformParameters } from "./parameter-object.js";
import { transformRequestBody } from "./request-body-object.js";
import { transformResponses } from "./response-object.js";
import type { SchemaTransformer } from "./schema-object.js";

export function transformOperation(
  method: HttpMethod,
  path: string,
  operation: Record<string, unknown>,
  pathItem: Record<string, unknown>,
  refs: Refs,
  schemas: SchemaTransformer,
  warnings: Warnings,
): OperationModel {
  const declared = typeof operation.operationId === "string" && operation.operationId.trim() !== "";
  const operationId = declared ? (operation.operationId as string) : `${method} ${path}`;
  const where = `operation ${operationId} (${method.toUpperCase()} ${path})`;
  const params = transformParameters(pathItem.parameters, operation.parameters, where, refs, schemas, warnings);
  const body = transformRequestBody(operation.requestBody, where, refs, schemas, warnings);
  const summary = typeof operation.summary === "string" ? operation.summary.trim() : undefined;
  const description = typeof operation.description === "string" ? operation.description.trim() : undefined;
  return {
    operationId,
    declared,
    method,
    path,
    ...(summary ? { summary } : {}),
    ...(description ? { description } : {}),
    deprecated: operation.deprecated === true,
    params,
    ...(body ? { body } : {}),
    successes: transformResponses(isObject(operation.responses) ? operation.responses : undefined, where, refs, schemas),
  };
}

export function operationWhere(op: OperationModel): string {
  return `operation ${op.operationId} (${op.method.toUpperCase()} ${op.path})`;
}
