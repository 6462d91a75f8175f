// --diff: classifies the change between two contracts as breaking or additive.
import type { Contract, ContractField } from "./contract.js";

export interface Change {
  kind: "breaking" | "additive";
  tool: string;
  message: string;
}

export function diffContracts(before: Contract, after: Contract): Change[] {
  const changes: Change[] = [];
  const add = (kind: Change["kind"], tool: string, message: string) => changes.push({ kind, tool, message });
  for (const [name, old] of Object.entries(before.tools)) {
    const now = after.tools[name];
    if (!now) {
      add("breaking", name, "tool removed");
      continue;
    }
    for (const [param, was] of Object.entries(old.parameters)) {
      const is = now.parameters[param];
      if (!is) {
        add("breaking", name, `parameter ${param} removed or renamed`);
        continue;
      }
      if (!was.required && is.required) add("breaking", name, `parameter ${param} became required`);
      if (was.required && !is.required) add("additive", name, `parameter ${param} became optional`);
      compareTypes(name, `parameter ${param}`, was, is, "input", add);
    }
    for (const [param, is] of Object.entries(now.parameters)) {
      if (old.parameters[param]) continue;
      add(is.required ? "breaking" : "additive", name, `${is.required ? "required" : "optional"} parameter ${param} added`);
    }
    for (const [field, was] of Object.entries(old.output)) {
      const is = now.output[field];
      if (!is) {
        add("breaking", name, `output field ${field} removed`);
        continue;
      }
      if (was.required && !is.required) add("breaking", name, `output field ${field} may now be absent`);
      compareTypes(name, `output field ${field}`, was, is, "output", add);
    }
    for (const field of Object.keys(now.output)) if (!old.output[field]) add("additive", name, `output field ${field} added`);
    for (const role of old.roles) if (!now.roles.includes(role)) add("breaking", name, `role ${role} may no longer call it`);
    for (const role of now.roles) if (!old.roles.includes(role)) add("additive", name, `role ${role} may now call it`);
    // A token granted the old scope can no longer call it (a first scope changes nothing for anyone).
    if (old.scope !== undefined && old.scope !== now.scope) add("breaking", name, `now needs OAuth scope ${now.scope ?? "none"} (was ${old.scope})`);
    if (old.operation !== now.operation) add("additive", name, `now calls ${now.operation} (was ${old.operation})`);
  }
  for (const name of Object.keys(after.tools)) if (!before.tools[name]) add("additive", name, "tool added");
  return changes;
}

/** Inputs break when they accept less; outputs break when they may give what a reader did not expect. */
function compareTypes(tool: string, what: string, was: ContractField, is: ContractField, side: "input" | "output", add: (kind: Change["kind"], tool: string, message: string) => void): void {
  if (was.type !== is.type) {
    const a = new Set(was.type.split("|"));
    const b = new Set(is.type.split("|"));
    const widened = [...a].every((t) => b.has(t) || (t === "integer" && b.has("number")) || b.has("any"));
    const narrowed = [...b].every((t) => a.has(t) || (t === "integer" && a.has("number")) || a.has("any"));
    if (side === "input") {
      if (widened) add("additive", tool, `${what} type widened from ${was.type} to ${is.type}`);
      else add("breaking", tool, `${what} type ${narrowed ? "narrowed" : "changed"} from ${was.type} to ${is.type}`);
    } else {
      if (narrowed) add("additive", tool, `${what} type narrowed from ${was.type} to ${is.type}`);
      else add("breaking", tool, `${what} type changed from ${was.type} to ${is.type}`);
    }
  }
  const before = (was.enum ?? []).map((v) => JSON.stringify(v));
  const after = (is.enum ?? []).map((v) => JSON.stringify(v));
  if (was.enum && !is.enum) add(side === "input" ? "additive" : "breaking", tool, `${what} no longer limited to listed values`);
  else if (!was.enum && is.enum) add(side === "input" ? "breaking" : "additive", tool, `${what} now limited to ${after.join(", ")}`);
  else {
    const removed = before.filter((v) => !after.includes(v));
    const added = after.filter((v) => !before.includes(v));
    // A removed value breaks callers that send it and readers that branch on it; a new one is additive.
    if (removed.length > 0) add("breaking", tool, `${what} enum value(s) removed: ${removed.join(", ")}`);
    if (added.length > 0) add("additive", tool, `${what} enum value(s) added: ${added.join(", ")}`);
  }
}
