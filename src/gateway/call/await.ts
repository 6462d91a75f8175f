// A write the API finishes later: poll until it is applied or the time runs out, and say which.
import { setTimeout as sleep } from "node:timers/promises";
import type { AwaitEntry, OperationEntry, UpstreamRequest, UpstreamResult } from "../../../generated/table.js";
import { UpstreamUnavailable } from "../upstream/client.js";
import { UpstreamUnauthorized } from "./errors.js";
import { fieldReader, writeField, type FieldReader } from "./fields.js";
import { compileTemplate, type Template } from "./templates.js";

export interface AwaitPlan {
  entry: AwaitEntry;
  args: { name: string; in: "path" | "query"; value: Template }[];
  until: FieldReader;
}

export function planAwait(entry: AwaitEntry, operation: OperationEntry | undefined): AwaitPlan {
  if (!operation) throw new Error(`await: unknown operation ${entry.operationId}`);
  const pathParams = new Set([...operation.path.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1]!));
  return {
    entry,
    args: Object.entries(entry.args).map(([name, template]) => ({
      name,
      in: pathParams.has(name) ? "path" : "query",
      value: compileTemplate(template),
    })),
    until: fieldReader(entry.until.field),
  };
}

export type Poll = (operationId: string, request: UpstreamRequest) => Promise<UpstreamResult>;

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

export function awaitApplies(plan: AwaitPlan, status: number): boolean {
  return status === plan.entry.status;
}

/**
 * Polls until the condition holds or `timeoutMs` passes. The latest polled answer replaces
 * `into`; `flag` becomes false only when the condition was seen to hold.
 */
export async function awaitChange(
  plan: AwaitPlan,
  answer: Record<string, unknown>,
  params: Record<string, unknown>,
  poll: Poll,
  timeZone: string,
  signal?: AbortSignal,
): Promise<Record<string, unknown>> {
  const { entry } = plan;
  const request: UpstreamRequest = { params: { path: {}, query: {} } };
  for (const arg of plan.args) request.params[arg.in]![arg.name] = arg.value(params, { timeZone });
  if (signal) request.signal = signal;

  const deadline = Date.now() + entry.timeoutMs;
  let held = false;
  while (!held && !signal?.aborted) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    try {
      await sleep(Math.min(entry.intervalMs, remaining), undefined, signal ? { signal } : undefined);
    } catch {
      break;
    }
    let result: UpstreamResult;
    try {
      result = await poll(entry.operationId, request);
    } catch (error) {
      // An unreachable poll proves nothing either way: keep waiting until the deadline.
      if (error instanceof UpstreamUnavailable) continue;
      throw error;
    }
    if (result.response.status === 401) throw new UpstreamUnauthorized();
    if (!result.response.ok) continue;
    writeField(answer, entry.into, result.data);
    held = same(plan.until(result.data), entry.until.equals);
  }
  writeField(answer, entry.flag, !held);
  return answer;
}
