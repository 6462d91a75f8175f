// generated/client.ts: the typed openapi-fetch client and one typed call per operation the tools use.
import type { OperationModel } from "../model.js";
import { header, type Source } from "./header.js";

export function emitClient(operations: readonly OperationModel[], source: Source, typed: boolean): string {
  const sorted = [...operations].sort((a, b) => (a.operationId < b.operationId ? -1 : a.operationId > b.operationId ? 1 : 0));
  const needsForm = sorted.some((op) => op.body && !isJson(op.body.contentType));
  const lines = [
    header(source).trimEnd(),
    `import createClient, { type Client, type ClientOptions } from "openapi-fetch";`,
    `import type { paths } from "./api.js";`,
    `import type { OperationEntry } from "./table.js";`,
    ``,
    `export type ApiClient = Client<paths>;`,
    ``,
    `/** \`Request\` lets a caller build its own light request objects for its own \`fetch\`. */`,
    `export function createApiClient(options: Pick<ClientOptions, "fetch" | "Request"> & { baseUrl: string }): ApiClient {`,
    `  return createClient<paths>({`,
    `    baseUrl: options.baseUrl,`,
    `    ...(options.fetch ? { fetch: options.fetch } : {}),`,
    `    ...(options.Request ? { Request: options.Request } : {}),`,
    `  });`,
    `}`,
    ``,
    typed
      ? `type Op<P extends keyof paths, M extends keyof paths[P]> = paths[P][M];`
      : `// The spec could not be typed: calls are checked by path and method only.\ntype Op<P extends keyof paths, M extends keyof paths[P]> = any;`,
    `type Params<P extends keyof paths, M extends keyof paths[P]> = Op<P, M> extends { parameters: infer T } ? T : never;`,
    `type Body<P extends keyof paths, M extends keyof paths[P], C extends string> = Op<P, M> extends { requestBody?: { content: { [K in C]: infer T } } } ? T : never;`,
    ``,
  ];
  if (needsForm) lines.push(...FORM_HELPERS);
  lines.push(`export const operations: Record<string, OperationEntry> = {`);
  for (const op of sorted) lines.push(...operationLines(op));
  lines.push(`};`, ``);
  return lines.join("\n");
}

function operationLines(op: OperationModel): string[] {
  const path = JSON.stringify(op.path);
  const method = JSON.stringify(op.method);
  const verb = op.method.toUpperCase();
  const init = [`params: r.params as Params<${path}, ${method}>`];
  if (op.body) {
    init.push(`body: r.body as Body<${path}, ${method}, ${JSON.stringify(op.body.contentType)}>`);
    if (!isJson(op.body.contentType)) {
      const serializer = op.body.contentType.startsWith("multipart/") ? "multipartBody" : "formBody";
      init.push(`bodySerializer: ${serializer}`);
    }
  }
  init.push(`headers: r.headers`, `signal: r.signal`);
  return [
    `  ${JSON.stringify(op.operationId)}: {`,
    `    method: ${method},`,
    `    path: ${path},`,
    `    call: (client, r) =>`,
    `      (client as ApiClient).${verb}(${path}, {`,
    ...init.map((line) => `        ${line},`),
    `      }),`,
    `  },`,
  ];
}

function isJson(type: string): boolean {
  return !type.startsWith("multipart/") && !type.startsWith("application/x-www-form-urlencoded");
}

const FORM_HELPERS = [
  `// Form bodies: each field a part; objects and arrays as JSON text.`,
  `function formValue(value: unknown): string {`,
  `  return typeof value === "string" ? value : JSON.stringify(value);`,
  `}`,
  `function multipartBody(body: unknown): FormData {`,
  `  const form = new FormData();`,
  `  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) if (value !== undefined) form.append(key, formValue(value));`,
  `  return form;`,
  `}`,
  `function formBody(body: unknown): URLSearchParams {`,
  `  const form = new URLSearchParams();`,
  `  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) if (value !== undefined) form.append(key, formValue(value));`,
  `  return form;`,
  `}`,
  ``,
];
