// Natural references ("4821", "•••• 4821", "luis perez") turned into the API value they name.
import type { ResolveEntry, ResolverEntry, ToolTable, UpstreamResult } from "../../../generated/table.js";
import { fieldReader, type FieldReader } from "./fields.js";
import { compileTemplate, type RenderEnv, type Template } from "./templates.js";

interface Rule {
  pattern?: RegExp;
  passthrough: boolean;
  query?: string;
  field?: FieldReader;
  match: "exact" | "words";
}

export interface ResolverPlan {
  arg: string;
  param: string;
  noun: string;
  operationId: string;
  rules: Rule[];
  value: FieldReader;
  label: Template;
  name: FieldReader;
  /** Where the lookup's items sit, and the page-size parameter to ask for the most at once. */
  items?: FieldReader;
  size?: { param: string; value: number };
}

export type Lookup = (operationId: string, query: Record<string, unknown>) => Promise<UpstreamResult>;

export type Resolution =
  | { kind: "found"; value: unknown }
  | { kind: "ambiguous"; text: string }
  | { kind: "none"; text: string }
  | { kind: "failed"; result: UpstreamResult };

/** Lowercase without accents, so "Pérez" and "perez" compare equal. */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
}

function words(text: string): string[] {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Every word of the input starts some word of the field. */
export function wordsMatch(input: string, field: string): boolean {
  const wanted = words(input);
  if (wanted.length === 0) return false;
  const have = words(field);
  return wanted.every((word) => have.some((candidate) => candidate.startsWith(word)));
}

function sameName(input: string, field: string): boolean {
  return words(input).join(" ") === words(field).join(" ");
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  const padded = ` ${text} `;
  for (let i = 0; i < padded.length - 1; i++) {
    const gram = padded.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** Dice similarity of character pairs, 0..1: tolerant of typos, partial names and word order. */
export function similarity(a: string, b: string): number {
  const left = bigrams(words(a).join(" "));
  const right = bigrams(words(b).join(" "));
  let shared = 0;
  let total = 0;
  for (const [gram, count] of left) {
    shared += Math.min(count, right.get(gram) ?? 0);
    total += count;
  }
  for (const count of right.values()) total += count;
  return total === 0 ? 0 : (2 * shared) / total;
}

export function closestNames(input: string, names: readonly string[], count = 3): string[] {
  const unique = [...new Set(names.filter((name) => name.trim() !== ""))];
  return unique
    .map((name) => {
      const whole = similarity(input, name);
      const best = Math.max(whole, ...words(name).map((word) => Math.max(...words(input).map((w) => similarity(w, word)), 0)));
      return { name, score: whole + best };
    })
    .filter((scored) => scored.score > 0)
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .slice(0, count)
    .map((scored) => scored.name);
}

export function planResolver(entry: ResolveEntry, table: ToolTable): ResolverPlan {
  const resolver: ResolverEntry = entry.resolver;
  // A paged tool over the same operation tells where its items sit and how large a page may be.
  const paged = table.tools.find((tool) => tool.operationId === resolver.operationId && tool.pages)?.pages;
  const plan: ResolverPlan = {
    arg: entry.arg,
    param: entry.param,
    noun: resolver.noun,
    operationId: resolver.operationId,
    rules: resolver.by.map((rule) => ({
      ...(rule.pattern !== undefined ? { pattern: new RegExp(rule.pattern, "u") } : {}),
      passthrough: rule.passthrough === true,
      ...(rule.query !== undefined ? { query: rule.query } : {}),
      ...(rule.field !== undefined ? { field: fieldReader(rule.field) } : {}),
      match: rule.match ?? "exact",
    })),
    value: fieldReader(resolver.value),
    label: compileTemplate(resolver.label),
    name: fieldReader(resolver.name),
  };
  if (paged) {
    plan.items = fieldReader(paged.items);
    if (paged.style === "page" && paged.size) plan.size = { param: paged.size, value: paged.pageSize };
  }
  return plan;
}

function itemsOf(plan: ResolverPlan, data: unknown): unknown[] {
  if (plan.items) {
    const items = plan.items(data);
    return Array.isArray(items) ? items : [];
  }
  if (Array.isArray(data)) return data;
  if (data && typeof data === "object") {
    for (const value of Object.values(data)) if (Array.isArray(value)) return value;
  }
  return [];
}

const MAX_LISTED = 10;

async function fetchItems(plan: ResolverPlan, lookup: Lookup, query: Record<string, unknown>) {
  if (plan.size) query[plan.size.param] = plan.size.value;
  const result = await lookup(plan.operationId, query);
  if (!result.response.ok) return { failed: result };
  return { items: itemsOf(plan, result.data) };
}

export async function resolveReference(plan: ResolverPlan, raw: string, lookup: Lookup, env: RenderEnv): Promise<Resolution> {
  const input = raw.trim();
  for (const rule of plan.rules) {
    let value = input;
    if (rule.pattern) {
      const match = rule.pattern.exec(input);
      if (!match) continue;
      value = match[1] ?? input;
    }
    if (rule.passthrough) return { kind: "found", value };
    const query: Record<string, unknown> = {};
    if (rule.query) query[rule.query] = value;
    const fetched = await fetchItems(plan, lookup, query);
    if (fetched.failed) return { kind: "failed", result: fetched.failed };
    const read = rule.field;
    const kept = fetched.items.filter((item) => {
      if (!read) return true;
      const field = read(item);
      if (field === undefined || field === null) return false;
      return rule.match === "words" ? wordsMatch(value, String(field)) : String(field) === value;
    });
    if (kept.length === 0) continue;
    if (kept.length === 1) return { kind: "found", value: plan.value(kept[0]) };
    if (read) {
      const exact = kept.filter((item) => sameName(value, String(read(item))));
      if (exact.length === 1) return { kind: "found", value: plan.value(exact[0]) };
    }
    const labels = kept.slice(0, MAX_LISTED).map((item) => `- ${plan.label(item, env)}`);
    const more = kept.length > MAX_LISTED ? `\n- …and ${kept.length - MAX_LISTED} more` : "";
    return {
      kind: "ambiguous",
      text: `${kept.length} ${plan.noun}s match "${input}":\n${labels.join("\n")}${more}\nWhich one do you mean?`,
    };
  }
  const everything = await fetchItems(plan, lookup, {});
  const names = everything.items
    ? everything.items.map((item) => plan.name(item)).filter((name): name is string => typeof name === "string")
    : [];
  const closest = closestNames(input, names);
  const offer = closest.length > 0 ? ` The closest names are: ${closest.join(", ")}.` : "";
  return { kind: "none", text: `No ${plan.noun} matches "${input}".${offer}` };
}
