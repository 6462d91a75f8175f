// Values as TypeScript literals laid out like JSON.stringify(value, null, 2), but with a shared schema written as its
// constant, and a short list of plain values, a short object of plain values or a shared schema in other words kept on
// one line, as a spec writes them.
import { Respelled, SchemaRef } from "../share/json.js";

const STEP = "  ";
/** Longest list or object of plain values kept on one line. */
const SHORT_LINE = 100;

export function printValue(value: unknown, indent = ""): string {
  if (value instanceof SchemaRef) return value.name;
  if (value instanceof Respelled) return respelled(value, indent);
  if (value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function") {
    return printValue((value as { toJSON: () => unknown }).toJSON(), indent);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const line = shortList(value);
    if (line !== undefined) return line;
    const inner = indent + STEP;
    return `[\n${value.map((item) => inner + (skipped(item) ? "null" : printValue(item, inner))).join(",\n")}\n${indent}]`;
  }
  if (value !== null && typeof value === "object") {
    const inner = indent + STEP;
    const members = Object.entries(value).filter(([, v]) => !skipped(v));
    if (members.length === 0) return "{}";
    const line = shortObject(members);
    if (line !== undefined) return line;
    return `{\n${members.map(([k, v]) => member(k, v, inner)).join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** `{ ...before, ...Base, ...after }`: on one line when its words are, else one member a line. */
function respelled(value: Respelled, indent: string): string {
  const words = [...value.before, ...value.after];
  if (words.every(([, v]) => !printValue(v, "").includes("\n"))) {
    const part = ([k, v]: [string, unknown]) => `${JSON.stringify(k)}: ${printValue(v, "")}`;
    return `{ ${[...value.before.map(part), `...${value.base}`, ...value.after.map(part)].join(", ")} }`;
  }
  const inner = indent + STEP;
  const lines = [...value.before.map(([k, v]) => member(k, v, inner)), `${inner}...${value.base}`, ...value.after.map(([k, v]) => member(k, v, inner))];
  return `{\n${lines.join(",\n")}\n${indent}}`;
}

const plain = (value: unknown) => value === null || ["string", "number", "boolean"].includes(typeof value);

/** A list of strings, numbers, booleans and nulls on one line, if it is short. */
function shortList(list: unknown[]): string | undefined {
  if (!list.every(plain)) return undefined;
  const line = `[${list.map((item) => JSON.stringify(item)).join(", ")}]`;
  return line.length <= SHORT_LINE ? line : undefined;
}

/** An object of plain values (short lists and shared schemas among them) on one line, if it is short. */
function shortObject(members: [string, unknown][]): string | undefined {
  const parts: string[] = [];
  for (const [key, value] of members) {
    const text = value instanceof SchemaRef ? value.name : plain(value) ? JSON.stringify(value) : Array.isArray(value) ? shortList(value) : undefined;
    if (text === undefined) return undefined;
    parts.push(`${JSON.stringify(key)}: ${text}`);
  }
  const line = `{ ${parts.join(", ")} }`;
  return line.length <= SHORT_LINE ? line : undefined;
}

function member(key: string, value: unknown, indent: string): string {
  return `${indent}${JSON.stringify(key)}: ${printValue(value, indent)}`;
}

/** What JSON leaves out of an object (and writes as null in an array). */
function skipped(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}
