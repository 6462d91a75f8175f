// The answer budget on its own: a list keeps the largest prefix that fits, anything else loses the tail
// of its largest array and says so, and what cannot be cut says it is too large; never cut JSON or lines.
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { answerSize, fitList, fitOther } from "../../../src/gateway/call/budget.js";

const row = (i: number) => ({ id: `item_${i}`, note: "x".repeat(90) });

function listOf(held: number): CallToolResult {
  const items = Array.from({ length: held }, (_, i) => row(i));
  return { content: [{ type: "text", text: [`${held} of 1,000 items`, ...items.map((item) => `- ${item.id}`)].join("\n") }], structuredContent: { items, returned: held } };
}

describe("answer budget", () => {
  it("a list keeps the largest prefix that fits, its text and structured answer alike", () => {
    const budget = 20_000;
    const fitted = fitList(listOf, 500, budget);
    const held = (fitted.structuredContent as { returned: number }).returned;
    expect(answerSize(fitted)).toBeLessThanOrEqual(budget);
    expect(answerSize(listOf(held + 1))).toBeGreaterThan(budget);
    expect((fitted.content[0] as { text: string }).text.split("\n")).toHaveLength(held + 1);
    expect((fitted.structuredContent as { items: unknown[] }).items).toHaveLength(held);
    // What fits already is left as it is.
    expect(fitList(listOf, 10, budget)).toEqual(listOf(10));
  });

  it("another answer loses the tail of its largest array, and its text is told again from what is kept", () => {
    const structured = { title: "Report", lines: Array.from({ length: 400 }, (_, i) => row(i)), tags: ["a", "b"] };
    const answer: CallToolResult = { content: [{ type: "text", text: "long" }], structuredContent: structured };
    const retext = (view: unknown) => `Report with ${(view as typeof structured).lines.length} lines`;
    const fitted = fitOther(answer, 10_000, retext);
    const kept = (fitted.structuredContent as typeof structured).lines.length;
    expect(answerSize(fitted)).toBeLessThanOrEqual(10_000);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(400);
    expect((fitted.content[0] as { text: string }).text).toBe(`Report with ${kept} lines\n(Cut to fit one answer: ${kept} of the 400 entries of lines are shown.)`);
    expect((fitted.structuredContent as typeof structured).tags).toEqual(["a", "b"]);
    // The answer given is untouched.
    expect(structured.lines).toHaveLength(400);
  });

  it("says plainly when nothing can be cut to fit", () => {
    const huge: CallToolResult = { content: [{ type: "text", text: "x".repeat(30_000) }], structuredContent: { note: "y".repeat(30_000) } };
    const refused = fitOther(huge, 10_000, () => "");
    expect(refused.isError).toBe(true);
    expect((refused.content[0] as { text: string }).text).toMatch(/^The answer is too large to send in one piece \(60,?\d+ characters\); ask for less/);
    expect(fitList(() => huge, 3, 10_000).isError).toBe(true);
  });
});
