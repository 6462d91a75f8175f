// A schema that is a named schema in other words (its own description, title, examples…), to be written as a spread of it.
import { compare } from "../contract.js";
import type { SchemaGraph } from "./graph.js";

/** Keys that change what a schema says, not what it accepts. */
const WORDS = new Set(["title", "description", "examples", "default", "deprecated"]);

export interface Respelling {
  base: number;
  /** Keys written before `...Base` (the base lacks them and they come first). */
  before: string[];
  /** Keys written after it: the base's words said otherwise, then words the base lacks. */
  after: string[];
}

/** Every vertex that equals a named vertex but for its words, with the keys that make it exactly (to the key order) from it. */
export function findRespellings(graph: SchemaGraph, named: ReadonlyMap<number, string>): Map<number, Respelling> {
  const byBody = new Map<string, number[]>();
  for (const id of [...named.keys()].sort((a, b) => compare(named.get(a)!, named.get(b)!) || a - b)) {
    const body = bodyKey(graph.vertices[id]!.shallow);
    byBody.set(body, [...(byBody.get(body) ?? []), id]);
  }
  const out = new Map<number, Respelling>();
  graph.vertices.forEach((vertex, id) => {
    if (named.has(id)) return;
    let best: Respelling | undefined;
    for (const base of byBody.get(bodyKey(vertex.shallow)) ?? []) {
      const found = respell(vertex.shallow, graph.vertices[base]!.shallow);
      if (found && (!best || size(found) < size(best))) best = { base, ...found };
    }
    if (best) out.set(id, best);
  });
  return out;
}

function bodyKey(shallow: Record<string, unknown>): string {
  return JSON.stringify(Object.entries(shallow).filter(([key]) => !WORDS.has(key)));
}

/** `{ ...before, ...base, ...after }` gives target with its keys in target's order, or undefined when no spread does. */
function respell(target: Record<string, unknown>, base: Record<string, unknown>): { before: string[]; after: string[] } | undefined {
  const keys = Object.keys(target);
  let i = 0;
  const before: string[] = [];
  for (; i < keys.length && !Object.hasOwn(base, keys[i]!); i++) {
    if (!WORDS.has(keys[i]!)) return undefined;
    before.push(keys[i]!);
  }
  const baseKeys = Object.keys(base);
  for (const key of baseKeys) if (keys[i++] !== key) return undefined;
  const after = baseKeys.filter((key) => JSON.stringify(target[key]) !== JSON.stringify(base[key]));
  for (const key of keys.slice(i)) {
    if (!WORDS.has(key)) return undefined;
    after.push(key);
  }
  return { before, after };
}

function size(r: { before: string[]; after: string[] }): number {
  return r.before.length + r.after.length;
}
