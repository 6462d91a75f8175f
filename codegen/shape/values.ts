// Checks a fixed value of the manifest against the parameter's schema.
import { createAjv } from "../ajv.js";
import type { JsonSchema } from "../table.js";

let ajv: ReturnType<typeof createAjv> | undefined;

/** A sentence saying why `value` does not fit `schema`, or undefined when it fits. */
export function checkValue(schema: JsonSchema, value: unknown): string | undefined {
  ajv ??= createAjv();
  const validate = ajv.compile(schema);
  if (validate(value)) return undefined;
  return ajv.errorsText(validate.errors, { dataVar: "value" });
}
