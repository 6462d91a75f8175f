// Snapshots of everything codegen writes for a small non-Clara spec and manifest, and their determinism.
import { describe, expect, it } from "vitest";
import { buildFromManifest } from "../../codegen/build.js";
import { renderFiles } from "../../codegen/files.js";

const MANIFEST = "test/codegen/fixtures/pets/tools.yaml";

describe("generated files for the pets fixture", () => {
  it("match the reviewed snapshots", async () => {
    const files = await renderFiles(await buildFromManifest(MANIFEST));
    expect([...files.keys()]).toEqual(["TOOLS.md", "api.d.ts", "client.ts", "coerce.ts", "table.ts", "tools.contract.json", "tools.json", "tools.ts"]);
    // Written as files, so `npm run typecheck` also compiles the fixture's client and table against its api.d.ts.
    for (const [name, text] of files) {
      await expect(text).toMatchFileSnapshot(`__snapshots__/pets/${name}`);
    }
  });

  it("are the same bytes on every run", async () => {
    const first = await renderFiles(await buildFromManifest(MANIFEST));
    const second = await renderFiles(await buildFromManifest(MANIFEST));
    expect(second).toEqual(first);
  });

  it("apply the manifest's helpers on another API", async () => {
    const { model } = await buildFromManifest(MANIFEST);
    const [list, get, adopt, cancel] = model.tools;
    expect(Object.keys(list!.inputSchema.properties as object)).toEqual(["kind", "name", "bornAfter", "bornBefore", "period", "limit"]);
    expect(list!.args.kind).toEqual({ in: "query", name: "species" });
    expect(list!.pages).toMatchObject({ style: "cursor", cursor: "cursor", next: "next", size: "limit" });
    expect(list!.period).toEqual({ arg: "period", from: "bornAfter", to: "bornBefore" });
    expect(Object.keys(list!.outputSchema!.properties as object)).toEqual(["items", "returned", "hasMore", "period"]);
    expect(get!.resolve[0]).toMatchObject({ arg: "pet", param: "petId", resolver: { operationId: "listPets", items: "items", pageSize: { param: "limit", value: 200 } } });
    expect(adopt!.inputSchema).toMatchObject({ required: ["pet", "adopter"], additionalProperties: false });
    expect(Object.keys(adopt!.inputSchema.properties as object)).toEqual(["pet", "adopter", "comment"]);
    expect(adopt!.fixed).toEqual([{ in: "body", name: "channel", value: "desk" }]);
    expect(adopt!.roles).toEqual(["STAFF"]);
    expect(adopt!.annotations).toEqual({ readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true });
    // After awaiting, the flag may be false, whatever the 202 schema said.
    expect((adopt!.outputSchema!.properties as Record<string, unknown>).queued).toEqual({ type: "boolean" });
    expect(cancel!.outputSchema).toBeUndefined();
    expect(cancel!.annotations).toMatchObject({ destructiveHint: true, idempotentHint: true });
    expect(model.operations.map((o) => o.operationId)).toEqual(["whoAmI", "listPets", "getPet", "adoptPet", "cancelAdoption"]);
  });
});
