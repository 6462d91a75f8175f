// The validators built from their shared sources as generated/tools.ts builds them, for checks on tables never written out.
import type { z as zod, ZodType } from "zod";
import { numberText, referenceText } from "../coerce.js";
import { declareValidator, type SharedValidators } from "./validators.js";

/** One function per tool that builds its validator (and the shared ones it holds, once). Throws when the sources do not parse. */
export function buildValidators(z: typeof zod, validators: SharedValidators): Array<() => ZodType> {
  const body = [...validators.constants.map(declareValidator), `return [\n${validators.tools.join(",\n")}\n];`].join("\n");
  return new Function("z", "once", "numberText", "referenceText", body)(z, once, numberText, referenceText) as Array<() => ZodType>;
}

/** One zod expression's source evaluated as generated/tools.ts would (its coercions in scope). */
export function evaluateZod(z: typeof zod, source: string): ZodType {
  return new Function("z", "numberText", "referenceText", `return ${source};`)(z, numberText, referenceText) as ZodType;
}

function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}
