// What each argument accepts, in words for a refusal ("a decimal amount such as \"5000\" or \"1234.50\""),
// derived from its schema; never the regular expression itself.
import type { JsonSchema } from "../table.js";

/** Keyed by argument path: `minAmount`, a body field `limit.amount`, a list's element `status[]`. */
export type ArgumentWords = Record<string, string>;

const DEPTH = 3;

/** `references`: the natural-reference arguments, told by their resolver's description. */
export function argumentWords(inputSchema: JsonSchema, references: readonly string[]): ArgumentWords {
  const out: ArgumentWords = {};
  const props = (inputSchema.properties ?? {}) as Record<string, JsonSchema>;
  for (const [name, schema] of Object.entries(props)) {
    if (references.includes(name)) {
      const said = described(schema);
      if (said) out[name] = said;
    } else walk(schema, name, out, 0);
  }
  return out;
}

function walk(schema: JsonSchema, path: string, out: ArgumentWords, depth: number): void {
  const words = wordsFor(schema, path);
  if (words) out[path] = words;
  if (depth >= DEPTH) return;
  if (schema.items && typeof schema.items === "object" && !Array.isArray(schema.items)) walk(schema.items as JsonSchema, `${path}[]`, out, depth + 1);
  for (const [name, child] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)) walk(child, `${path}.${name}`, out, depth + 1);
}

const quote = (value: unknown) => JSON.stringify(value);

/** "A, B or C" */
function either(values: string[]): string {
  return values.length <= 1 ? (values[0] ?? "") : `${values.slice(0, -1).join(", ")} or ${values.at(-1)}`;
}

function typesOf(schema: JsonSchema): string[] {
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === "string" ? [schema.type] : [];
  return types.filter((t) => t !== "null");
}

/** Words for one schema, or undefined when nothing useful can be said. */
export function wordsFor(schema: JsonSchema, name = ""): string | undefined {
  if (Array.isArray(schema.enum)) {
    const values = schema.enum.filter((v) => v !== null).map((v) => (typeof v === "string" ? v : quote(v)));
    return values.length === 1 ? `exactly ${values[0]}` : values.length === 2 ? either(values) : `one of ${either(values)}`;
  }
  if (schema.const !== undefined) return `exactly ${quote(schema.const)}`;
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(variants)) {
    const said = [...new Set(variants.map((v) => wordsFor(v, name)).filter((w): w is string => w !== undefined))];
    return said.length > 0 ? either(said) : described(schema);
  }
  const [type] = typesOf(schema);
  switch (type) {
    case "integer":
    case "number":
      return numberWords(schema, type === "integer" ? "a whole number" : "a number");
    case "boolean":
      return "true or false";
    case "array": {
      const items = schema.items && typeof schema.items === "object" ? wordsFor(schema.items as JsonSchema, name) : undefined;
      const many = typeof schema.minItems === "number" && schema.minItems >= 1 ? "a list of one or more" : "a list";
      return items ? `${many} of ${items.replace(/^one of /, "")}` : `${many} of values`;
    }
    case "object":
      return undefined;
    case "string":
      return stringWords(schema, name);
    default:
      return described(schema);
  }
}

function numberWords(schema: JsonSchema, noun: string): string {
  const min = schema.minimum ?? schema.exclusiveMinimum;
  const max = schema.maximum ?? schema.exclusiveMaximum;
  if (typeof min === "number" && typeof max === "number") return `${noun} from ${min} to ${max}`;
  if (typeof min === "number") return `${noun} of at least ${min}`;
  if (typeof max === "number") return `${noun} of at most ${max}`;
  return noun;
}

const DATE = "2026-11-30";
const DIGITS = "482109376512345";
const DATE_TIME = "2026-11-30T09:00:00-06:00";

function stringWords(schema: JsonSchema, name: string): string {
  if (schema.format === "date") return `a date such as ${quote(DATE)}`;
  if (schema.format === "date-time") return `a date and time such as ${quote(DATE_TIME)}`;
  if (schema.format === "email") return "an email address";
  if (typeof schema.pattern === "string") {
    const said = patternWords(schema, name);
    if (said) return said;
  }
  const length = lengthWords(schema);
  const example = exampleOf(schema);
  if (example !== undefined) return `${length ?? "text"}, such as ${quote(example)}`;
  return length ?? "text";
}

/** A pattern told by what it takes: decimals, dates, ids with an example; else the schema's own words. */
function patternWords(schema: JsonSchema, name: string): string | undefined {
  let regex: RegExp;
  try {
    regex = new RegExp(schema.pattern as string);
  } catch {
    return described(schema);
  }
  const takes = (text: string) => regex.test(text);
  if (takes("5000") && takes("1234.50")) return `a decimal amount such as "5000" or "1234.50"`;
  if (takes("1234.50")) return `a decimal amount with two decimals, such as "1234.50"`;
  if (takes(DATE) && takes(DATE_TIME)) return `a date such as ${quote(DATE)}, or a date and time such as ${quote(DATE_TIME)}`;
  if (takes(DATE)) return `a date such as ${quote(DATE)}`;
  const example = exampleOf(schema);
  if ([...DIGITS].some((_, n) => takes(DIGITS.slice(0, n + 1))) && !takes("abc") && !takes("a1")) return digitWords(takes, example);
  if (example !== undefined && takes(example)) return /(^|[a-z])(id|Id|ID)$/.test(name) || /\bid\b/i.test(String(schema.description ?? "")) ? `an id such as ${quote(example)}` : `text such as ${quote(example)}`;
  const said = described(schema);
  return said ? `text in the form the API expects (${said})` : "text in the form the API expects";
}

/** Digits only: how many, with an example the pattern takes. */
function digitWords(takes: (text: string) => boolean, example: string | undefined): string {
  const lengths = [...DIGITS].map((_, i) => i + 1).filter((n) => takes(DIGITS.slice(0, n)));
  const shown = example !== undefined && takes(example) ? example : DIGITS.slice(0, lengths[0] ?? 4);
  return lengths.length === 1 ? `${lengths[0]} digits as text, such as ${quote(shown)}` : `digits as text, such as ${quote(shown)}`;
}

function lengthWords(schema: JsonSchema): string | undefined {
  const min = typeof schema.minLength === "number" ? schema.minLength : 0;
  const max = typeof schema.maxLength === "number" ? schema.maxLength : undefined;
  if (max !== undefined) return min > 0 ? `text of ${min} to ${max} characters` : `text of at most ${max} characters`;
  return min > 0 ? (min === 1 ? "non-empty text" : `text of at least ${min} characters`) : undefined;
}

function exampleOf(schema: JsonSchema): string | undefined {
  const examples = Array.isArray(schema.examples) ? schema.examples : schema.example !== undefined ? [schema.example] : [];
  return examples.find((e): e is string => typeof e === "string");
}

/** The schema's own description, first sentence, as a last resort. */
function described(schema: JsonSchema): string | undefined {
  if (typeof schema.description !== "string") return undefined;
  const sentence = schema.description.trim().split(/(?<=\.)\s/)[0]!;
  return sentence.length > 160 ? `${sentence.slice(0, 159)}…` : sentence.replace(/\.$/, "");
}
