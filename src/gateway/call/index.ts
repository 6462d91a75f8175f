// One tools/call, carried out from the tool table: validate, resolve, call, await, answer.
import { randomUUID } from "node:crypto";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { ToolEntry, ToolTable, UpstreamRequest, UpstreamResult } from "../../../generated/table.js";
import type { Caller } from "../auth/caller.js";
import { UpstreamUnavailable, type Upstream } from "../upstream/client.js";
import { digestOf, previewRequest, previewText, type Ask, type AskRequest, type ToolAnswer } from "./ask.js";
import { DEFAULT_ANSWER_BUDGET, formAnswer, type OfferExport } from "./answer.js";
import { awaitApplies, awaitChange } from "./await.js";
import { errorResult, notTriedResult, unavailableResult, upstreamErrorResult, type FailureContext } from "./errors.js";
import { fetchPages, pageLimit } from "./pages.js";
import { applyPeriod, type PeriodOutcome } from "./period.js";
import { toolPlan, type ToolPlan } from "./plan.js";
import { resolveReference } from "./resolve.js";
import type { RenderEnv } from "./templates.js";
import { invalidArguments } from "./validation.js";

export { UpstreamUnauthorized, errorResult } from "./errors.js";

/** The answer to a call of `tool` that was not tried because the API could not verify the caller. */
export function notTried(tool: ToolEntry, table: ToolTable): CallToolResult {
  const plan = toolPlan(tool, table);
  return notTriedResult(plan.errors, { write: plan.write });
}
export { prepareTable } from "./plan.js";
export { DEFAULT_ANSWER_BUDGET, type ExportAsk, type ExportOffer, type OfferExport } from "./answer.js";
export type { Ask, AskRequest, AskVerdict, InputRequired, ToolAnswer } from "./ask.js";

/** What happened upstream during one call, for logs and audit (never holds a token). */
export interface CallTrace {
  upstreamCalls: number;
  upstreamStatus?: number;
  upstreamRequestId?: string;
  outcome?: "ok" | "invalid" | "refused" | "upstream-error" | "unavailable";
  /** For a write that asks first: asked, accepted, declined, cancelled, refused (no valid yes), unconfirmed. */
  confirmation?: string;
}

export interface CallContext {
  caller: Caller;
  upstream: Upstream;
  table: ToolTable;
  requestId: string;
  signal?: AbortSignal;
  /** Filled in as the call goes, when given. */
  trace?: CallTrace;
  /** The current time, for period presets; defaults to now. */
  now?: Date;
  /** Decides on a write that asks first; without it, such a write is refused. */
  ask?: Ask;
  /** Characters one answer may take (`JSON.stringify({ content, structuredContent })`); DEFAULT_ANSWER_BUDGET when absent. */
  budget?: number;
  /** Makes the export links of a list that does not hold every match; without it, no links are offered. */
  offerExport?: OfferExport;
}

function record(ctx: CallContext, result: UpstreamResult): UpstreamResult {
  const trace = ctx.trace;
  if (trace) {
    trace.upstreamCalls++;
    trace.upstreamStatus = result.response.status;
    const id = result.response.headers.get("x-request-id");
    if (id) trace.upstreamRequestId = id;
  }
  return result;
}

function finish<T extends ToolAnswer>(ctx: CallContext, outcome: NonNullable<CallTrace["outcome"]>, result: T): T {
  if (ctx.trace) ctx.trace.outcome = outcome;
  return result;
}

function send(ctx: CallContext, operationId: string, request: UpstreamRequest): Promise<UpstreamResult> {
  if (ctx.signal) request.signal = ctx.signal;
  return ctx.upstream.call(operationId, request, ctx.caller.token).then((result) => record(ctx, result));
}

function build(plan: ToolPlan, args: Record<string, unknown>, resolved: Record<string, unknown>) {
  const path: Record<string, unknown> = {};
  const query: Record<string, unknown> = {};
  const header: Record<string, unknown> = {};
  const flat: Record<string, unknown> = {};
  const where = { path, query, header } as const;
  let body: unknown;
  const put = (location: string, name: string, value: unknown) => {
    if (value === undefined) return;
    if (location === "body") {
      if (name === "") body = value;
      else ((body ??= {}) as Record<string, unknown>)[name] = value;
    } else {
      where[location as keyof typeof where][name] = value;
    }
    if (name !== "") flat[name] = value;
  };
  for (const binding of plan.bindings) put(binding.in, binding.name, args[binding.arg] ?? binding.default);
  for (const entry of plan.resolve) put(entry.in, entry.param, resolved[entry.param]);
  for (const fixed of plan.fixed) put(fixed.in, fixed.name, fixed.value);
  if (plan.idempotencyHeader) header[plan.idempotencyHeader] = randomUUID();
  const request: UpstreamRequest = { params: { path, query, header } };
  if (body !== undefined) request.body = body;
  return { request, flat };
}

export async function callTool(tool: ToolEntry, args: unknown, ctx: CallContext): Promise<ToolAnswer> {
  const parsed = tool.input.safeParse(args ?? {});
  if (!parsed.success) return finish(ctx, "invalid", errorResult(invalidArguments(tool, parsed.error, args)));

  const plan = toolPlan(tool, ctx.table);
  const values = { ...(parsed.data as Record<string, unknown>) };
  const env: RenderEnv = { timeZone: ctx.caller.timeZone };
  const failure: FailureContext = { write: plan.write };
  const afterRefusal = plan.write ? " Nothing was changed." : "";

  try {
    let period: PeriodOutcome | undefined;
    if (plan.period) {
      const outcome = applyPeriod(plan.period, values, {
        timeZone: ctx.caller.timeZone,
        statementDay: ctx.caller.billingDay,
        ...(ctx.now ? { now: ctx.now } : {}),
      });
      if (outcome && "error" in outcome) return finish(ctx, "invalid", errorResult(outcome.error + afterRefusal));
      period = outcome;
    }

    const resolved: Record<string, unknown> = {};
    for (const entry of plan.resolve) {
      const input = values[entry.arg];
      if (input === undefined) continue;
      const resolution = await resolveReference(entry, String(input), (operationId, query) => send(ctx, operationId, { params: { query } }), env);
      if (resolution.kind === "found") {
        resolved[entry.param] = resolution.value;
        failure.reference ??= { noun: entry.noun, input: String(input).trim() };
      } else if (resolution.kind === "failed") {
        // The lookup failed before anything was written.
        const mapped = upstreamErrorResult(resolution.result, plan.errors, { write: false });
        return finish(ctx, "upstream-error", errorResult(`${(mapped.content[0] as { text: string }).text}${afterRefusal}`));
      } else {
        return finish(ctx, "refused", errorResult(resolution.text + afterRefusal));
      }
    }

    const { request, flat } = build(plan, values, resolved);
    if (plan.ask) {
      const stop = await askFirst(plan, tool, args, values, request, flat, ctx, env, failure);
      if (stop) return stop;
    }
    let result: UpstreamResult;
    let data: unknown;
    if (plan.pages) {
      const limit = pageLimit(plan.pages.entry, plan.limitArg ? values[plan.limitArg] : undefined);
      const paged = await fetchPages(plan.pages, request, limit, (page) => send(ctx, tool.operationId, page));
      if ("failed" in paged) return finish(ctx, "upstream-error", upstreamErrorResult(paged.failed, plan.errors, failure));
      result = paged.last;
      data = paged.data;
    } else {
      result = await send(ctx, tool.operationId, request);
      if (!result.response.ok) return finish(ctx, "upstream-error", upstreamErrorResult(result, plan.errors, failure));
      data = result.data;
    }

    if (plan.await && awaitApplies(plan.await, result.response.status) && data && typeof data === "object") {
      data = await awaitChange(
        plan.await,
        { ...(data as Record<string, unknown>) },
        flat,
        (operationId, pollRequest) => send(ctx, operationId, pollRequest),
        env.timeZone,
        ctx.signal,
      );
    }

    const answer = formAnswer(
      {
        plan,
        tool,
        env,
        request,
        budget: ctx.budget ?? DEFAULT_ANSWER_BUDGET,
        ...(period ? { period } : {}),
        ...(ctx.offerExport ? { offerExport: ctx.offerExport } : {}),
      },
      data,
    );
    return finish(ctx, "ok", answer);
  } catch (error) {
    if (error instanceof UpstreamUnavailable) return finish(ctx, "unavailable", unavailableResult(error, plan.errors, failure));
    throw error;
  }
}

/** Asks the protocol layer whether the write may go; the answer to give instead when it may not. */
async function askFirst(
  plan: ToolPlan,
  tool: ToolEntry,
  raw: unknown,
  values: Record<string, unknown>,
  request: UpstreamRequest,
  flat: Record<string, unknown>,
  ctx: CallContext,
  env: RenderEnv,
  failure: FailureContext,
): Promise<ToolAnswer | undefined> {
  const ask = plan.ask!;
  const argument = ask.entry.argument;
  const { [argument]: code, ...args } = (raw ?? {}) as Record<string, unknown>;
  const { [argument]: _code, ...shown } = values;
  // The idempotency key is fresh on every call: the yes is bound to everything else that is sent.
  const { header: _header, ...target } = request.params;
  const question: AskRequest = {
    tool,
    args,
    digest: digestOf(tool.name, args, { ...target, body: request.body ?? null }),
    ...(typeof code === "string" ? { code } : {}),
    async preview() {
      let result: UpstreamResult;
      // Nothing was written yet: a failed read is told like a refused write, never as an unknown outcome.
      const refused = (mapped: CallToolResult) => errorResult(`${(mapped.content[0] as { text: string }).text} Nothing was changed.`);
      try {
        result = await send(ctx, ask.read.operationId, previewRequest(ask, flat, env));
      } catch (error) {
        if (error instanceof UpstreamUnavailable) return { failed: refused(unavailableResult(error, plan.errors, { write: false })) };
        throw error;
      }
      if (!result.response.ok) {
        if (result.response.status >= 500) return { failed: refused(upstreamErrorResult(result, plan.errors, { write: false })) };
        return { failed: upstreamErrorResult(result, plan.errors, failure) };
      }
      return { text: previewText(ask, result.data, shown, env) ?? `${tool.title}: ${JSON.stringify(shown)}?` };
    },
  };
  if (!ctx.ask) return finish(ctx, "refused", errorResult(`${tool.name} needs the user's confirmation, and this call cannot ask for it. Nothing was changed.`));
  const verdict = await ctx.ask(question);
  if (ctx.trace && verdict.confirmation) ctx.trace.confirmation = verdict.confirmation;
  return "go" in verdict ? undefined : finish(ctx, "refused", verdict.answer);
}
