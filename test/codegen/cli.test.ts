// The codegen command: write, --check (drift names files and tools), --diff exit codes, --all.
// (npm test itself runs --check on the committed generated/ before vitest.)
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { movedManifest, tempDir } from "./specs.js";

const run = promisify(execFile);
const TSX = join("node_modules", ".bin", "tsx");

async function codegen(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, ["codegen/main.ts", ...args], { encoding: "utf8" });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function claraCopy(): { dir: string; manifest: string; out: string } {
  const dir = tempDir();
  copyFileSync("spec/clara.openapi.yaml", join(dir, "clara.openapi.yaml"));
  writeFileSync(join(dir, "tools.yaml"), movedManifest());
  return { dir, manifest: join(dir, "tools.yaml"), out: join(dir, "generated") };
}

describe("npm run codegen", () => {
  it("--check fails when the spec changes, naming the files and the tools", async () => {
    const { dir, manifest, out } = claraCopy();
    expect((await codegen(["--manifest", manifest, "--out", out])).code).toBe(0);
    expect((await codegen(["--manifest", manifest, "--out", out, "--check"])).code).toBe(0);
    const specFile = join(dir, "clara.openapi.yaml");
    const spec = readFileSync(specFile, "utf8");
    writeFileSync(specFile, spec.replace("enum: [category, cardholder, merchant, card, day, month]\n          example: category", "enum: [category, cardholder, merchant, card, day, month, week]\n          example: category"));
    const drift = await codegen(["--manifest", manifest, "--out", out, "--check"]);
    expect(drift.code).toBe(1);
    expect(drift.stderr).toMatch(/files: .*tools\.json/);
    expect(drift.stderr).toMatch(/tools: summarize_spending$/m);
    expect(drift.stderr).not.toMatch(/tools: .*list_cards/);
  });

  it("--diff exits non-zero on a breaking change and zero on an additive one", async () => {
    const { manifest, out } = claraCopy();
    expect((await codegen(["--manifest", manifest, "--out", out])).code).toBe(0);
    const old = join(out, "tools.contract.json");
    const same = await codegen(["--manifest", manifest, "--diff", old]);
    expect(same.stdout).toContain("no change to the tool surface");
    expect(same.code).toBe(0);
    const tools = readFileSync(manifest, "utf8");
    writeFileSync(manifest, tools.replace("      cardholderId: { hidden: true }\n    period: { from: from, to: to, default: current_billing_period }\n    pages:", "      cardholderId: { hidden: true }\n      merchant: { hidden: true }\n    period: { from: from, to: to, default: current_billing_period }\n    pages:"));
    const breaking = await codegen(["--manifest", manifest, "--diff", old]);
    expect(breaking.stdout).toMatch(/BREAKING {2}list_transactions: parameter merchant removed or renamed/);
    expect(breaking.code).toBe(1);
  });

  it("fails with the tool named when the manifest names an unknown operation", async () => {
    const { manifest, out } = claraCopy();
    writeFileSync(manifest, readFileSync(manifest, "utf8").replace("operationId: summarizeTransactions", "operationId: summariseTransactions"));
    const result = await codegen(["--manifest", manifest, "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/tools\.yaml: tool summarize_spending \(tools\[6\]\): operationId: no operation "summariseTransactions"/);
    expect(existsSync(out)).toBe(false);
  });

  it("--all writes the full set of files for any spec", async () => {
    const dir = tempDir();
    const out = join(dir, "out");
    const result = await codegen(["--spec", "test/codegen/fixtures/pets/pets.openapi.yaml", "--all", "--out", out]);
    expect(result.code).toBe(0);
    for (const file of ["tools.json", "tools.ts", "client.ts", "coerce.ts", "api.d.ts", "table.ts", "tools.contract.json", "TOOLS.md"]) expect(existsSync(join(out, file))).toBe(true);
    const list = JSON.parse(readFileSync(join(out, "tools.json"), "utf8")) as { tools: Array<{ name: string }> };
    expect(list.tools.map((t) => t.name)).toEqual(["whoAmI", "listPets", "getPet", "adoptPet", "cancelAdoption"]);
  });
});
