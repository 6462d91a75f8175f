// A tool's answer formed from the API's: the text for people, structuredContent as the output schema
// says (a list's items slimmed as the manifest declares), the export's links when a list does not hold
// every match, and all of it cut to the deployment's size budget (budget.ts).
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { ToolEntry, UpstreamRequest } from "../../../generated/table.js";
import { answerSize, fitList, fitOther } from "./budget.js";
import { confirmText } from "./confirm.js";
import { writeField } from "./fields.js";
import { describePeriod, type PeriodOutcome } from "./period.js";
import type { ToolPlan } from "./plan.js";
import { formatCount, type RenderEnv } from "./templates.js";
import { describeAnswer } from "./text.js";

/** `JSON.stringify({ content, structuredContent })` of one answer stays within this many characters by default. */
export const DEFAULT_ANSWER_BUDGET = 100_000;

/** Where every match of a list can be had: the MCP resource and a download link, made for the caller. */
export interface ExportOffer {
  resource: string;
  download: string;
  expiresAt: string;
  /** The file's name, e.g. transactions.csv. */
  name: string;
  /** How long the download link lasts, in words ("10 minutes"). */
  lasts: string;
}

/** What an export is made of: the tool and the exact upstream filters of this call (no page parameters). */
export interface ExportAsk {
  tool: ToolEntry;
  params: UpstreamRequest["params"];
}

export type OfferExport = (ask: ExportAsk) => ExportOffer;

export interface AnswerContext {
  plan: ToolPlan;
  tool: ToolEntry;
  env: RenderEnv;
  period?: PeriodOutcome;
  /** The call's upstream request, for the export's filters. */
  request: UpstreamRequest;
  budget: number;
  offerExport?: OfferExport;
}

function structuredOf(plan: ToolPlan, data: unknown, period: PeriodOutcome | undefined): Record<string, unknown> | undefined {
  if (!plan.structured) return undefined;
  const structured =
    plan.wrapOutput || data === null || typeof data !== "object" || Array.isArray(data) ? { [plan.wrapOutput ?? "result"]: data } : (data as Record<string, unknown>);
  return period ? { ...structured, period: period.info } : structured;
}

function textOf(ctx: AnswerContext, view: unknown): string {
  const { plan, env, period } = ctx;
  const text = (plan.confirm && confirmText(plan.confirm, view, env)) || describeAnswer(plan.text, view, env);
  return period ? `${text}\n${describePeriod(period)}` : text;
}

export function formAnswer(ctx: AnswerContext, data: unknown): CallToolResult {
  const pages = ctx.plan.pages;
  const structured = structuredOf(ctx.plan, data, ctx.period);
  if (pages && structured) {
    const items = pages.items(structured);
    if (Array.isArray(items)) return listAnswer(ctx, structured, items);
  }
  const answer: CallToolResult = { content: [{ type: "text", text: textOf(ctx, structured ?? data) }] };
  if (structured) answer.structuredContent = structured;
  if (answerSize(answer) <= ctx.budget) return answer;
  return fitOther(answer, ctx.budget, (view) => textOf(ctx, view));
}

/** A list answer holding the first `held` items, consistent in its text and its structured answer. */
function listAnswer(ctx: AnswerContext, view: Record<string, unknown>, items: unknown[]): CallToolResult {
  const pages = ctx.plan.pages!;
  const total = pages.total?.(view);
  const counted = typeof total === "number" ? total : undefined;
  let offer: ExportOffer | undefined;
  const offerFor = () => (offer ??= ctx.offerExport!({ tool: ctx.tool, params: exportParams(ctx) }));

  const render = (held: number): CallToolResult => {
    const part: Record<string, unknown> = { ...view, returned: held, hasMore: counted !== undefined ? counted > held : view.hasMore === true || held < items.length };
    writeField(part, pages.entry.items, items.slice(0, held));
    const lines = [textOf(ctx, part)];
    if (held < items.length) lines.push(`Only ${formatCount(held)} of the ${formatCount(items.length)} asked for fit in one answer.`);
    const link = part.hasMore === true && ctx.tool.export && ctx.offerExport ? offerFor() : undefined;
    if (link) {
      const all = counted !== undefined ? `All ${formatCount(counted)}` : "Every match";
      lines.push(`${all} as a CSV file: ${link.download} (link valid ${link.lasts}).`);
    }
    const structured = pages.slim(part);
    // The resource URI is in the content's resource_link; clients that show a model only this get the download link.
    if (link) structured.export = { download: link.download, expiresAt: link.expiresAt, count: counted ?? null };
    const content: CallToolResult["content"] = [{ type: "text", text: lines.join("\n") }];
    if (link) {
      content.push({
        type: "resource_link",
        uri: link.resource,
        name: link.name,
        title: counted !== undefined ? `All ${formatCount(counted)} (CSV)` : "Every match (CSV)",
        mimeType: "text/csv",
      });
    }
    return { content, structuredContent: structured };
  };
  return fitList(render, items.length, ctx.budget);
}

/** The filters the call sent, without its page bookkeeping: what an export gathers again, page by page. */
function exportParams(ctx: AnswerContext): UpstreamRequest["params"] {
  const entry = ctx.plan.pages!.entry;
  const query = { ...ctx.request.params.query };
  for (const name of [entry.page, entry.size, entry.cursor]) if (name) delete query[name];
  return { path: { ...ctx.request.params.path }, query };
}
