// generated/ for Clara: schemas compile, validators accept the spec's examples and refuse wrong types,
// output schemas accept the spec's example answers as the runtime reshapes them.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createAjv } from "../../codegen/ajv.js";
import type { JsonSchema } from "../../codegen/table.js";
import { table, tools } from "../../generated/tools.js";

const ajv = createAjv();
const listed = JSON.parse(readFileSync("generated/tools.json", "utf8")) as { tools: Array<Record<string, unknown>> };
const spec = parse(readFileSync("spec/clara.openapi.yaml", "utf8")) as any;
const byName = (name: string) => tools.find((t) => t.name === name)!;
const props = (schema: JsonSchema) => schema.properties as Record<string, JsonSchema>;

/** A value of a type the property does not accept. */
function wrongValue(schema: JsonSchema): unknown {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  // A number is no wrong value for a string whose pattern takes its text (5000 → "5000"); a boolean always is.
  if (types.includes("string")) return true;
  if (types.includes("integer") || types.includes("number")) return "12";
  if (types.includes("boolean")) return "true";
  if (types.includes("array")) return "one";
  return 12345;
}

function example(name: string, code = "200"): unknown {
  const operations = Object.values(spec.paths as Record<string, Record<string, any>>).flatMap((item) => Object.values(item)) as any[];
  const media = operations.find((op) => op?.operationId === name)?.responses[code].content["application/json"];
  const first = Object.values(media.examples as Record<string, any>)[0];
  return first.$ref ? spec.components.examples[first.$ref.split("/").pop()].value : first.value;
}

describe("generated Clara tools", () => {
  it("serve the manifest's tools, with self-contained object schemas that compile as JSON Schema 2020-12", () => {
    expect(tools.map((t) => t.name).slice(0, 7)).toEqual(["get_current_user", "list_cards", "get_card", "lock_card", "unlock_card", "list_transactions", "summarize_spending"]);
    expect(listed.tools.map((t) => t.name)).toEqual(tools.map((t) => t.name));
    for (const tool of tools) {
      expect(JSON.stringify(tool.inputSchema)).not.toContain("$ref");
      expect(tool.inputSchema).toMatchObject({ type: "object", additionalProperties: false });
      expect(tool.outputSchema?.type).toBe("object");
      ajv.compile(tool.inputSchema);
      ajv.compile(tool.outputSchema!);
      expect(table.operations[tool.operationId]).toMatchObject({ method: tool.method, path: tool.path });
    }
  });

  it("validators accept every example of every argument, and the natural references", () => {
    let checked = 0;
    expect(sampled().map((t) => t.name)).toEqual(expect.arrayContaining(["list_cards", "get_card", "lock_card", "list_transactions", "summarize_spending"]));
    for (const tool of sampled()) {
      for (const [name, schema] of Object.entries(props(tool.inputSchema))) {
        for (const value of (schema.examples as unknown[] | undefined) ?? []) {
          const args = { ...requiredSample(tool.inputSchema), [name]: value };
          const result = tool.input.safeParse(args);
          expect(result.success, `${tool.name}.${name} = ${JSON.stringify(value)}`).toBe(true);
          expect(ajv.validate(tool.inputSchema, args), `${tool.name}.${name} by JSON Schema`).toBe(true);
          checked++;
        }
      }
      if (tool.resolve.length > 0) for (const ref of ["4821", "•••• 4821", "luis perez", "card_7Hq2LmX9"]) expect(tool.input.safeParse({ ...requiredSample(tool.inputSchema), card: ref }).success).toBe(true);
    }
    expect(checked).toBeGreaterThan(30);
  });

  it("validators refuse wrong types, unknown arguments and missing required ones, as the JSON Schema does", () => {
    for (const tool of sampled()) {
      const base = requiredSample(tool.inputSchema);
      for (const [name, schema] of Object.entries(props(tool.inputSchema))) {
        const args = { ...base, [name]: wrongValue(schema) };
        expect(tool.input.safeParse(args).success, `${tool.name}.${name} wrong type`).toBe(false);
        expect(ajv.validate(tool.inputSchema, args)).toBe(false);
      }
      expect(tool.input.safeParse({ ...base, unexpected: 1 }).success).toBe(false);
      for (const name of (tool.inputSchema.required as string[] | undefined) ?? []) {
        const { [name]: _dropped, ...rest } = base;
        expect(tool.input.safeParse(rest).success, `${tool.name} without ${name}`).toBe(false);
      }
    }
    expect(byName("list_transactions").input.safeParse({ period: "next_month" }).success).toBe(false);
    expect(byName("list_cards").input.safeParse({ limit: 501 }).success).toBe(false);
  });

  it("shape arguments as the manifest says: resolve, period, pages, fixed and hidden parameters", () => {
    const lock = byName("lock_card");
    expect(Object.keys(props(lock.inputSchema))).toEqual(["card"]);
    expect(lock.args.card).toEqual({ in: "path", name: "cardId" });
    expect(lock.fixed).toEqual([{ in: "body", name: "lock", value: true }]);
    expect(byName("unlock_card").fixed).toEqual([{ in: "body", name: "lock", value: false }]);
    expect(lock.resolve[0]).toMatchObject({ arg: "card", param: "cardId", resolver: { operationId: "listCards", items: "data", pageSize: { param: "size", value: 100 } } });
    expect(lock.annotations).toEqual({ readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false });
    const list = byName("list_transactions");
    expect(list.inputSchema.required).toBeUndefined();
    expect(Object.keys(props(list.inputSchema))).not.toContain("cardholderId");
    expect(Object.keys(props(list.inputSchema))).not.toContain("page");
    expect(String(props(list.inputSchema).period!.description)).toMatch(/last_billing_period.*company's time zone/);
    expect(list.period).toEqual({ arg: "period", from: "from", to: "to", default: "current_billing_period" });
    const summary = byName("summarize_spending");
    expect(summary.inputSchema.required).toEqual(["groupBy"]);
    expect(summary.fixed).toEqual([]);
    expect(summary.args.status).toEqual({ in: "query", name: "status", default: ["POSTED", "PENDING"] });
    expect(props(summary.inputSchema).status).toMatchObject({ type: "array", default: ["POSTED", "PENDING"] });
    expect(summary.pages).toBeUndefined();
    expect(Object.keys(props(summary.inputSchema))).toEqual(expect.arrayContaining(["groupBy", "limit", "card", "period"]));
  });

  it("output schemas accept the spec's example answers as the runtime reshapes them", () => {
    expect(ajv.validate(byName("get_current_user").outputSchema!, example("getCurrentUser"))).toBe(true);
    expect(ajv.validate(byName("get_card").outputSchema!, example("getCard"))).toBe(true);
    const cards = example("listCards") as { data: unknown[]; totalItems: number };
    const pagedCards = { data: cards.data, totalItems: cards.totalItems, returned: cards.data.length, hasMore: false };
    expect(ajv.validate(byName("list_cards").outputSchema!, pagedCards)).toBe(true);
    expect(ajv.validate(byName("list_cards").outputSchema!, cards)).toBe(false);
    const txns = example("listTransactions") as { data: unknown[]; totalItems: number };
    const period = { from: "2026-11-06", to: "2026-12-05", timeZone: "America/Mexico_City", preset: "current_billing_period" };
    // list_transactions answers a table: columns once, each transaction a row of their values.
    const list = byName("list_transactions");
    const columns = list.pages!.table!;
    const rows = txns.data.map((t) => columns.map((path) => path.split(".").reduce((v: any, k) => v?.[k], t) ?? null));
    expect(ajv.validate(list.outputSchema!, { columns, data: rows, totalItems: 1, returned: 1, hasMore: false, period })).toBe(true);
    expect(ajv.validate(list.outputSchema!, { columns, data: txns.data, totalItems: 1, returned: 1, hasMore: false, period })).toBe(false);
    expect(ajv.validate(list.outputSchema!, { columns: [...columns].reverse(), data: rows, totalItems: 1, returned: 1, hasMore: false, period })).toBe(false);
    const offered = { download: "https://mcp.example/exports/x.csv", expiresAt: "2026-11-20T18:10:00Z", count: 2 };
    expect(ajv.validate(list.outputSchema!, { columns, data: rows, totalItems: 2, returned: 1, hasMore: true, period, export: offered })).toBe(true);
    expect(ajv.validate(byName("summarize_spending").outputSchema!, { ...(example("summarizeTransactions") as object), period })).toBe(true);
    const locked = example("toggleCardLock") as Record<string, unknown>;
    const pending = example("toggleCardLock", "202") as Record<string, unknown>;
    const lock = byName("lock_card").outputSchema!;
    expect(ajv.validate(lock, locked)).toBe(true);
    expect(ajv.validate(lock, pending)).toBe(true);
    expect(ajv.validate(lock, { ...pending, pending: false })).toBe(true);
    expect(ajv.validate(lock, { ...locked, card: { id: "card_1" } })).toBe(false);
  });
});

/** Valid values for the required arguments, from the schema's examples and enums ("4821" for a card reference). */
function requiredSample(schema: JsonSchema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of (schema.required as string[] | undefined) ?? []) {
    const prop = props(schema)[name]!;
    out[name] = (prop.examples as unknown[] | undefined)?.[0] ?? (prop.enum as unknown[] | undefined)?.[0] ?? (name === "card" ? "4821" : undefined);
  }
  return out;
}

/** Tools whose required arguments all have a known valid value. */
function sampled(): typeof tools {
  return tools.filter((t) => Object.values(requiredSample(t.inputSchema)).every((v) => v !== undefined));
}
