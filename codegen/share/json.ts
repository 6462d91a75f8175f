// The tools' JSON Schemas with what they share written once: values in which a shared schema stands as a reference.
import type { NamedSchema, ToolModel } from "../model.js";
import type { Vertex } from "./graph.js";
import { fitsOnePlace, type NameBook } from "./names.js";
import { planSharing, type Plan } from "./plan.js";
import { mapChildren } from "./positions.js";

/** A shared schema, written as its constant's name. */
export class SchemaRef {
  constructor(readonly name: string) {}
}

/** A shared schema in other words: written `{ ...before, ...Base, ...after }`, which gives back the same keys in the same order. */
export class Respelled {
  constructor(
    readonly before: ReadonlyArray<[string, unknown]>,
    readonly base: string,
    readonly after: ReadonlyArray<[string, unknown]>,
  ) {}
}

export interface SchemaConstant {
  name: string;
  /** Whether the spec names it (else it is named after where it is met). */
  named: boolean;
  value: unknown;
}

export interface SharedSchemas {
  constants: SchemaConstant[];
  tools: Array<{ inputSchema: unknown; outputSchema?: unknown }>;
}

/** Lines a constant costs besides its body and a line a use: the comment an unnamed one gets, and a margin so it pays its way. */
const DECLARATION_LINES = 2;

export function shareSchemas(tools: readonly ToolModel[], named: readonly NamedSchema[], book: NameBook): SharedSchemas {
  const roots = tools.flatMap((tool) => [
    { schema: tool.inputSchema, label: `${tool.name} input`, fieldSuffix: " argument" },
    ...(tool.outputSchema ? [{ schema: tool.outputSchema, label: `${tool.name} output` }] : []),
  ]);
  const plan = planSharing({
    roots,
    named,
    respell: true,
    prefix: "",
    book,
    // Written inline each use costs its lines; as a constant, its lines once, one line a use and the declaration.
    worth: (vertex, uses, naming) => uses >= 2 && uses * vertex.lines > vertex.lines + uses + DECLARATION_LINES && (naming !== "place" || nameable(vertex)),
  });
  const constants = plan.order.map((id) => ({ name: plan.names.get(id)!, named: plan.named.has(id), value: write(plan, id, true) }));
  let next = 0;
  const written = tools.map((tool) => {
    const inputSchema = write(plan, plan.roots[next++]!, false);
    return tool.outputSchema ? { inputSchema, outputSchema: write(plan, plan.roots[next++]!, false) } : { inputSchema };
  });
  return { constants, tools: written };
}

/** A schema named after where it is met must say more than one keyword ({ "type": "null" } reads better written out), and the name must fit. */
function nameable(vertex: Vertex): boolean {
  return Object.keys(vertex.shallow).length > 1 && fitsOnePlace(vertex.labels);
}

/** The vertex as written: a reference when it is shared (unless it is the constant being declared), else its schema. */
function write(plan: Plan, id: number, declaring: boolean): unknown {
  if (!declaring && plan.shared.has(id)) return new SchemaRef(plan.names.get(id)!);
  const vertex = plan.graph.vertices[id]!;
  const r = plan.respelled.get(id);
  if (r && plan.shared.has(r.base)) {
    const pick = (key: string): [string, unknown] => [key, vertex.shallow[key]];
    return new Respelled(r.before.map(pick), plan.names.get(r.base)!, r.after.map(pick));
  }
  let i = 0;
  return mapChildren(vertex.node, () => write(plan, vertex.children[i++]!, false));
}
