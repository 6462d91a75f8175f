// Everything about a tool that does not depend on the call, worked out once and cached per ToolEntry.
import type { FixedValue, ParamLocation, PeriodEntry, ToolEntry, ToolTable } from "../../../generated/table.js";
import { planAsk, type AskPlan } from "./ask.js";
import { planAwait, type AwaitPlan } from "./await.js";
import { planConfirm, type ConfirmPlan } from "./confirm.js";
import { errorReaders, type ErrorReaders } from "./errors.js";
import { planPages, type PagesPlan } from "./pages.js";
import { planResolver, type ResolverPlan } from "./resolve.js";
import { planText, type TextPlan } from "./text.js";

export interface Binding {
  arg: string;
  in: ParamLocation;
  name: string;
  /** Sent when the argument is absent. */
  default?: unknown;
}

export interface ResolvePlan extends ResolverPlan {
  in: ParamLocation;
}

export interface ToolPlan {
  write: boolean;
  bindings: Binding[];
  fixed: readonly FixedValue[];
  resolve: ResolvePlan[];
  period?: PeriodEntry;
  pages?: PagesPlan;
  /** The argument holding how many items to return, when the tool paginates. */
  limitArg?: string;
  await?: AwaitPlan;
  confirm?: ConfirmPlan;
  /** Set when the write is confirmed with the user first. */
  ask?: AskPlan;
  text: TextPlan;
  idempotencyHeader?: string;
  errors: ErrorReaders;
  structured: boolean;
  wrapOutput?: string;
}

const READS = new Set(["get", "head", "options", "trace"]);
const LIMIT_ARG = "limit";

function locate(tool: ToolEntry, param: string): ParamLocation {
  for (const binding of Object.values(tool.args)) if (binding.name === param) return binding.in;
  return tool.path.includes(`{${param}}`) ? "path" : "query";
}

export function buildPlan(tool: ToolEntry, table: ToolTable): ToolPlan {
  const resolve = tool.resolve.map((entry) => ({
    ...planResolver(entry, table),
    in: tool.args[entry.arg]?.in ?? locate(tool, entry.param),
  }));
  const resolvedArgs = new Set(resolve.map((entry) => entry.arg));
  const helperArgs = new Set<string>();
  if (tool.period) helperArgs.add(tool.period.arg);
  // `limit` belongs to the runtime only when the API has no parameter of that name.
  const limitArg = tool.pages && !tool.args[LIMIT_ARG] ? LIMIT_ARG : undefined;
  if (limitArg) helperArgs.add(limitArg);

  const bindings: Binding[] = [];
  for (const [arg, binding] of Object.entries(tool.args)) {
    if (resolvedArgs.has(arg) || helperArgs.has(arg)) continue;
    bindings.push({ arg, in: binding.in, name: binding.name, ...(binding.default !== undefined ? { default: binding.default } : {}) });
  }
  const write = !READS.has(tool.method);
  const confirm = planConfirm(tool.confirm);
  const plan: ToolPlan = {
    write,
    bindings,
    fixed: tool.fixed,
    resolve,
    text: planText(tool.text),
    errors: errorReaders(table.api),
    structured: tool.outputSchema !== undefined,
    ...(tool.period ? { period: tool.period } : {}),
    ...(tool.pages ? { pages: planPages(tool.pages) } : {}),
    ...(limitArg ? { limitArg } : {}),
    ...(tool.await ? { await: planAwait(tool.await, table.operations[tool.await.operationId]) } : {}),
    ...(confirm ? { confirm } : {}),
    ...(tool.ask ? { ask: planAsk(tool.ask, table.operations[tool.ask.read.operationId]) } : {}),
    ...(write && table.api.idempotencyHeader ? { idempotencyHeader: table.api.idempotencyHeader } : {}),
    ...(tool.wrapOutput ? { wrapOutput: tool.wrapOutput } : {}),
  };
  return plan;
}

const plans = new WeakMap<ToolEntry, ToolPlan>();

export function toolPlan(tool: ToolEntry, table: ToolTable): ToolPlan {
  let plan = plans.get(tool);
  if (!plan) {
    plan = buildPlan(tool, table);
    plans.set(tool, plan);
  }
  return plan;
}

/** Builds every tool's plan up front, so a bad template fails at start-up rather than mid-call. */
export function prepareTable(table: ToolTable): void {
  for (const tool of table.tools) toolPlan(tool, table);
}
