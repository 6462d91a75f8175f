// Property-based tests over tool arguments and JSON-RPC envelopes, end to end: never a 5xx, never a
// crash, and never an upstream call with arguments that failed validation. Short runs for CI.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { table } from "../../../generated/tools.js";
import { ERAS, startHardened, USERS, type HardenedStack } from "./stack.js";

describe.each(ERAS)("%s era", (era) => {
  let stack: HardenedStack;
  let admin: string;

  beforeAll(async () => {
    stack = await startHardened({ era, transactions: 200 });
    admin = stack.token(USERS.admin);
  });
  afterAll(() => stack.close());

  const leaf = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom("", "luis perez", "4821", "card_7Hq2LmX9", "../../admin", "%2F..", "this_month", "2026-02-30", "-1", "1e309", "NaN"),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string({ maxLength: 10 }), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
  );

  /** Arguments shaped like the tool's own (its property names, random values), or anything at all. */
  function argumentsFor(names: string[]) {
    return fc.oneof(
      { weight: 3, arbitrary: fc.dictionary(fc.constantFrom(...names, "extra", "__proto__", "constructor"), leaf, { maxKeys: 5 }) },
      { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
    );
  }

  const toolCases = fc.oneof(
    ...table.tools.map((tool) =>
      argumentsFor(Object.keys((tool.inputSchema.properties as Record<string, unknown> | undefined) ?? {})).map((args) => ({ tool, args })),
    ),
  );

  function upstreamCallsSince(mark: number) {
    // The identity check (who is calling) happens for every request; only the tool's own calls matter here.
    const identity = "/api/v3/me";
    return stack.sandbox.requestLog.slice(mark).filter((entry) => entry.path !== identity);
  }

  describe("fuzzing", () => {
    it("tool arguments: no 5xx, a result or error for every call, no upstream call when validation fails", async () => {
      let invalid = 0;
      await fc.assert(
        fc.asyncProperty(toolCases, async ({ tool, args }) => {
          const mark = stack.sandbox.requestLog.length;
          const answer = await stack.call(admin, tool.name, args);
          expect(answer.status).toBe(200);
          expect(answer.json?.jsonrpc).toBe("2.0");
          const { result, error } = answer.json;
          expect(result !== undefined || error !== undefined).toBe(true);
          // Arguments as they travel in JSON: what the gateway validates.
          const sent = JSON.parse(JSON.stringify({ a: args })).a ?? {};
          if (!tool.input.safeParse(sent).success) {
            invalid++;
            expect(error?.code === -32602 || result?.isError === true).toBe(true);
            expect(upstreamCallsSince(mark)).toEqual([]);
          }
        }),
        { numRuns: 150, seed: 5150 },
      );
      // The run covered the interesting case, not only valid input.
      expect(invalid).toBeGreaterThan(30);
    });

    const id = fc.oneof(fc.integer(), fc.string({ maxLength: 10 }), fc.constant(null), fc.double(), fc.boolean(), fc.object({ maxDepth: 1 }));
    const method = fc.oneof(
      fc.constantFrom("tools/list", "tools/call", "ping", "initialize", "notifications/initialized", "resources/list", "", "tools/list\u0000"),
      fc.string({ maxLength: 20 }),
    );
    const envelope = fc.record(
      {
        jsonrpc: fc.oneof(fc.constant("2.0"), fc.constant("2.0"), fc.string({ maxLength: 4 }), fc.integer()),
        id,
        method,
        params: fc.oneof(fc.anything({ maxDepth: 2 }), fc.record({ name: fc.constantFrom(...table.tools.map((t) => t.name), "nope"), arguments: fc.anything({ maxDepth: 2 }) })),
        extra: fc.anything({ maxDepth: 1 }),
      },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      { weight: 4, arbitrary: envelope },
      { weight: 2, arbitrary: fc.array(envelope, { maxLength: 4 }) },
      { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
      { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map((text) => ({ rawText: text })) },
    );

    it("JSON-RPC envelopes: never a 5xx, never hanging, always JSON-RPC when there is a body", async () => {
      await fc.assert(
        fc.asyncProperty(body, async (value) => {
          const payload = value && typeof value === "object" && "rawText" in value ? String((value as { rawText: unknown }).rawText) : JSON.stringify(value) ?? "null";
          const answer = await stack.post(payload, { authorization: `Bearer ${admin}` });
          expect(answer.status).toBeLessThan(500);
          if (answer.status === 202) {
            expect(answer.text).toBe("");
            return;
          }
          expect(answer.json, answer.text).toBeDefined();
          for (const message of Array.isArray(answer.json) ? answer.json : [answer.json]) {
            expect(message.jsonrpc).toBe("2.0");
            expect(message.result !== undefined || message.error !== undefined).toBe(true);
            if (message.error) expect(message.error.message).not.toMatch(/\n\s+at |\.ts:\d+/);
          }
        }),
        { numRuns: 150, seed: 2025 },
      );
    });

    it("the gateway is still healthy and serving after the fuzzing", async () => {
      const health = await fetch(stack.mcpUrl.replace("/mcp", "/healthz"));
      expect(health.status).toBe(200);
      const client = await stack.client(admin);
      expect((await client.listTools()).tools.length).toBe(table.tools.length);
      expect(stack.logs.some((line) => JSON.parse(line).status >= 500)).toBe(false);
    });
  });
});
