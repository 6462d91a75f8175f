// Path parameters are always encoded: whatever a card id holds, the upstream path keeps its shape.
// Proven from the sandbox's log of what it received, through the upstream client and through MCP.
import { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ToolEntry, ToolTable } from "../../../generated/table.js";
import { table } from "../../../generated/tools.js";
import { ERAS, startHardened, USERS, type HardenedStack } from "./stack.js";

describe.each(ERAS)("%s era", (era) => {
  const HOSTILE = [
    "../../admin",
    "..",
    ".",
    "",
    "%2F..",
    "%2e%2e",
    "..%2f..%2fme",
    "a/b",
    "card_ok/../../me",
    "x?admin=1#frag",
    "card_x\r\nX-Injected: 1",
    "card_\u0000\u0007\u001b",
    "card_\u2028\ufeff",
    "ü/é",
    " ",
    "\\..\\..\\admin",
  ];

  /** The same Clara tools, plus raw-id twins of get_card and lock_card: no resolver, no pattern, the argument goes straight into the path. */
  function tableWithRawIds(): ToolTable {
    const raw = (name: string, twin: string): ToolEntry => {
      const base = table.tools.find((tool) => tool.name === name)!;
      return {
        ...base,
        name: twin,
        resolve: [],
        input: z.object({ card: z.string() }).strict(),
        inputSchema: { type: "object", properties: { card: { type: "string" } }, required: ["card"], additionalProperties: false },
      };
    };
    return { ...table, tools: [...table.tools, raw("get_card", "get_card_raw"), raw("lock_card", "lock_card_raw")] };
  }

  let stack: HardenedStack;
  let admin: string;

  beforeAll(async () => {
    stack = await startHardened({ era, table: tableWithRawIds() });
    admin = stack.token(USERS.admin);
  });
  afterAll(() => stack.close());

  /** The card-id segment of a path the sandbox received, or undefined when the path is not card-shaped. */
  function cardSegment(path: string, suffix = ""): string | undefined {
    const prefix = "/api/v3/cards/";
    if (!path.startsWith(prefix) || !path.endsWith(suffix)) return undefined;
    const segment = path.slice(prefix.length, path.length - suffix.length);
    return segment.length > 0 && !segment.includes("/") ? segment : undefined;
  }

  function receivedSince(mark: number) {
    return stack.sandbox.requestLog.slice(mark).filter((entry) => entry.path !== "/api/v3/me");
  }

  describe("path parameters", () => {
    it("the upstream client sends each hostile id as one encoded segment, or not at all", async () => {
      for (const id of HOSTILE) {
        const mark = stack.sandbox.requestLog.length;
        const result = await stack.gateway.upstream.call("getCard", { params: { path: { cardId: id } } }, admin);
        const received = receivedSince(mark);
        expect(result.response.status, JSON.stringify(id)).toBeGreaterThanOrEqual(400);
        if (received.length === 0) continue;
        expect(received, JSON.stringify(id)).toHaveLength(1);
        const segment = cardSegment(received[0]!.path);
        expect(segment, `${JSON.stringify(id)} → ${received[0]!.path}`).toBeDefined();
        expect(decodeURIComponent(segment!), JSON.stringify(id)).toBe(id);
        expect(received[0]!.url).not.toMatch(/[\u0000-\u0020\u007f]/);
      }
    });

    it("ids that are only dots or empty never reach the upstream: they would climb the path", async () => {
      for (const id of ["..", ".", ""]) {
        const mark = stack.sandbox.requestLog.length;
        const result = await stack.gateway.upstream.call("toggleCardLock", { params: { path: { cardId: id } }, body: { lock: true } }, admin);
        expect(result.response.status, JSON.stringify(id)).toBe(400);
        expect(receivedSince(mark), JSON.stringify(id)).toEqual([]);
      }
    });

    it("through MCP, a raw id tool never reaches another path, and a lock never lands", async () => {
      const client = await stack.client(admin);
      const cardsBefore = stack.sandbox.requestLog.length;
      for (const id of HOSTILE) {
        for (const tool of ["get_card_raw", "lock_card_raw"]) {
          const mark = stack.sandbox.requestLog.length;
          const result = await client.callTool({ name: tool, arguments: { card: id } });
          expect(result.isError, `${tool} ${JSON.stringify(id)}`).toBe(true);
          for (const entry of receivedSince(mark)) {
            const segment = cardSegment(entry.path, tool === "lock_card_raw" ? "/lock" : "");
            expect(segment, `${tool} ${JSON.stringify(id)} → ${entry.method} ${entry.path}`).toBeDefined();
            expect(decodeURIComponent(segment!)).toBe(id);
          }
        }
      }
      expect(stack.sandbox.requestLog.length).toBeGreaterThan(cardsBefore);
      const locked = stack.sandbox.requestLog.filter((entry) => entry.method === "PATCH" && entry.status !== undefined && entry.status < 300);
      expect(locked).toEqual([]);
    });

    it("the Clara tools' natural references never turn hostile text into a path", async () => {
      const client = await stack.client(admin);
      const mark = stack.sandbox.requestLog.length;
      for (const id of HOSTILE) {
        for (const name of ["get_card", "lock_card", "unlock_card"]) {
          const result = await client.callTool({ name, arguments: { card: id } });
          expect(result.isError, `${name} ${JSON.stringify(id)}`).toBe(true);
        }
      }
      for (const entry of receivedSince(mark)) {
        // Hostile text may only travel as an encoded query value of the card search.
        expect(entry.path, entry.url).toBe("/api/v3/cards");
        expect(entry.url).not.toMatch(/[\u0000-\u0020\u007f]/);
      }
    });
  });
});
