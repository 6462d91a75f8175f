// The tools' validators as zod source, with what their inputs share built by one constant each (called, it gives the schema).
import type { NamedSchema, ToolModel } from "../model.js";
import type { JsonSchema } from "../table.js";
import { forZod, markReferences, zodSourceOf } from "../zod.js";
import { fitsOnePlace, type NameBook } from "./names.js";
import { planSharing, type Plan } from "./plan.js";

export interface ValidatorConstant {
  name: string;
  /** The zod expression; shared parts inside it are calls of their constants. */
  source: string;
}

export interface SharedValidators {
  constants: ValidatorConstant[];
  /** Per tool, what makes its validator: a constant's name, or `() => expression`. */
  tools: string[];
}

/** A schema shorter than this (in JSON characters) reads better written out in zod than named. */
const SHORTEST = 40;
/** Characters a use of a constant costs (its name and the call), and its declaration. */
const USE_CHARS = 14;
const DECLARATION_CHARS = 40;

export function shareValidators(tools: readonly ToolModel[], named: readonly NamedSchema[], book: NameBook): SharedValidators {
  const ready = (schema: JsonSchema) => forZod(schema) as JsonSchema;
  const plan = planSharing({
    roots: tools.map((tool) => ({
      schema: markReferences(ready(tool.inputSchema), tool.resolve.map((r) => r.arg)),
      label: `${tool.name} input`,
      fieldSuffix: " argument",
    })),
    named: named.filter((n) => n.mode === "input").map((n) => ({ ...n, schema: ready(n.schema) })),
    respell: false,
    prefix: "z",
    book,
    worth: (vertex, uses, naming) =>
      uses >= 2 && vertex.chars >= SHORTEST && (uses - 1) * vertex.chars > uses * USE_CHARS + DECLARATION_CHARS && (naming !== "place" || fitsOnePlace(vertex.labels)),
  });
  return {
    constants: plan.order.map((id) => ({ name: plan.names.get(id)!, source: source(plan, id) })),
    tools: plan.roots.map((id) => (plan.shared.has(id) ? plan.names.get(id)! : `() => ${source(plan, id)}`)),
  };
}

function source(plan: Plan, id: number): string {
  const top = plan.graph.vertices[id]!.node;
  return zodSourceOf(top, (part) => {
    if (part === top) return undefined;
    const partId = plan.graph.idOf(part);
    return partId !== undefined && plan.shared.has(partId) ? `${plan.names.get(partId)!}()` : undefined;
  });
}

/** How a shared validator is declared, in generated/tools.ts and wherever its sources are evaluated. */
export function declareValidator(constant: ValidatorConstant): string {
  return `const ${constant.name} = once(() => ${constant.source});`;
}
