// OAuth scopes in the manifest: declared once under api.scopes, one per tool, checked with errors that
// name the file, the tool and the field, and emitted in the table, tools.json, the contract and TOOLS.md.
import { describe, expect, it } from "vitest";
import { buildFromManifest } from "../../codegen/build.js";
import { buildContract } from "../../codegen/contract.js";
import { diffContracts } from "../../codegen/diff.js";
import { ManifestError, parseManifest } from "../../codegen/manifest.js";
import { table } from "../../generated/tools.js";
import { claraManifest, manifestWith, problems, tool } from "./clara-copy.js";

describe("OAuth scopes in the manifest", () => {
  it("Clara's tools each need one scope, reads apart from each kind of write", () => {
    expect(table.api.scopes?.map((s) => s.name)).toEqual(["cards:read", "expenses:read", "cards:lock", "limits:write", "approvals:write"]);
    const by = (scope: string) => table.tools.filter((t) => t.scope === scope).map((t) => t.name);
    expect(by("cards:lock")).toEqual(["lock_card", "unlock_card"]);
    expect(by("limits:write")).toEqual(["update_card_limit"]);
    expect(by("approvals:write")).toEqual(["approve_request", "reject_request"]);
    // Every tool of a read scope is read-only.
    for (const t of table.tools.filter((t) => t.scope?.endsWith(":read"))) expect(t.annotations.readOnlyHint, t.name).toBe(true);
    expect(table.tools.every((t) => t.scope !== undefined)).toBe(true);
    expect(table.api.scopes?.find((s) => s.name === "cards:lock")?.words).toBe("lock and unlock cards");
  });

  it("a tool without a scope, or with an undeclared one, is an error naming the tool and the field", async () => {
    const lines = await problems(
      manifestWith((m) => {
        delete tool(m, "lock_card").scope;
        tool(m, "unlock_card").scope = "cards:unlock";
      }),
    );
    expect(lines).toContainEqual(expect.stringMatching(/tools\.yaml: tool lock_card \(tools\[3\]\): scope: required when api\.scopes is declared \(one of cards:read, /));
    expect(lines).toContainEqual(expect.stringMatching(/tools\.yaml: tool unlock_card \(tools\[4\]\): scope: "cards:unlock" is not one of api\.scopes/));
  });

  it("a declared scope no tool needs is an error; so is a scope without api.scopes", async () => {
    expect(await problems(manifestWith((m) => (m.api.scopes["audit:read"] = { words: "read the audit trail" })))).toContainEqual(
      expect.stringMatching(/tools\.yaml: api\.scopes\.audit:read: no tool needs this scope/),
    );
    const without = await problems(
      manifestWith((m) => {
        delete m.api.scopes;
        for (const t of m.tools) delete t.scope;
        tool(m, "get_card").scope = "cards:read";
      }),
    );
    expect(without).toEqual([expect.stringMatching(/tool get_card \(tools\[2\]\): scope: declare api\.scopes first/)]);
  });

  it("scope names and words are checked by shape", () => {
    const shapeProblems = (edit: (raw: Record<string, any>) => void): string[] => {
      const raw = structuredClone(claraManifest);
      edit(raw);
      try {
        parseManifest(raw, "spec/tools.yaml");
      } catch (e) {
        return (e as ManifestError).problems;
      }
      return [];
    };
    expect(shapeProblems((raw) => (raw.api.scopes["Bad Scope"] = { words: "x" }))).toEqual([
      expect.stringMatching(/^spec\/tools\.yaml: api\.scopes\.Bad Scope: a scope is lower case/),
    ]);
    expect(shapeProblems((raw) => (raw.api.scopes["cards:read"] = { word: "typo" }))).toContainEqual('spec/tools.yaml: api.scopes.cards:read: Unrecognized key: "word"');
  });

  it("a manifest without scopes still builds, and its tools carry none", async () => {
    const build = await buildFromManifest(
      manifestWith((m) => {
        delete m.api.scopes;
        for (const t of m.tools) delete t.scope;
      }),
    );
    expect(build.model.api.scopes).toBeUndefined();
    expect(build.model.tools.every((t) => t.scope === undefined)).toBe(true);
  });

  it("moving a tool to another scope is a breaking change of the contract", async () => {
    const before = buildContract((await buildFromManifest(manifestWith(() => {}))).model.tools);
    const after = buildContract((await buildFromManifest(manifestWith((m) => (tool(m, "get_card_limit").scope = "limits:write")))).model.tools);
    expect(before.tools.get_card_limit?.scope).toBe("cards:read");
    expect(diffContracts(before, after)).toContainEqual(expect.objectContaining({ kind: "breaking", tool: "get_card_limit", message: "now needs OAuth scope limits:write (was cards:read)" }));
  });
});
