// --diff: breaking vs additive changes between two tool contracts.
import { describe, expect, it } from "vitest";
import { buildAll } from "../../codegen/build.js";
import { buildContract } from "../../codegen/contract.js";
import { diffContracts } from "../../codegen/diff.js";
import { ok, openapi, writeSpec } from "./specs.js";

function spec(version: 1 | 2) {
  const status = version === 1 ? ["open", "closed", "archived"] : ["open", "closed"];
  const params: unknown[] = [
    { name: "status", in: "query", schema: { type: "string", enum: status } },
    { name: "min", in: "query", schema: { type: version === 1 ? "number" : "integer" } },
    { name: "owner", in: "query", required: version === 2, schema: { type: "string" } },
  ];
  if (version === 1) params.push({ name: "legacy", in: "query", schema: { type: "string" } });
  if (version === 2) params.push({ name: "sort", in: "query", schema: { type: "string" } });
  const item = { type: "object", required: ["id"], properties: { id: { type: "string" }, ...(version === 1 ? { color: { type: "string" } } : { size: { type: "integer" } }) } };
  const paths: Record<string, unknown> = { "/items": { get: { operationId: "listItems", parameters: params, responses: ok(item) } } };
  if (version === 1) paths["/old"] = { get: { operationId: "oldThing", responses: ok({ type: "object" }) } };
  else paths["/new"] = { get: { operationId: "newThing", responses: ok({ type: "object" }) } };
  return openapi(paths);
}

async function contractOf(version: 1 | 2) {
  return buildContract((await buildAll(writeSpec(spec(version)))).model.tools);
}

describe("contract diff", () => {
  it("classifies each kind of change", async () => {
    const changes = diffContracts(await contractOf(1), await contractOf(2));
    const lines = changes.map((c) => `${c.kind} ${c.tool}: ${c.message}`).sort();
    expect(lines).toEqual(
      [
        "breaking oldThing: tool removed",
        "breaking listItems: parameter legacy removed or renamed",
        "breaking listItems: parameter owner became required",
        "breaking listItems: parameter min type narrowed from number to integer",
        'breaking listItems: parameter status enum value(s) removed: "archived"',
        "breaking listItems: output field color removed",
        "additive listItems: optional parameter sort added",
        "additive listItems: output field size added",
        "additive newThing: tool added",
      ].sort(),
    );
  });

  it("finds no change between a contract and itself, and only additive changes the other way round for added things", async () => {
    const v1 = await contractOf(1);
    expect(diffContracts(v1, v1)).toEqual([]);
    const back = diffContracts(await contractOf(2), v1);
    expect(back.filter((c) => c.kind === "additive").map((c) => c.message)).toEqual(
      expect.arrayContaining(["parameter owner became optional", "parameter min type widened from integer to number", 'parameter status enum value(s) added: "archived"', "tool added"]),
    );
  });
});
