// The short text for people: one line for an object, a heading and one line per item for a list.
import type { TextEntry } from "../../../generated/table.js";
import { fieldReader, type FieldReader } from "./fields.js";
import { compileTemplate, type RenderEnv, type Template } from "./templates.js";

export interface TextPlan {
  one?: Template;
  heading?: Template;
  items?: FieldReader;
  item?: Template;
}

export function planText(entry: TextEntry): TextPlan {
  return {
    ...(entry.one ? { one: compileTemplate(entry.one) } : {}),
    ...(entry.heading ? { heading: compileTemplate(entry.heading) } : {}),
    ...(entry.items ? { items: fieldReader(entry.items) } : {}),
    ...(entry.item ? { item: compileTemplate(entry.item) } : {}),
  };
}

const FALLBACK_LIMIT = 2_000;

export function describeAnswer(plan: TextPlan, answer: unknown, env: RenderEnv): string {
  const lines: string[] = [];
  if (plan.one) lines.push(plan.one(answer, env));
  if (plan.heading) lines.push(plan.heading(answer, env));
  if (plan.items && plan.item) {
    const items = plan.items(answer);
    if (Array.isArray(items)) for (const item of items) lines.push(`- ${plan.item(item, env)}`);
  }
  if (lines.length > 0) return lines.join("\n");
  // No template declared: a compact rendering of the answer itself.
  if (answer === undefined) return "Done.";
  const json = JSON.stringify(answer);
  return json.length > FALLBACK_LIMIT ? `${json.slice(0, FALLBACK_LIMIT)}…` : json;
}
