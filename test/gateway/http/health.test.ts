// /healthz says the process is up; /readyz says whether the upstream answers.
import { LATEST_PROTOCOL_VERSION } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERAS, startStack, USERS, type Stack } from "../../e2e/harness.js";

describe.each(ERAS)("%s era", (era) => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ era,  transactions: 200 });
  });
  afterAll(() => stack.close());

  describe("health and readiness", () => {
    it("with the upstream up: both 200", async () => {
      const health = await fetch(`${stack.gatewayUrl}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: "ok" });
      const ready = await fetch(`${stack.gatewayUrl}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: "ready" });
    });

    it("with the upstream stopped: healthz 200, readyz 503, and MCP requests answer instead of hanging", async () => {
      const token = stack.token(USERS.admin);
      const client = await stack.client(token);
      await client.callTool({ name: "list_cards", arguments: { limit: 1 } });
      await stack.stopUpstream();

      expect((await fetch(`${stack.gatewayUrl}/healthz`)).status).toBe(200);
      const ready = await fetch(`${stack.gatewayUrl}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: "upstream unreachable" });

      // A tool call says the API is unavailable (as an isError result, nothing changed).
      const locked = await client.callTool({ name: "lock_card", arguments: { card: "card_7Hq2LmX9" } });
      expect(locked.isError).toBe(true);
      expect((locked.content as { text: string }[])[0]!.text).toMatch(/unavailable/i);

      // A request that needs a fresh identity check cannot get one: 503, a JSON-RPC error, no internals.
      const response = await fetch(stack.mcpUrl, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", authorization: `Bearer ${token}`, "mcp-protocol-version": LATEST_PROTOCOL_VERSION },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
      });
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      const body = (await response.json()) as any;
      expect(body).toEqual({ jsonrpc: "2.0", id: 1, error: { code: -32000, message: expect.stringMatching(/unavailable/) } });
      expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|at .*\.ts/);
    });
  });
});
