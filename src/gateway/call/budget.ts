// The size budget of one answer: `JSON.stringify({ content, structuredContent })` within so many
// characters, so no client cuts it (Claude Code at 25,000 tokens, Claude.ai at about 150,000
// characters). A list keeps the largest prefix of its items that fits; anything else loses the tail of
// its largest array. Never a cut JSON document or half a line.
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { writeField } from "./fields.js";

export function answerSize(answer: CallToolResult): number {
  return JSON.stringify({ content: answer.content, structuredContent: answer.structuredContent }).length;
}

/** The largest `held` in [0, count] whose rendering fits (sizes grow with `held`), found by bisection. */
export function fitList(render: (held: number) => CallToolResult, count: number, budget: number): CallToolResult {
  const full = render(count);
  if (answerSize(full) <= budget) return full;
  let fits = 0;
  let fails = count;
  let best = render(0);
  if (answerSize(best) > budget) return tooLarge(answerSize(full));
  while (fails - fits > 1) {
    const middle = (fits + fails) >> 1;
    const answer = render(middle);
    if (answerSize(answer) <= budget) {
      fits = middle;
      best = answer;
    } else fails = middle;
  }
  return best;
}

interface Found {
  path: string;
  list: unknown[];
  size: number;
}

/** The array holding the most characters, up to a few levels down. */
function largestArray(value: unknown, path = "", depth = 0): Found | undefined {
  if (depth > 4 || value === null || typeof value !== "object") return undefined;
  if (Array.isArray(value)) return path ? { path, list: value, size: JSON.stringify(value).length } : undefined;
  let best: Found | undefined;
  for (const [key, child] of Object.entries(value)) {
    const found = largestArray(child, path ? `${path}.${key}` : key, depth + 1);
    if (found && (!best || found.size > best.size)) best = found;
  }
  return best;
}

/**
 * A non-list answer over budget (unlikely): its largest array keeps the prefix that fits, the text is
 * told again from what is kept and says so. Without an array to shorten, the answer says it is too large.
 */
export function fitOther(answer: CallToolResult, budget: number, retext: (view: unknown) => string): CallToolResult {
  const structured = answer.structuredContent;
  const found = structured ? largestArray(structured) : undefined;
  if (!structured || !found) return tooLarge(answerSize(answer));
  const render = (kept: number): CallToolResult => {
    const cut = structuredClone(structured);
    writeField(cut, found.path, found.list.slice(0, kept));
    const text = `${retext(cut)}\n(Cut to fit one answer: ${kept} of the ${found.list.length} entries of ${found.path} are shown.)`;
    return { content: [{ type: "text", text }], structuredContent: cut };
  };
  return fitList((kept) => (kept === found.list.length ? answer : render(kept)), found.list.length, budget);
}

function tooLarge(size: number): CallToolResult {
  return {
    content: [{ type: "text", text: `The answer is too large to send in one piece (${size} characters); ask for less, for example with a narrower filter or a smaller limit.` }],
    isError: true,
  };
}
