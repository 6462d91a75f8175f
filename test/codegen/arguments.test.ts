// Arguments as models send them: numbers for text where a string's pattern takes their canonical text,
// natural references sent as numbers, and refusals that say in words what is accepted. Decided in codegen
// from the schema alone: crafted schemas, the pets fixture, and the corpus subset.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { buildAll, buildFromManifest } from "../../codegen/build.js";
import type { ToolModel } from "../../codegen/model.js";
import { buildValidators, evaluateZod } from "../../codegen/share/evaluate.js";
import { shareTable } from "../../codegen/share/index.js";
import { wordsFor } from "../../codegen/shape/words.js";
import type { JsonSchema, ToolEntry } from "../../codegen/table.js";
import { coercionOf, takesNumberText, zodSource } from "../../codegen/zod.js";
import { invalidArguments } from "../../src/gateway/call/validation.js";
import { ok, openapi, writeSpec } from "./specs.js";

const param = (name: string, schema: JsonSchema) => ({ name, in: "query", schema });

const SCHEMAS: Record<string, JsonSchema> = {
  amount: { type: "string", pattern: "^(0|[1-9][0-9]{0,12})(\\.[0-9]{1,2})?$" },
  cents: { type: "string", pattern: "^-?(0|[1-9][0-9]*)\\.[0-9]{2}$" },
  zip: { type: "string", pattern: "^[0-9]{5}$" },
  currency: { type: "string", pattern: "^[A-Z]{3}$", examples: ["MXN"] },
  slug: { type: "string", pattern: "^[a-z0-9-]+$" },
  free: { type: "string" },
  day: { type: "string", format: "date" },
  count: { type: "integer", minimum: 1, maximum: 50 },
  kind: { type: "string", enum: ["cat", "dog", "rabbit"] },
  orderId: { type: "string", pattern: "^ord_[A-Za-z0-9]{6}$", examples: ["ord_7Hq2Lm"] },
};

async function crafted(): Promise<ToolEntry> {
  const doc = openapi({
    "/orders": { get: { operationId: "listOrders", parameters: Object.entries(SCHEMAS).map(([name, schema]) => param(name, schema)), responses: ok({ type: "object" }) } },
  });
  const build = await buildAll(writeSpec(doc));
  const tool = build.model.tools[0]!;
  const [make] = buildValidators(z, shareTable(build.model).validators);
  return { ...tool, input: make!() } as ToolEntry;
}

/** The issues of one argument alone (the others are all optional here). */
function parse(tool: ToolEntry, name: string, value: unknown) {
  const result = tool.input.safeParse({ [name]: value });
  return result.success ? { value: (result.data as Record<string, unknown>)[name] } : { refused: invalidArguments(tool, result.error, { [name]: value }) };
}

describe("numbers for text, decided from the pattern", () => {
  it("a pattern that takes decimals takes numbers as their canonical text, and the pattern still decides", async () => {
    const tool = await crafted();
    expect(parse(tool, "amount", 5000)).toEqual({ value: "5000" });
    expect(parse(tool, "amount", "5000")).toEqual({ value: "5000" });
    expect(parse(tool, "amount", 1234.5)).toEqual({ value: "1234.5" });
    expect(parse(tool, "amount", 0)).toEqual({ value: "0" });
    // Refused, in words: three decimals, a negative, an exponent form, infinity.
    for (const bad of [1234.567, -5, 1e21, Infinity, Number.NaN]) {
      expect(parse(tool, "amount", bad).refused, String(bad)).toContain(`- amount: expected a decimal amount such as "5000" or "1234.50"; got`);
    }
    // Exactly two decimals: 1234.5 becomes "1234.5", which that pattern does not take.
    expect(parse(tool, "cents", 1234.56)).toEqual({ value: "1234.56" });
    expect(parse(tool, "cents", 1234.5).refused).toContain(`- cents: expected a decimal amount with two decimals, such as "1234.50"; got 1234.5`);
    expect(parse(tool, "zip", 12345)).toEqual({ value: "12345" });
    expect(parse(tool, "zip", 1234).refused).toContain(`- zip: expected 5 digits as text, such as "48210"; got 1234 (a number loses its leading zeros)`);
    expect(parse(tool, "slug", 42)).toEqual({ value: "42" });
  });

  it("leaves numbers refused where no pattern takes their text, or where there is no pattern", async () => {
    const tool = await crafted();
    expect(coercionOf(SCHEMAS.currency!)).toBeUndefined();
    expect(coercionOf(SCHEMAS.free!)).toBeUndefined();
    expect(coercionOf(SCHEMAS.orderId!)).toBeUndefined();
    expect(parse(tool, "currency", 484).refused).toContain(`- currency: expected text such as "MXN"; got 484`);
    expect(parse(tool, "free", 5).refused).toContain(`- free: expected text; got 5`);
    expect(parse(tool, "orderId", 123456).refused).toContain(`- orderId: expected an id such as "ord_7Hq2Lm"; got 123456`);
    expect(parse(tool, "day", 20261130).refused).toContain(`- day: expected a date such as "2026-11-30"; got 20261130`);
    expect(parse(tool, "count", "7").refused).toContain(`- count: expected a whole number from 1 to 50; got "7"`);
    expect(parse(tool, "kind", "horse").refused).toContain(`- kind: expected one of cat, dog or rabbit; got "horse"`);
    expect(parse(tool, "free", true).refused).toContain(`- free: expected text; got true`);
  });

  it("never prints the regular expression, and names unknown arguments with the known ones", async () => {
    const tool = await crafted();
    for (const [name, value] of [["amount", "5,000"], ["zip", "x"], ["currency", "mxn"], ["orderId", "nope"]] as const) {
      const refused = parse(tool, name, value).refused!;
      expect(refused).not.toMatch(/\^|\$|\[0-9\]|pattern/);
    }
    const result = tool.input.safeParse({ amout: "5" });
    expect(invalidArguments(tool, result.error!, { amout: "5" })).toContain(`- amout: not an argument of listOrders (its arguments: amount, cents, zip`);
  });

  it("is the same rule for the JSON Schema and the emitted source, on its own", () => {
    expect(takesNumberText("^[0-9]+$")).toBe(true);
    expect(takesNumberText("^-?[0-9]+(\\.[0-9]+)?$")).toBe(true);
    expect(takesNumberText("^[A-Z]+$")).toBe(false);
    expect(takesNumberText("([")).toBe(false);
    expect(zodSource(SCHEMAS.amount!)).toMatch(/^z\.preprocess\(numberText, z\.string\(\)\.regex/);
    expect(zodSource(SCHEMAS.currency!)).toMatch(/^z\.string\(\)\.regex/);
    expect(evaluateZod(z, zodSource(SCHEMAS.amount!)).parse(12.5)).toBe("12.5");
  });
});

describe("natural references sent as numbers", () => {
  it("take 4 digits or more as their digits, and ask for fewer as text", async () => {
    const { model } = await buildFromManifest("test/codegen/fixtures/pets/tools.yaml");
    const shared = shareTable(model);
    const makers = buildValidators(z, shared.validators);
    const index = model.tools.findIndex((t) => t.name === "get_pet");
    const tool = { ...model.tools[index]!, input: makers[index]!() } as ToolEntry;
    expect(tool.input.parse({ pet: 4821 })).toEqual({ pet: "4821" });
    expect(tool.input.parse({ pet: 123456 })).toEqual({ pet: "123456" });
    for (const few of [123, 0, 7, -4821, 48.21]) {
      const result = tool.input.safeParse({ pet: few });
      expect(invalidArguments(tool, result.error!, { pet: few })).toBe(
        `Invalid arguments for get_pet; nothing was sent:\n- pet: send the last 4 digits as text, such as "0123" (a number loses its leading zeros)`,
      );
    }
    expect(tool.accepts).toEqual({ pet: "The pet, by id (pet_…) or by name" });
  });
});

describe("words for schemas", () => {
  it("say what a schema accepts without its regular expression", () => {
    expect(wordsFor({ type: "string", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}(T.*)?$" })).toBe(`a date such as "2026-11-30", or a date and time such as "2026-11-30T09:00:00-06:00"`);
    expect(wordsFor({ type: "array", minItems: 1, items: { type: "string", enum: ["A", "B", "C"] } })).toBe("a list of one or more of A, B or C");
    expect(wordsFor({ type: "string", enum: ["A", "B"] })).toBe("A or B");
    expect(wordsFor({ type: "boolean" })).toBe("true or false");
    expect(wordsFor({ type: "string", minLength: 1, maxLength: 100, examples: ["uber"] })).toBe(`text of 1 to 100 characters, such as "uber"`);
    expect(wordsFor({ type: "string", pattern: "^[^@]+@x$", description: "A login at x. More words." })).toBe("text in the form the API expects (A login at x)");
    expect(wordsFor({ anyOf: [{ type: "integer" }, { type: "string", format: "date" }] })).toBe(`a whole number or a date such as "2026-11-30"`);
  });
});

const CORPUS = "../shared/corpus/specs";
const SUBSET = [
  "canada-holidays.ca__main__1.0.yaml", // a year: ^\d{4}$
  "fulfillment.com__main__2.0.yaml", // ^\d{6}$, ^\d{2}$
  "bbc.com__main__1.0.0.yaml", // ids of digits and letters
  "redocly__museum__1.2.1.yaml",
  "readme-oas-examples__schema-types__oas3.1.json",
  "readme-oas-examples__parameters-style__oas3.0.json",
  "readme-oas-examples__train-travel__oas3.1.yaml",
  "authentiq.io__main__1.0.yaml",
  "exchangerate-api.com__main__4.yaml",
  "xkcd.com__main__1.0.0.yaml",
].filter((file) => existsSync(join(CORPUS, file)));
const PROBES = [0, 7, 42, 2026, 4821, 5000, 12345678, 1234.5, 0.25, -5, 1e21];

/** Every top-level string argument with a pattern, and its schema as the tool advertises it. */
function patterned(tool: ToolModel): Array<[string, JsonSchema]> {
  return Object.entries((tool.inputSchema.properties ?? {}) as Record<string, JsonSchema>).filter(([, s]) => s.type === "string" && typeof s.pattern === "string");
}

describe.skipIf(SUBSET.length === 0)("the corpus subset", () => {
  it("every emitted validator takes a number exactly where its pattern takes the number's text, and refuses it elsewhere", async () => {
    let strings = 0;
    let forgiving = 0;
    let checked = 0;
    for (const file of SUBSET) {
      const build = await buildAll(join(CORPUS, file));
      const makers = buildValidators(z, shareTable(build.model).validators);
      build.model.tools.forEach((tool, i) => {
        const input = makers[i]!();
        const typed = Object.entries((tool.inputSchema.properties ?? {}) as Record<string, JsonSchema>).filter(([, s]) => s.type === "string");
        strings += typed.length;
        for (const [name, schema] of typed) {
          const regex = typeof schema.pattern === "string" ? new RegExp(schema.pattern) : undefined;
          const rule = coercionOf(schema) === "numberText";
          if (rule) forgiving++;
          for (const n of PROBES) {
            const issues = input.safeParse({ [name]: n }).error?.issues.filter((issue) => issue.path[0] === name) ?? [];
            const text = String(n);
            const should = rule && !text.includes("e") && regex!.test(text);
            expect(issues.length === 0, `${file} ${tool.name}.${name} = ${n}`).toBe(should);
            // The string form is judged exactly as before: the number changes nothing about it.
            if (should) expect(input.safeParse({ [name]: text }).error?.issues.filter((issue) => issue.path[0] === name) ?? []).toEqual([]);
            checked++;
          }
        }
      });
    }
    console.log(`corpus subset: ${strings} string arguments, ${forgiving} whose pattern takes numbers' text; ${checked} probes`);
    expect(strings).toBeGreaterThan(20);
    expect(forgiving).toBeGreaterThan(3);
    expect(checked).toBeGreaterThan(100);
  });

  it("words for every patterned argument, none of them the pattern", async () => {
    let told = 0;
    for (const file of SUBSET) {
      const build = await buildAll(join(CORPUS, file));
      for (const tool of build.model.tools) {
        for (const [name, schema] of patterned(tool)) {
          const words = tool.accepts?.[name];
          expect(words, `${tool.name}.${name}`).toBeTruthy();
          expect(words).not.toContain(schema.pattern as string);
          told++;
        }
      }
    }
    console.log(`corpus subset: ${told} patterned arguments told in words`);
  });
});
