// Cases of the manifest ({ when, ... }): the first whose `when` fields all equal the answer's applies.
// Write confirmations and read texts choose their words this same way.
import type { When } from "../../../generated/table.js";
import { fieldReader, type FieldReader } from "./fields.js";

interface Condition {
  read: FieldReader;
  equals: unknown;
}

export interface Case<T> {
  when: readonly Condition[];
  then: T;
}

export function planCases<C extends { when?: When }, T>(cases: readonly C[], plan: (one: C) => T): Case<T>[] {
  return cases.map((one) => ({
    when: Object.entries(one.when ?? {}).map(([path, equals]) => ({ read: fieldReader(path), equals })),
    then: plan(one),
  }));
}

/** What the first case that holds for `answer` says, or undefined when none does. */
export function pickCase<T>(cases: readonly Case<T>[], answer: unknown): T | undefined {
  for (const one of cases) {
    if (one.when.every((condition) => holds(condition.read(answer), condition.equals))) return one.then;
  }
  return undefined;
}

function holds(actual: unknown, expected: unknown): boolean {
  if (actual === expected) return true;
  // "null" says "there is none": an absent field is none too.
  if (expected === null) return actual === undefined;
  if (actual === null || actual === undefined || typeof actual !== "object" || typeof expected !== "object") return false;
  return JSON.stringify(actual) === JSON.stringify(expected);
}
