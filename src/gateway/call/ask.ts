// A write the user confirms first (a tool's `ask`): what it will do, told from the API's current
// state, and the plain facts a confirmation is bound to. How the user is asked is the protocol's
// business (src/gateway/mcp/confirm*.ts); this room only reads and words it.
import { createHash } from "node:crypto";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { AskEntry, OperationEntry, ToolEntry, UpstreamRequest, UpstreamResult } from "../../../generated/table.js";
import { pickCase, planCases, type Case } from "./cases.js";
import { compileTemplate, type RenderEnv, type Template } from "./templates.js";

export interface AskPlan {
  entry: AskEntry;
  read: { operationId: string; args: { name: string; in: "path" | "query"; value: Template }[] };
  preview: Case<Template>[];
}

export function planAsk(entry: AskEntry, operation: OperationEntry | undefined): AskPlan {
  if (!operation) throw new Error(`ask: unknown operation ${entry.read.operationId}`);
  const pathParams = new Set([...operation.path.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1]!));
  return {
    entry,
    read: {
      operationId: entry.read.operationId,
      args: Object.entries(entry.read.args).map(([name, template]) => ({ name, in: pathParams.has(name) ? "path" : "query", value: compileTemplate(template) })),
    },
    preview: planCases(entry.preview, (one) => compileTemplate(one.text)),
  };
}

/** A tools/call of a tool that asks, stopped just before its write: what the protocol layer decides on. */
export interface AskRequest {
  tool: ToolEntry;
  /** The arguments as the client sent them, less the confirmation argument. */
  args: Record<string, unknown>;
  /** The confirmation code the call carries (the fallback for clients that cannot ask), if any. */
  code?: string;
  /** A digest of the exact arguments and of the upstream request they resolved to: what a yes is bound to. */
  digest: string;
  /** Reads the current state and words the change; a failure to read is the call's answer instead. */
  preview(): Promise<{ text: string } | { failed: CallToolResult }>;
}

/** The protocol's word on a write that asks: go on, or answer this instead (a question, a refusal, a preview). */
export type AskVerdict = { go: true; confirmation: string } | { answer: ToolAnswer; confirmation?: string };

/** What a tools/call may answer: a result, or (2026-07-28) a request for the user's input. */
export type ToolAnswer = CallToolResult | InputRequired;

export interface InputRequired {
  resultType: "input_required";
  inputRequests?: Record<string, unknown>;
  requestState?: string;
}

export type Ask = (request: AskRequest) => Promise<AskVerdict>;

/** Object keys sorted, so equal arguments always give the same text. */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(",")}}`;
}

export function digestOf(tool: string, args: unknown, target: unknown): string {
  return createHash("sha256").update(tool).update("\0").update(canonical(args)).update("\0").update(canonical(target)).digest("base64url");
}

/** The read the preview is told from: its request, built from the write's resolved parameters. */
export function previewRequest(plan: AskPlan, params: Record<string, unknown>, env: RenderEnv): UpstreamRequest {
  const request: UpstreamRequest = { params: { path: {}, query: {} } };
  for (const arg of plan.read.args) request.params[arg.in]![arg.name] = arg.value(params, env);
  return request;
}

/** The preview sentence over `{ current, args }`, or undefined when no case holds. */
export function previewText(plan: AskPlan, current: unknown, args: Record<string, unknown>, env: RenderEnv): string | undefined {
  const data = { current, args };
  return pickCase(plan.preview, data)?.(data, env);
}

export type Read = (operationId: string, request: UpstreamRequest) => Promise<UpstreamResult>;
