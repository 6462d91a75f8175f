// Which schemas become constants: those written often enough that writing them once saves more than naming them costs.
import type { SchemaGraph, Vertex } from "./graph.js";
import type { Respelling } from "./respell.js";

/** What a constant would be named after: the spec's name, the tool whose whole input or output it is, or where it is met. */
export type Naming = "named" | "tool" | "place";

/** Whether a schema written `uses` times is worth a constant. */
export type Worth = (vertex: Vertex, uses: number, naming: Naming) => boolean;

export interface Choice {
  shared: Set<number>;
  /** What each vertex is written from: a respelled one from its base, any other from its children. */
  parts: (id: number) => number[];
}

/**
 * Decides parents before children: a schema inside a constant is written once however often the constant is used,
 * so its uses are counted only after its parents are decided.
 */
export function chooseShared(graph: SchemaGraph, roots: readonly number[], respelled: ReadonlyMap<number, Respelling>, named: ReadonlySet<number>, worth: Worth): Choice {
  const isRoot = new Set(roots);
  const parts = (id: number): number[] => {
    const r = respelled.get(id);
    return r ? [r.base] : graph.vertices[id]!.children;
  };
  const uses = new Array<number>(graph.vertices.length).fill(0);
  for (const root of roots) uses[root]!++;
  const shared = new Set<number>();
  for (const id of parentsFirst(graph.vertices.length, roots, parts)) {
    const isShared = worth(graph.vertices[id]!, uses[id]!, named.has(id) ? "named" : isRoot.has(id) ? "tool" : "place");
    if (isShared) shared.add(id);
    for (const part of parts(id)) uses[part]! += isShared ? 1 : uses[id]!;
  }
  return { shared, parts };
}

/** Reverse post-order from the roots: every vertex after all that hold it. */
function parentsFirst(count: number, roots: readonly number[], parts: (id: number) => number[]): number[] {
  const state = new Uint8Array(count);
  const post: number[] = [];
  for (const root of roots) {
    if (state[root]) continue;
    state[root] = 1;
    const stack: Array<[number, number]> = [[root, 0]];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const list = parts(top[0]);
      if (top[1] < list.length) {
        const next = list[top[1]++]!;
        if (state[next] === 0) {
          state[next] = 1;
          stack.push([next, 0]);
        }
      } else {
        state[top[0]] = 2;
        post.push(top[0]);
        stack.pop();
      }
    }
  }
  return post.reverse();
}
