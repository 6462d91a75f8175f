// A tool's `view`: the view exists, and every field one of its shapes reads is in the tool's answer.
import type { ManifestView } from "../manifest.js";
import type { JsonSchema } from "../table.js";
import { itemsAt, schemaAt } from "./fields.js";
import type { Problems } from "./problems.js";

export const VIEW_URI = (name: string) => `ui://views/${name}.html`;

/** The shapes of answer a view draws, by name (a plain list of fields is one shape). */
export function viewShapes(view: ManifestView): [string, string[]][] {
  return Array.isArray(view.reads) ? [["answer", view.reads]] : Object.entries(view.reads);
}

/** Whether a read path ("groups[].total") is certainly absent from the schema. */
function missing(schema: JsonSchema | undefined, path: string): boolean {
  let current: JsonSchema | undefined = schema;
  const steps = path.split(".");
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const array = step.endsWith("[]");
    const key = array ? step.slice(0, -2) : step;
    const next = array ? itemsAt(current, key) : schemaAt(current, key);
    if (next === null) return true;
    if (next === undefined) return false;
    current = next;
  }
  return false;
}

/** The view's URI when `name` is a view whose fields the answer holds; problems name what is missing. */
export function shapeView(name: string, views: Record<string, ManifestView>, output: JsonSchema | undefined, problems: Problems): string | undefined {
  const view = views[name];
  if (!view) {
    const known = Object.keys(views);
    problems.fail("view", `no view "${name}" in views${known.length > 0 ? ` (known: ${known.join(", ")})` : ""}`);
    return undefined;
  }
  if (!output) {
    problems.fail("view", `view ${name} draws a structured answer, and this tool's operation answers none`);
    return undefined;
  }
  const shapes = viewShapes(view).map(([shape, reads]) => ({ shape, lacks: reads.filter((path) => missing(output, path)) }));
  if (shapes.some((s) => s.lacks.length === 0)) return VIEW_URI(name);
  const said = shapes.map((s) => `${s.lacks.map((p) => `"${p}"`).join(", ")}${shapes.length > 1 ? ` (${s.shape})` : ""}`);
  problems.fail("view", `view ${name} reads fields the answer does not have: ${said.join("; or ")}`);
  return undefined;
}
