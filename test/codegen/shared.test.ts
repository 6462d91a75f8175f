// Shared schemas in generated/tools.ts: the table built from it equals the one written out in full (tools.json, the model),
// validators stay lazy and equal to each tool's own, names come from the spec, and --check names what a shared change touches.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { buildAll, buildFromManifest, type Build } from "../../codegen/build.js";
import { findDrift } from "../../codegen/drift.js";
import { printValue } from "../../codegen/emit/print.js";
import { renderFiles } from "../../codegen/files.js";
import type { ToolModel } from "../../codegen/model.js";
import * as coerce from "../../codegen/coerce.js";
import { buildValidators } from "../../codegen/share/evaluate.js";
import { shareTable, type SharedTable } from "../../codegen/share/index.js";
import { zodSource } from "../../codegen/zod.js";
import type { ToolEntry } from "../../codegen/table.js";
import { movedManifest, tempDir } from "./specs.js";

const CORPUS = "../shared/corpus/specs";
const SPECS = [
  "redocly__museum__1.2.1.yaml",
  "readme-oas-examples__schema-types__oas3.1.json",
  "readme-oas-examples__polymorphism__oas3.0.yaml",
  "readme-oas-examples__train-travel__oas3.1.yaml",
  "authentiq.io__main__1.0.yaml",
].filter((file) => existsSync(join(CORPUS, file)));

/** The module generated/tools.ts would be, run from its text; counts every zod schema it makes. */
function evaluate(text: string): { tools: readonly ToolEntry[]; made: () => number } {
  let made = 0;
  const counted = new Proxy(z, {
    get: (target, key) => {
      const value = Reflect.get(target, key) as unknown;
      return typeof value === "function" ? (...args: unknown[]) => (made++, (value as (...a: unknown[]) => unknown).apply(target, args)) : value;
    },
  });
  const { code } = transformSync(text, { loader: "ts", format: "cjs" });
  const module = { exports: {} as { tools?: readonly ToolEntry[] } };
  const load = (name: string) =>
    name === "zod" ? { z: counted } : name === "./client.js" ? { operations: {} } : name === "./coerce.js" ? coerce : name === "./views.js" ? { views: [] } : undefined;
  new Function("require", "module", "exports", code)(load, module, module.exports);
  return { tools: module.exports.tools!, made: () => made };
}

/** Everything of an entry but its validator, as tools/list and the runtime read it. */
function plain(tool: ToolEntry): string {
  const { input: _input, ...rest } = tool;
  return JSON.stringify(rest);
}

/** A tool's validator source with every shared validator written back in place of its call. */
function expanded(source: string, shared: SharedTable): string {
  const sources = new Map(shared.validators.constants.map((c) => [c.name, c.source]));
  const inline = (text: string): string => text.replace(/\b(z[A-Za-z0-9_$]*)\(\)/g, (call, name: string) => (sources.has(name) ? inline(sources.get(name)!) : call));
  return inline(sources.has(source) ? sources.get(source)! : source.replace(/^\(\) => /, ""));
}

function expectSameTable(build: Build, tools: readonly ToolEntry[]): void {
  expect(tools.map(plain)).toEqual(build.model.tools.map((tool: ToolModel) => JSON.stringify(tool)));
}

async function claraBuild(): Promise<Build> {
  return buildFromManifest("spec/tools.yaml");
}

describe("shared schemas in tools.ts", () => {
  it("build, from the committed generated/tools.ts, exactly the tools tools.json lists (same keys in the same order)", () => {
    const listed = JSON.parse(readFileSync("generated/tools.json", "utf8")) as { tools: Array<Record<string, unknown>> };
    const { tools } = evaluate(readFileSync("generated/tools.ts", "utf8"));
    expect(tools.map((t) => JSON.stringify({ name: t.name, title: t.title, description: t.description, inputSchema: t.inputSchema, ...(t.outputSchema ? { outputSchema: t.outputSchema } : {}), annotations: t.annotations, ...(t.view ? { _meta: { ui: { resourceUri: t.view }, "openai/outputTemplate": t.view } } : {}), roles: t.roles, ...(t.scope ? { scope: t.scope } : {}) }))).toEqual(
      listed.tools.map((t) => JSON.stringify(t)),
    );
  });

  it("build the same table as the model on Clara, the pets fixture and corpus specs", async () => {
    const builds = [await claraBuild(), await buildFromManifest("test/codegen/fixtures/pets/tools.yaml"), ...(await Promise.all(SPECS.map((f) => buildAll(join(CORPUS, f)))))];
    for (const build of builds) {
      const files = await renderFiles(build);
      expectSameTable(build, evaluate(files.get("tools.ts")!).tools);
    }
  });

  it("write each validator as the tool's own would be, shared parts and all, and build none before it is used", async () => {
    const builds = [await claraBuild(), ...(await Promise.all(SPECS.map((f) => buildAll(join(CORPUS, f)))))];
    for (const build of builds) {
      const shared = shareTable(build.model);
      build.model.tools.forEach((tool, i) => expect(expanded(shared.validators.tools[i]!, shared)).toBe(zodSource(tool.inputSchema, tool.resolve.map((r) => r.arg))));
      const makers = buildValidators(z, shared.validators);
      for (const make of makers) expect(typeof make().safeParse).toBe("function");
    }
    const { tools, made } = evaluate(readFileSync("generated/tools.ts", "utf8"));
    expect(made()).toBe(0);
    const first = tools.find((t) => t.name === "list_transactions")!.input;
    expect(made()).toBeGreaterThan(0);
    expect(tools.find((t) => t.name === "list_transactions")!.input).toBe(first);
  });

  it("name constants after the spec's schemas and refer to them in place", () => {
    const text = readFileSync("generated/tools.ts", "utf8");
    for (const name of ["Money", "Card", "CardId", "DateOrDateTime", "Category"]) expect(text).toContain(`\nconst ${name}: JsonSchema = `);
    expect(text).toContain("\nconst zDateOrDateTime = once(() => ");
    expect(text).toMatch(/"items": Card( \}|\n)/);
    expect(text).toMatch(/"spentThisPeriod": \{ \.\.\.Money, "description": "[^"]+" \}/);
    // Half the lines the table took when every schema was written out in place (5,974).
    expect(text.split("\n").length).toBeLessThanOrEqual(2987);
  });

  it("are the same bytes on every run, and on the tools in another order the same constants", async () => {
    const build = await claraBuild();
    const first = (await renderFiles(build)).get("tools.ts")!;
    expect((await renderFiles(await claraBuild())).get("tools.ts")).toBe(first);
    const reversed = shareTable({ ...build.model, tools: [...build.model.tools].reverse() });
    expect(reversed.schemas.constants.map((c) => c.name)).toEqual(shareTable(build.model).schemas.constants.map((c) => c.name));
  });

  it("let --check name a changed shared schema and every tool that holds it", async () => {
    const dir = tempDir();
    const copy = (from: string, edit = (text: string) => text) => writeFileSync(join(dir, from.split("/").pop()!), edit(readFileSync(from, "utf8")));
    copy("spec/clara.openapi.yaml");
    writeFileSync(join(dir, "tools.yaml"), movedManifest());
    const out = join(dir, "generated");
    mkdirSync(out);
    for (const [name, text] of await renderFiles(await buildFromManifest(join(dir, "tools.yaml")))) writeFileSync(join(out, name), text);
    copy("spec/clara.openapi.yaml", (text) => text.replace("description: ISO 4217 currency code.", "description: ISO 4217 code of the currency."));
    const files = await renderFiles(await buildFromManifest(join(dir, "tools.yaml")));
    // tools.ts alone, so the names come from its constants and not from tools.json.
    const drift = findDrift(new Map([["tools.ts", files.get("tools.ts")!]]), out);
    expect(drift.files).toEqual(["tools.ts"]);
    expect(drift.schemas).toEqual(["Money"]);
    expect(drift.tools).toEqual(expect.arrayContaining(["list_cards", "get_card", "get_expense", "update_card_limit", "approve_request"]));
    expect(drift.tools).not.toContain("get_current_user");
    expect(findDrift(files, out).tools).toEqual(drift.tools);
  });
});

describe("printValue", () => {
  it("writes any JSON value back as the same JSON, keys in the same order", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.stringify(JSON.parse(printValue(value)))).toBe(JSON.stringify(value));
      }),
    );
  });
});
