// The sentence a write answers with: the first case whose `when` fields all equal the answer's.
import type { ConfirmCase } from "../../../generated/table.js";
import { fieldReader, type FieldReader } from "./fields.js";
import { compileTemplate, type RenderEnv, type Template } from "./templates.js";

export interface ConfirmPlan {
  cases: { when: { read: FieldReader; equals: unknown }[]; text: Template }[];
}

export function planConfirm(cases: readonly ConfirmCase[]): ConfirmPlan | undefined {
  if (cases.length === 0) return undefined;
  return {
    cases: cases.map((one) => ({
      when: Object.entries(one.when ?? {}).map(([path, equals]) => ({ read: fieldReader(path), equals })),
      text: compileTemplate(one.text),
    })),
  };
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

export function confirmText(plan: ConfirmPlan, answer: unknown, env: RenderEnv): string | undefined {
  for (const one of plan.cases) {
    if (one.when.every((condition) => equal(condition.read(answer), condition.equals))) return one.text(answer, env);
  }
  return undefined;
}
