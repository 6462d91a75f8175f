// Each schema construct of a spec, on small crafted specs, through --all.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createAjv } from "../../codegen/ajv.js";
import { buildAll } from "../../codegen/build.js";
import { holdsRef } from "../../codegen/survey.js";
import { evaluateZod } from "../../codegen/share/evaluate.js";
import { zodSource } from "../../codegen/zod.js";
import type { ToolModel } from "../../codegen/model.js";
import type { JsonSchema } from "../../codegen/table.js";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ok, openapi, tempDir, writeSpec } from "./specs.js";

async function toolsOf(doc: unknown, name = "spec.yaml") {
  const build = await buildAll(writeSpec(doc, name));
  return { tools: build.model.tools, warnings: build.model.warnings, byName: (n: string) => build.model.tools.find((t) => t.name === n)! };
}

function props(schema: JsonSchema | undefined): Record<string, JsonSchema> {
  return (schema?.properties ?? {}) as Record<string, JsonSchema>;
}

function validator(tool: ToolModel): z.ZodType {
  return evaluateZod(z, zodSource(tool.inputSchema));
}

describe("schema objects", () => {
  it("inlines local $refs, keeping sibling descriptions, so no $ref is left", async () => {
    const { byName } = await toolsOf(
      openapi(
        { "/pets/{id}": { get: { operationId: "getPet", parameters: [{ name: "id", in: "path", required: true, schema: { $ref: "#/components/schemas/Id" } }], responses: ok({ $ref: "#/components/schemas/Pet" }) } } },
        { Id: { type: "string", pattern: "^p_[0-9]+$" }, Pet: { type: "object", required: ["id"], properties: { id: { $ref: "#/components/schemas/Id" }, owner: { $ref: "#/components/schemas/Owner", description: "Who owns it." } } }, Owner: { type: "object", description: "A person.", properties: { name: { type: "string" } } } },
      ),
    );
    const tool = byName("getPet");
    expect(JSON.stringify(tool.inputSchema) + JSON.stringify(tool.outputSchema)).not.toContain("$ref");
    expect(props(tool.inputSchema).id).toMatchObject({ type: "string", pattern: "^p_[0-9]+$" });
    expect(props(tool.outputSchema).owner).toMatchObject({ type: "object", description: "Who owns it." });
    expect(tool.args.id).toEqual({ in: "path", name: "id" });
    expect(tool.inputSchema.required).toEqual(["id"]);
  });

  it("cuts circular $refs after one level, with a warning naming the operation", async () => {
    const { byName, warnings } = await toolsOf(
      openapi({ "/nodes": { get: { operationId: "listNodes", responses: ok({ $ref: "#/components/schemas/Node" }) } } }, { Node: { type: "object", properties: { name: { type: "string" }, children: { type: "array", items: { $ref: "#/components/schemas/Node" } } } } }),
    );
    const out = byName("listNodes").outputSchema!;
    const child = (props(out).children!.items as JsonSchema);
    expect(child.properties).toBeUndefined();
    expect(String(child.description)).toContain("Recursive Node");
    expect(warnings.some((w) => w.includes("listNodes") && w.includes("circular $ref #/components/schemas/Node"))).toBe(true);
    createAjv().compile(out);
  });

  it("merges allOf objects and keeps oneOf/anyOf branches as anyOf", async () => {
    const { byName } = await toolsOf(
      openapi(
        { "/pets": { post: { operationId: "createPet", requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/NewPet" } } } }, responses: ok({ oneOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" }] }) } } },
        {
          Base: { type: "object", required: ["name"], properties: { name: { type: "string" } } },
          NewPet: { allOf: [{ $ref: "#/components/schemas/Base" }, { type: "object", required: ["kind"], properties: { kind: { type: "string", enum: ["cat", "dog"] }, tag: { anyOf: [{ type: "string" }, { type: "integer" }] } } }] },
          Cat: { type: "object", properties: { meows: { type: "boolean" } } },
          Dog: { type: "object", properties: { barks: { type: "boolean" } } },
        },
      ),
    );
    const tool = byName("createPet");
    expect(Object.keys(props(tool.inputSchema))).toEqual(["name", "kind", "tag"]);
    expect(tool.inputSchema.required).toEqual(["name", "kind"]);
    expect(tool.args.kind).toEqual({ in: "body", name: "kind" });
    expect(props(tool.inputSchema).tag!.anyOf).toHaveLength(2);
    expect(tool.outputSchema).toMatchObject({ type: "object", anyOf: [{ properties: { meows: {} } }, { properties: { barks: {} } }] });
    const input = validator(tool);
    expect(input.safeParse({ name: "Tom", kind: "cat", tag: 3 }).success).toBe(true);
    expect(input.safeParse({ name: "Tom", kind: "cow" }).success).toBe(false);
    expect(input.safeParse({ name: "Tom", kind: "cat", tag: true }).success).toBe(false);
  });

  it("reads 3.0 nullable and 3.1 type arrays as null-accepting types", async () => {
    const v30 = await toolsOf(openapi({ "/a": { get: { operationId: "a", parameters: [{ name: "q", in: "query", schema: { type: "string", nullable: true, enum: ["x", "y"] } }], responses: ok({ type: "object", properties: { n: { type: "integer", nullable: true } } }) } } }));
    const q = props(v30.byName("a").inputSchema).q!;
    expect(q).toMatchObject({ type: ["string", "null"], enum: ["x", "y", null] });
    expect(props(v30.byName("a").outputSchema).n).toMatchObject({ type: ["integer", "null"] });
    expect(validator(v30.byName("a")).safeParse({ q: null }).success).toBe(true);
    const v31 = await toolsOf(openapi({ "/b": { get: { operationId: "b", parameters: [{ name: "q", in: "query", schema: { type: ["integer", "null"], const: undefined } }], responses: ok({ type: "object", properties: { s: { type: ["string", "null"] } } }) } } }, {}, "3.1.0"));
    expect(props(v31.byName("b").inputSchema).q).toMatchObject({ type: ["integer", "null"] });
    const b = validator(v31.byName("b"));
    expect(b.safeParse({ q: null }).success).toBe(true);
    expect(b.safeParse({ q: 2 }).success).toBe(true);
    expect(b.safeParse({ q: "2" }).success).toBe(false);
  });

  it("keeps enums, known formats and defaults; drops unknown formats and invalid patterns with a warning", async () => {
    const { byName, warnings } = await toolsOf(
      openapi({
        "/f": {
          get: {
            operationId: "formats",
            parameters: [
              { name: "when", in: "query", schema: { type: "string", format: "date-time" } },
              { name: "size", in: "query", schema: { type: "integer", default: 20, minimum: 1, exclusiveMaximum: true, maximum: 100 } },
              { name: "color", in: "query", schema: { type: "string", enum: ["red", "blue"], default: "red" } },
              { name: "odd", in: "query", schema: { type: "string", format: "my-format", pattern: "[" } },
            ],
            responses: ok({ type: "object" }),
          },
        },
      }),
    );
    const p = props(byName("formats").inputSchema);
    expect(p.when).toMatchObject({ type: "string", format: "date-time" });
    expect(p.size).toMatchObject({ default: 20, minimum: 1, exclusiveMaximum: 100 });
    expect(p.size!.maximum).toBeUndefined();
    expect(p.color).toMatchObject({ enum: ["red", "blue"], default: "red" });
    expect(p.odd!.format).toBeUndefined();
    expect(p.odd!.pattern).toBeUndefined();
    expect(warnings.some((w) => w.includes("formats") && w.includes("not a valid regular expression"))).toBe(true);
    const input = validator(byName("formats"));
    expect(input.safeParse({ when: "2026-01-02T03:04:05Z", size: 99 }).success).toBe(true);
    expect(input.safeParse({ when: "yesterday" }).success).toBe(false);
    expect(input.safeParse({ size: 100 }).success).toBe(false);
    // The validator checks and never fills in defaults.
    expect(input.parse({})).toEqual({});
  });

  it("merges path-level parameters, overridden by the operation's own", async () => {
    const { byName } = await toolsOf(
      openapi({
        "/orgs/{org}/items": {
          parameters: [{ name: "org", in: "path", required: true, schema: { type: "string" } }, { name: "q", in: "query", description: "path-level", schema: { type: "string" } }],
          get: { operationId: "items", parameters: [{ name: "q", in: "query", description: "operation-level", schema: { type: "integer" } }], responses: ok({ type: "object" }) },
        },
      }),
    );
    const tool = byName("items");
    expect(Object.keys(props(tool.inputSchema))).toEqual(["org", "q"]);
    expect(props(tool.inputSchema).q).toMatchObject({ type: "integer", description: "operation-level" });
    expect(tool.args.org).toEqual({ in: "path", name: "org" });
  });

  it("renames a colliding parameter visibly: <location>_<name>, with a warning", async () => {
    const { byName, warnings } = await toolsOf(
      openapi({
        "/items/{id}": {
          put: {
            operationId: "putItem",
            parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }, { name: "status", in: "query", schema: { type: "string" } }],
            requestBody: { content: { "application/json": { schema: { type: "object", required: ["status"], properties: { status: { type: "integer" }, note: { type: "string" } } } } } },
            responses: ok({ type: "object" }),
          },
        },
      }),
    );
    const tool = byName("putItem");
    expect(Object.keys(props(tool.inputSchema))).toEqual(["id", "status", "body_status", "note"]);
    expect(tool.args.status).toEqual({ in: "query", name: "status" });
    expect(tool.args.body_status).toEqual({ in: "body", name: "status" });
    expect(props(tool.inputSchema).body_status).toMatchObject({ type: "integer" });
    // A field the body schema requires stays required, even when the spec leaves requestBody.required out.
    expect(tool.inputSchema.required).toEqual(["id", "body_status"]);
    expect(warnings.some((w) => w.includes("putItem") && w.includes("body_status"))).toBe(true);
  });

  it("leaves readOnly properties out of inputs and writeOnly ones out of outputs", async () => {
    const { byName } = await toolsOf(
      openapi(
        { "/users": { post: { operationId: "createUser", requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/User" } } } }, responses: ok({ $ref: "#/components/schemas/User" }) } } },
        { User: { type: "object", required: ["id", "name", "password"], properties: { id: { type: "string", readOnly: true }, name: { type: "string" }, password: { type: "string", writeOnly: true } } } },
      ),
    );
    const tool = byName("createUser");
    expect(Object.keys(props(tool.inputSchema))).toEqual(["name", "password"]);
    expect(tool.inputSchema.required).toEqual(["name", "password"]);
    expect(Object.keys(props(tool.outputSchema))).toEqual(["id", "name"]);
    expect(tool.outputSchema!.required).toEqual(["id", "name"]);
  });

  it("takes multipart bodies as fields, with a warning about files", async () => {
    const { byName, warnings } = await toolsOf(
      openapi({ "/upload": { post: { operationId: "upload", requestBody: { content: { "multipart/form-data": { schema: { type: "object", properties: { file: { type: "string", format: "binary" }, title: { type: "string" } } } } } }, responses: ok({ type: "object" }) } } }),
    );
    const tool = byName("upload");
    expect(tool.args.file).toEqual({ in: "body", name: "file" });
    expect(props(tool.inputSchema).file).toMatchObject({ type: "string", format: "binary" });
    expect(validator(tool).safeParse({ file: "plain text, not base64!", title: "x" }).success).toBe(true);
    expect(warnings.some((w) => w.includes("upload") && w.includes("multipart"))).toBe(true);
  });

  it("gives a non-object body as one `body` argument and wraps a non-object answer", async () => {
    const { byName } = await toolsOf(openapi({ "/tags": { put: { operationId: "setTags", requestBody: { required: true, content: { "application/json": { schema: { type: "array", items: { type: "string" } } } } }, responses: ok({ type: "array", items: { type: "string" } }) } } }));
    const tool = byName("setTags");
    expect(tool.args.body).toEqual({ in: "body", name: "" });
    expect(tool.inputSchema.required).toEqual(["body"]);
    expect(tool.wrapOutput).toBe("result");
    expect(tool.outputSchema).toMatchObject({ type: "object", required: ["result"], properties: { result: { type: "array" } } });
  });

  it("merges several 2xx object answers: properties united, required the intersection", async () => {
    const { byName } = await toolsOf(
      openapi({
        "/jobs": {
          post: {
            operationId: "startJob",
            responses: {
              "200": { description: "done", content: { "application/json": { schema: { type: "object", required: ["id", "result"], properties: { id: { type: "string" }, result: { type: "string" } } } } } },
              "202": { description: "later", content: { "application/json": { schema: { type: "object", required: ["id", "pending"], properties: { id: { type: "string" }, pending: { type: "boolean" } } } } } },
            },
          },
        },
      }),
    );
    const out = byName("startJob").outputSchema!;
    expect(Object.keys(props(out))).toEqual(["id", "result", "pending"]);
    expect(out.required).toEqual(["id"]);
  });

  it("converts Swagger 2.0 (with swagger not the first key) to OpenAPI 3", async () => {
    const { byName } = await toolsOf(
      {
        info: { title: "Old", version: "1" },
        swagger: "2.0",
        paths: {
          "/things/{id}": {
            get: { operationId: "getThing", parameters: [{ name: "id", in: "path", required: true, type: "integer" }, { name: "verbose", in: "query", type: "boolean" }], responses: { "200": { description: "ok", schema: { $ref: "#/definitions/Thing" } } } },
            post: { operationId: "makeThing", consumes: ["application/json"], parameters: [{ name: "id", in: "path", required: true, type: "integer" }, { name: "body", in: "body", schema: { $ref: "#/definitions/Thing" } }], responses: { "200": { description: "ok" } } },
          },
        },
        definitions: { Thing: { type: "object", properties: { name: { type: "string", "x-nullable": true } } } },
      },
      "old.json",
    );
    expect(props(byName("getThing").inputSchema)).toMatchObject({ id: { type: "integer" }, verbose: { type: "boolean" } });
    expect(props(byName("getThing").outputSchema).name).toMatchObject({ type: ["string", "null"] });
    expect(byName("makeThing").args.name).toEqual({ in: "body", name: "name" });
    expect(byName("makeThing").outputSchema).toBeUndefined();
  });

  it("names operations without operationIds from method and path, valid, unique and at most 64 characters", async () => {
    const long = `/${"very-long-segment/".repeat(6)}{id}`;
    const { tools } = await toolsOf(
      openapi({
        "/a/b": { get: { responses: ok({ type: "object" }) }, post: { responses: ok({ type: "object" }) } },
        "/a.b": { get: { responses: ok({ type: "object" }) } },
        [long]: { get: { parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }], responses: ok({ type: "object" }) } },
        "/x": { get: { operationId: "dup/op:with spaces", responses: ok({ type: "object" }) } },
        "/y": { get: { operationId: "dup/op:with spaces", responses: ok({ type: "object" }) } },
      }),
    );
    const names = tools.map((t) => t.name);
    expect(names.slice(0, 3)).toEqual(["get_a_b", "post_a_b", "get_a_b_2"]);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
    expect(names[3]!.length).toBeLessThanOrEqual(64);
  });

  it("warns about what it cannot support (cookies, external refs) without failing", async () => {
    const { byName, warnings } = await toolsOf(
      openapi({ "/c": { get: { operationId: "withCookie", parameters: [{ name: "session", in: "cookie", schema: { type: "string" } }, { name: "ext", in: "query", schema: { $ref: "other.yaml#/Thing" } }], responses: ok({ type: "object" }) } } }),
    );
    expect(Object.keys(props(byName("withCookie").inputSchema))).toEqual(["ext"]);
    expect(warnings.some((w) => w.includes("withCookie") && w.includes("cookie parameter session"))).toBe(true);
    expect(warnings.some((w) => w.includes("withCookie") && w.includes("external $ref other.yaml#/Thing"))).toBe(true);
  });

  it("reads JSON with a byte-order mark and YAML alike", async () => {
    const doc = openapi({ "/p": { get: { operationId: "ping", responses: ok({ type: "object", properties: { pong: { type: "boolean" } } }) } } });
    const dir = tempDir();
    writeFileSync(join(dir, "bom.json"), "\ufeff" + JSON.stringify(doc));
    const fromJson = await buildAll(join(dir, "bom.json"));
    const fromYaml = await buildAll(writeSpec(doc, "same.yaml"));
    expect(fromJson.model.tools.map((t) => t.name)).toEqual(["ping"]);
    expect(fromJson.model.tools[0]!.outputSchema).toEqual(fromYaml.model.tools[0]!.outputSchema);
  });

  it("keeps a property named $ref (as Kubernetes has) without mistaking it for a reference", async () => {
    const { byName } = await toolsOf(openapi({ "/crd": { post: { operationId: "makeCrd", requestBody: { content: { "application/json": { schema: { type: "object", properties: { $ref: { type: "string" }, kind: { type: "string" } } } } } }, responses: ok({ type: "object" }) } } }));
    const tool = byName("makeCrd");
    expect(Object.keys(props(tool.inputSchema))).toEqual(["$ref", "kind"]);
    expect(holdsRef(tool.inputSchema)).toBe(false);
    expect(holdsRef({ type: "object", properties: { a: { $ref: "#/x" } } })).toBe(true);
  });
});
