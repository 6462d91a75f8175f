// The short text for people: one line for an object, a heading and one line per item for a list;
// given as cases, the first whose `when` fields all equal the answer's (or, for a line, the item's) says it.
import type { ItemCase, TextCase, TextEntry } from "../../../generated/table.js";
import { pickCase, planCases, type Case } from "./cases.js";
import { fieldReader, type FieldReader } from "./fields.js";
import { compileTemplate, type RenderEnv, type Template } from "./templates.js";

interface TextTemplates {
  one?: Template;
  heading?: Template;
  items?: FieldReader;
  item?: Template;
}

export interface TextPlan {
  cases: Case<TextTemplates>[];
}

export function planText(entry: TextEntry | readonly TextCase[]): TextPlan {
  const cases: readonly TextCase[] = Array.isArray(entry) ? entry : [entry as TextEntry];
  return {
    cases: planCases(cases, (one) => ({
      ...(one.one ? { one: compileTemplate(one.one) } : {}),
      ...(one.heading ? { heading: compileTemplate(one.heading) } : {}),
      ...(one.items ? { items: fieldReader(one.items) } : {}),
      ...(one.item ? { item: itemTemplate(one.item) } : {}),
    })),
  };
}

/** One template over an element, or the element's own case picked per element. */
function itemTemplate(item: string | readonly ItemCase[]): Template {
  if (typeof item === "string") return compileTemplate(item);
  const cases = planCases(item, (one) => compileTemplate(one.text));
  return (element, env) => {
    const template = pickCase(cases, element);
    return template ? template(element, env) : compact(element);
  };
}

const FALLBACK_LIMIT = 2_000;

/** What no template tells: the value itself as JSON, cut short. */
function compact(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > FALLBACK_LIMIT ? `${json.slice(0, FALLBACK_LIMIT)}…` : json;
}

export function describeAnswer(plan: TextPlan, answer: unknown, env: RenderEnv): string {
  const templates = pickCase(plan.cases, answer);
  const lines: string[] = [];
  if (templates?.one) lines.push(templates.one(answer, env));
  if (templates?.heading) lines.push(templates.heading(answer, env));
  if (templates?.items && templates.item) {
    const items = templates.items(answer);
    if (Array.isArray(items)) for (const item of items) lines.push(`- ${templates.item(item, env)}`);
  }
  if (lines.length > 0) return lines.join("\n");
  // No template for this answer: a compact rendering of the answer itself.
  if (answer === undefined) return "Done.";
  return compact(answer);
}
