// Schema trees as a graph of distinct schemas: equal schemas (to the key order) are one vertex, wherever they are written.
import type { JsonSchema } from "../table.js";
import { mapChildren } from "./positions.js";

export interface Vertex {
  /** The first of the equal schema objects met. */
  node: JsonSchema;
  /** The schema with each child schema replaced by its vertex number: equal schemas have equal shallow forms. */
  shallow: Record<string, unknown>;
  /** Child vertices in the order they are written (a child written twice is listed twice). */
  children: number[];
  /** Lines the schema takes written out in full (JSON with a two-space indent). */
  lines: number;
  /** Characters it takes written out in full on one line. */
  chars: number;
  /** Where it was met (its property name, or its parent's and its place), and how often. */
  labels: Map<string, number>;
}

export class SchemaGraph {
  readonly vertices: Vertex[] = [];
  private readonly byKey = new Map<string, number>();
  /** The vertex of every schema object added, so a source emitted from these objects can find its shared parts. */
  private readonly byObject = new WeakMap<object, number>();

  /** The vertex of `node`, which sits where `label` says; its properties' labels end in `fieldSuffix` (" argument" for a tool's input). */
  add(node: JsonSchema, label: string, fieldSuffix = ""): number {
    let id = this.byObject.get(node);
    if (id === undefined) {
      const children: number[] = [];
      // Child ids stand where the children sit; a schema position never holds a number, so the key stays unambiguous.
      const shallow = mapChildren(node, (child, keyword, key) => {
        const childId = this.add(child, keyword === "properties" && key !== undefined ? key + fieldSuffix : childLabel(label, keyword, key));
        children.push(childId);
        return childId;
      });
      const key = JSON.stringify(shallow);
      id = this.byKey.get(key);
      if (id === undefined) {
        id = this.vertices.length;
        let lines = JSON.stringify(shallow, null, 2).split("\n").length;
        let chars = key.length;
        for (const child of children) {
          lines += this.vertices[child]!.lines - 1;
          chars += this.vertices[child]!.chars - String(child).length;
        }
        this.vertices.push({ node, shallow, children, lines, chars, labels: new Map() });
        this.byKey.set(key, id);
      }
      this.byObject.set(node, id);
    }
    const labels = this.vertices[id]!.labels;
    labels.set(label, (labels.get(label) ?? 0) + 1);
    return id;
  }

  /** The vertex of a schema object added before. */
  idOf(node: object): number | undefined {
    return this.byObject.get(node);
  }
}

function childLabel(parent: string, keyword: string, key: string | undefined): string {
  if (keyword === "properties" && key !== undefined) return key;
  if (keyword === "items") return `${parent} item`;
  if (keyword === "additionalProperties" || keyword === "patternProperties") return `${parent} value`;
  if (keyword === "propertyNames") return `${parent} name`;
  if (keyword === "not") return parent;
  return `${parent} option`;
}
