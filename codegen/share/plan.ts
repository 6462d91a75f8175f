// One side of the sharing (JSON Schemas or validators): which schemas are constants, their names, and their order.
import { compare } from "../contract.js";
import type { NamedSchema } from "../model.js";
import type { JsonSchema } from "../table.js";
import { chooseShared, type Worth } from "./choose.js";
import { SchemaGraph } from "./graph.js";
import { identifier, placeName, type NameBook } from "./names.js";
import { findRespellings, type Respelling } from "./respell.js";

export interface PlanInput {
  /** Each tool's schema, with the place its name is made from if it is shared unnamed (and what its fields are called). */
  roots: ReadonlyArray<{ schema: JsonSchema; label: string; fieldSuffix?: string }>;
  /** The spec's named schemas in the same form as the roots. */
  named: readonly NamedSchema[];
  worth: Worth;
  /** Whether a named schema in other words is written as a spread of it (JSON), or is a schema of its own (validators). */
  respell: boolean;
  /** Put before every name, so the two sides' constants do not meet. */
  prefix: string;
  book: NameBook;
}

export interface Plan {
  graph: SchemaGraph;
  roots: number[];
  shared: Set<number>;
  respelled: Map<number, Respelling>;
  names: Map<number, string>;
  /** Which named schema a vertex is, if any. */
  named: Map<number, NamedSchema>;
  /** Shared vertices to declare, each after those it refers to, by name otherwise. */
  order: number[];
  /** What a vertex is written from: the base it respells when that base is a constant, else its children. */
  written(id: number): number[];
}

export function planSharing(input: PlanInput): Plan {
  const graph = new SchemaGraph();
  const named = new Map<number, NamedSchema>();
  for (const entry of input.named) {
    const id = graph.add(entry.schema, entry.name);
    if (!named.has(id)) named.set(id, entry);
  }
  const roots = input.roots.map((root) => graph.add(root.schema, root.label, root.fieldSuffix));
  const respelled = input.respell ? findRespellings(graph, new Map([...named].map(([id, n]) => [id, n.name]))) : new Map<number, Respelling>();
  const { shared } = chooseShared(graph, roots, respelled, new Set(named.keys()), input.worth);
  const written = (id: number): number[] => {
    const r = respelled.get(id);
    return r && shared.has(r.base) ? [r.base] : graph.vertices[id]!.children;
  };
  const names = nameShared(graph, shared, named, input);
  return { graph, roots, shared, respelled, names, named, order: declarationOrder(shared, names, written), written };
}

function nameShared(graph: SchemaGraph, shared: Set<number>, named: Map<number, NamedSchema>, input: PlanInput): Map<number, string> {
  const wanted = [...shared].map((id) => {
    const entry = named.get(id);
    const base = input.prefix + (entry ? identifier(entry.name) : placeName(graph.vertices[id]!.labels));
    // The input form of a named schema differs from its output form when it has read-only fields.
    const names = entry?.mode === "input" ? [base, `${base}Input`] : [base];
    return { id, names, rank: [entry ? 0 : 1, base, entry?.mode === "input" ? 1 : 0, JSON.stringify(graph.vertices[id]!.node)] as const };
  });
  wanted.sort((a, b) => compareRanks(a.rank, b.rank));
  return new Map(wanted.map((w) => [w.id, input.book.claim(w.names)]));
}

function compareRanks(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}

function declarationOrder(shared: Set<number>, names: Map<number, string>, written: (id: number) => number[]): number[] {
  const order: number[] = [];
  const done = new Set<number>();
  const refersTo = (id: number): number[] => {
    const out: number[] = [];
    const walk = (v: number) => {
      for (const part of written(v)) if (shared.has(part)) out.push(part);
      else walk(part);
    };
    walk(id);
    return out;
  };
  const declare = (id: number) => {
    if (done.has(id)) return;
    done.add(id);
    for (const dep of refersTo(id).sort(byName)) declare(dep);
    order.push(id);
  };
  const byName = (a: number, b: number) => compare(names.get(a)!, names.get(b)!);
  for (const id of [...shared].sort(byName)) declare(id);
  return order;
}
