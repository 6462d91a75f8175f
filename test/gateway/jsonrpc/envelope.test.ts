import { describe, expect, it } from "vitest";
import { classify, readEnvelope } from "../../../src/gateway/jsonrpc/envelope.js";

describe("JSON-RPC envelope", () => {
  it("accepts a request, a notification and responses", () => {
    expect(classify({ jsonrpc: "2.0", id: 7, method: "tools/list" })).toEqual({ kind: "request", id: 7, method: "tools/list" });
    expect(classify({ jsonrpc: "2.0", id: "a", method: "x", params: { _meta: { progressToken: 1 } } })).toMatchObject({ kind: "request", id: "a" });
    expect(classify({ jsonrpc: "2.0", method: "notifications/initialized" })).toEqual({ kind: "notification", method: "notifications/initialized" });
    expect(classify({ jsonrpc: "2.0", id: 1, result: {} })).toEqual({ kind: "response", id: 1, result: {} });
    expect(classify({ jsonrpc: "2.0", id: null, error: { code: -1, message: "m" } })).toEqual({ kind: "response", id: null, error: { code: -1, message: "m" } });
  });

  it("rejects what the SDK would silently drop, keeping the id when it can be read", () => {
    expect(classify({ jsonrpc: "2.0", id: null, method: "ping" })).toMatchObject({ kind: "invalid", id: null });
    expect(classify({ jsonrpc: "2.0", id: 1.5, method: "ping" })).toMatchObject({ kind: "invalid", id: null });
    expect(classify({ jsonrpc: "2.0", id: 3, method: "ping", extra: true })).toMatchObject({ kind: "invalid", id: 3, message: expect.stringContaining('"extra"') });
    expect(classify({ jsonrpc: "1.0", id: 4, method: "ping" })).toMatchObject({ kind: "invalid", id: 4 });
    expect(classify({ jsonrpc: "2.0", id: 5, method: 9 })).toMatchObject({ kind: "invalid", id: 5 });
    expect(classify({ jsonrpc: "2.0", id: 6, method: "ping", params: [1] })).toMatchObject({ kind: "invalid", id: 6 });
    expect(classify({ jsonrpc: "2.0", id: 8, method: "ping", params: { _meta: 1 } })).toMatchObject({ kind: "invalid", id: 8 });
    expect(classify({ jsonrpc: "2.0", id: 9, method: "ping", params: { _meta: { progressToken: {} } } })).toMatchObject({ kind: "invalid", id: 9 });
    expect(classify({ jsonrpc: "2.0", id: 1, result: 3 })).toMatchObject({ kind: "invalid", id: 1 });
    expect(classify({ jsonrpc: "2.0", id: 1, error: { code: "x" } })).toMatchObject({ kind: "invalid" });
    expect(classify({ jsonrpc: "2.0", id: 1 })).toMatchObject({ kind: "invalid", id: 1 });
    for (const junk of [null, 1, "x", true, []]) expect(classify(junk)).toMatchObject({ kind: "invalid", id: null });
  });

  it("reads a batch element by element", () => {
    const envelope = readEnvelope([{ jsonrpc: "2.0", id: 1, method: "ping" }, 7]);
    expect(envelope).toEqual({
      batch: true,
      messages: [{ kind: "request", id: 1, method: "ping" }, expect.objectContaining({ kind: "invalid", id: null })],
    });
  });
});
