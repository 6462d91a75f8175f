// Spec 1.1.0 adds to the tool surface of 1.0.0, and list_transactions' items are slimmed on purpose:
// `codegen --diff` against the v1 contract says exactly that, and the same diff against a doctored v1
// (a tool 1.1.0 no longer has) reports it as breaking.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const TSX = join("node_modules", ".bin", "tsx");
const V1 = "test/fixtures/tools.contract.v1.json";
const NEW_TOOLS = [
  "approve_request", "get_card_limit", "get_expense", "list_expenses", "list_pending_approvals", "list_reimbursements", "reject_request", "update_card_limit",
];

async function diff(contract: string): Promise<{ code: number; lines: string[] }> {
  try {
    const { stdout } = await run(TSX, ["codegen/main.ts", "--diff", contract], { encoding: "utf8" });
    return { code: 0, lines: stdout.trim().split("\n") };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, lines: e.stdout.trim().split("\n") };
  }
}

const dir = mkdtempSync(join(tmpdir(), "clara-additive-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("spec 1.1.0 against the 1.0.0 tool contract", () => {
  it("adds the eight new tools and summarize_spending's statuses; breaks only list_transactions' items, slimmed to a table on purpose", async () => {
    const v1 = JSON.parse(readFileSync(V1, "utf8"));
    expect(Object.keys(v1.tools)).toHaveLength(7);
    const { code, lines } = await diff(V1);
    const changes = lines.slice(0, -1);
    expect(changes.flatMap((line) => /^additive {2}(\w+): tool added$/.exec(line)?.[1] ?? []).sort()).toEqual(NEW_TOOLS);
    // Which statuses a summary counts: a visible argument with a declared default, and the answer says them.
    expect(changes).toContain("additive  summarize_spending: optional parameter status added");
    expect(changes).toContain("additive  summarize_spending: output field statuses added");
    // The one deliberate break (issue 14): each transaction of the structured answer is a row of the
    // fields its text line tells; the items in full are in the export. Nothing else narrows or goes.
    const breaking = changes.filter((line) => line.startsWith("BREAKING"));
    expect(breaking).toContain("BREAKING  list_transactions: output field data type changed from array<object> to array<array<any>>");
    expect(breaking.every((line) => /^BREAKING {2}list_transactions: output field data(\[\]\.[\w.]+ removed| type changed)/.test(line))).toBe(true);
    expect(changes).toContain("additive  list_transactions: output field columns added");
    expect(changes).toContain("additive  list_transactions: output field export.download added");
    expect(lines.at(-1)).toBe(`codegen --diff: ${breaking.length} breaking, ${changes.length - breaking.length} additive`);
    expect(code).toBe(1);
  });

  it("would report a tool the new surface lacks as breaking, so the check can fail", async () => {
    const v1 = JSON.parse(readFileSync(V1, "utf8"));
    const doctored = { ...v1, tools: { ...v1.tools, list_statements: v1.tools.list_cards } };
    const file = join(dir, "doctored.json");
    writeFileSync(file, JSON.stringify(doctored));
    const { code, lines } = await diff(file);
    expect(code).toBe(1);
    expect(lines).toContain("BREAKING  list_statements: tool removed");
  });

  it("would report a write tool taken away from a role as breaking", async () => {
    const v1 = JSON.parse(readFileSync(V1, "utf8"));
    // As if 1.0.0 had let bookkeepers change limits: 1.1.0 keeps update_card_limit for administrators only.
    const current = JSON.parse(readFileSync("generated/tools.contract.json", "utf8"));
    const doctored = { ...v1, tools: { ...v1.tools, update_card_limit: { ...current.tools.update_card_limit, roles: ["ADMINISTRATOR", "BOOKKEEPER"] } } };
    const file = join(dir, "roles.json");
    writeFileSync(file, JSON.stringify(doctored));
    const { code, lines } = await diff(file);
    expect(code).toBe(1);
    expect(lines).toContain("BREAKING  update_card_limit: role BOOKKEEPER may no longer call it");
  });
});
