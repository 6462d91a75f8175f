// The edges of asking first that Clara's own manifest never reaches: a tool declared `unconfirmed:
// allow` runs at once for a client that can neither answer input_required nor show a form (while a
// `refuse` tool beside it still answers the preview and a code), and a 2025 form nobody answers ends
// the call in time with nothing written, a late yes included.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ToolTable } from "../../generated/table.js";
import { table } from "../../generated/tools.js";
import { connectClient, type Answering, type Era, type McpClient } from "./clients.js";
import { ERAS, startHardened, USERS, type HardenedStack } from "./hardening/stack.js";

const LUIS = "card_7Hq2LmX9";
/** Each test ends well within this: a hang fails it here, not at the suite's 30 s. */
const QUICK = 10_000;

/** Clara's table with one tool's `ask.unconfirmed` set to allow, as a manifest may declare it. */
function allowing(name: string): ToolTable {
  const tools = table.tools.map((tool) => (tool.name === name ? { ...tool, ask: { ...tool.ask!, unconfirmed: "allow" as const } } : tool));
  expect(tools.find((tool) => tool.name === name)?.ask?.unconfirmed).toBe("allow");
  return { ...table, tools };
}

const text = (result: { content: unknown[] }) => (result.content as { text: string }[]).map((part) => part.text).join("\n");

function probe(stack: HardenedStack, admin: string) {
  return {
    writes: () => stack.sandbox.requestLog.filter((entry) => entry.method !== "GET"),
    audit: (tool: string) => stack.audit.map((line) => JSON.parse(line)).filter((line) => line.tool === tool),
    async limit(): Promise<{ amount: { value: string }; period: string }> {
      const answer = await fetch(`${stack.sandbox.url}/api/v3/cards/${LUIS}`, { headers: { authorization: `Bearer ${admin}` } });
      return ((await answer.json()) as any).spendingLimit;
    },
  };
}

describe("unconfirmed: allow", () => {
  let stack: HardenedStack;
  let admin: string;
  let seen: ReturnType<typeof probe>;
  const clients: McpClient[] = [];
  beforeAll(async () => {
    stack = await startHardened({ transactions: 50, table: allowing("update_card_limit") });
    admin = stack.token(USERS.admin);
    seen = probe(stack, admin);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await stack.close();
  });
  async function client(era: Era, answering: Answering): Promise<McpClient> {
    const made = await connectClient(stack.mcpUrl, { era, headers: { authorization: `Bearer ${admin}` }, name: `allow-${era}`, answering });
    clients.push(made);
    return made;
  }

  describe.each(ERAS)("%s era", (era) => {
    const amount = era === "2025" ? "27000" : "28000";

    it("a client that can neither answer input_required nor show a form: the write runs at once, audited unconfirmed", async () => {
      const plain = await client(era, "none");
      const before = seen.writes().length;
      const answer = await plain.callTool({ name: "update_card_limit", arguments: { card: "4821", amount } });
      expect(answer.isError, text(answer)).toBeFalsy();
      expect(answer.resultType ?? "complete").toBe("complete");
      expect((answer._meta as Record<string, unknown> | undefined)?.["com.clara/confirmation"]).toBeUndefined();
      expect(text(answer)).toMatch(new RegExp(`to ${Number(amount).toLocaleString("en-US")}\\.00 MXN`));
      const writes = seen.writes().slice(before);
      expect(writes.map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual([`PATCH /api/v3/cards/${LUIS}/limit 200`]);
      expect((await seen.limit()).amount.value).toBe(`${amount}.00`);
      expect(seen.audit("update_card_limit").at(-1)).toMatchObject({ outcome: "ok", confirmation: "unconfirmed" });
    }, QUICK);

    it("a refuse tool beside it, same client: still only the preview and a code, nothing written", async () => {
      const plain = await client(era, "none");
      const before = seen.writes().length;
      const answer = await plain.callTool({ name: "approve_request", arguments: { approvalId: "apr_Lp01Limit" } });
      expect(answer.isError).toBe(true);
      expect(text(answer)).toMatch(/^Approve request apr_Lp01Limit .*\nNothing has been changed yet/s);
      expect((answer._meta as Record<string, any>)["com.clara/confirmation"]).toMatchObject({ argument: "confirmation", code: expect.any(String) });
      expect(seen.writes().slice(before)).toEqual([]);
      expect(seen.audit("approve_request").at(-1)).toMatchObject({ outcome: "error", confirmation: "asked" });
    }, QUICK);

    it("allow is only for clients that cannot ask: one that can is still asked, and its no writes nothing", async () => {
      const asking = await client(era, "no");
      const current = await seen.limit();
      const before = seen.writes().length;
      const answer = await asking.callTool({ name: "update_card_limit", arguments: { card: "4821", amount: "31000" } });
      expect(asking.asked).toEqual([expect.stringMatching(/^Change the limit of •••• 4821 \(Luis Pérez\) from .* to 31,000\.00 MXN/)]);
      expect(text(answer)).toBe("Nothing was changed.");
      expect(seen.writes().slice(before)).toEqual([]);
      expect(await seen.limit()).toEqual(current);
      expect(seen.audit("update_card_limit").at(-1)).toMatchObject({ confirmation: "declined" });
    }, QUICK);
  });
});

describe("2025 elicitation nobody answers", () => {
  const WAIT_MS = 400;
  let stack: HardenedStack;
  let admin: string;
  let seen: ReturnType<typeof probe>;
  beforeAll(async () => {
    stack = await startHardened({ transactions: 50, confirmTtlMs: WAIT_MS });
    admin = stack.token(USERS.admin);
    seen = probe(stack, admin);
  });
  afterAll(() => stack.close());

  it("the call ends after the wait with the honest text and nothing written; a yes that comes later is dropped", async () => {
    // The form is shown and the user walks away; they say yes only once the call has ended.
    let later!: () => void;
    const away = new Promise<void>((resolve) => (later = resolve));
    const answering: Answering = () => away.then(() => ({ action: "accept", content: { confirm: true } }));
    const posts: { body: any; status: number }[] = [];
    const watched = (async (input: string | URL | Request, init?: RequestInit) => {
      const answer = await fetch(input, init);
      posts.push({ body: typeof init?.body === "string" ? JSON.parse(init.body) : undefined, status: answer.status });
      return answer;
    }) as typeof fetch;
    const client = await connectClient(stack.mcpUrl, { era: "2025", headers: { authorization: `Bearer ${admin}` }, name: "away", answering, fetch: watched });
    try {
      const current = await seen.limit();
      const before = seen.writes().length;
      const started = Date.now();
      const answer = await client.callTool({ name: "update_card_limit", arguments: { card: "4821", amount: "33000" } });
      const took = Date.now() - started;
      expect(client.asked).toEqual([expect.stringMatching(/^Change the limit of •••• 4821 \(Luis Pérez\) from .* to 33,000\.00 MXN/)]);
      expect(answer.isError).toBe(true);
      expect(text(answer)).toBe("No answer came in time; nothing was changed.");
      expect(took).toBeGreaterThanOrEqual(WAIT_MS - 50);
      expect(took).toBeLessThan(WAIT_MS + 3_000);
      expect(seen.audit("update_card_limit").at(-1)).toMatchObject({ outcome: "error", confirmation: "unanswered" });

      // The yes arrives after all: the gateway takes it (202) and nothing waits for it any more.
      later();
      await expect.poll(() => posts.find((post) => post.body?.result?.action === "accept")?.status, { timeout: 3_000 }).toBe(202);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(seen.writes().slice(before)).toEqual([]);
      expect(await seen.limit()).toEqual(current);
    } finally {
      later();
      await client.close();
    }
  }, QUICK);
});
