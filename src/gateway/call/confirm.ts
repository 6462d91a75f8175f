// The sentence a write answers with: the first case whose `when` fields all equal the answer's.
import type { ConfirmCase } from "../../../generated/table.js";
import { pickCase, planCases, type Case } from "./cases.js";
import { compileTemplate, type RenderEnv, type Template } from "./templates.js";

export interface ConfirmPlan {
  cases: Case<Template>[];
}

export function planConfirm(cases: readonly ConfirmCase[]): ConfirmPlan | undefined {
  if (cases.length === 0) return undefined;
  return { cases: planCases(cases, (one) => compileTemplate(one.text)) };
}

export function confirmText(plan: ConfirmPlan, answer: unknown, env: RenderEnv): string | undefined {
  return pickCase(plan.cases, answer)?.(answer, env);
}
