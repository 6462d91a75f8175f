import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { auditArguments, auditLine, traceUpstream, type AuditRecord } from "../../../src/gateway/audit/line.js";
import { openAudit } from "../../../src/gateway/audit/trail.js";

const TOKEN = "clara_pat_5ecretVa1ue0123456789abcdef";

function record(extra: Partial<AuditRecord> = {}): AuditRecord {
  return {
    requestId: "req-1",
    caller: { token: TOKEN, tokenId: "a1b2c3d4e5f6", userId: "usr_1", userName: "Ana Torres", companyId: "cmp_acme", role: "ADMINISTRATOR" },
    tool: "lock_card",
    arguments: { card: "luis perez" },
    outcome: "ok",
    upstream: [
      { operationId: "listCards", status: 200, requestId: "up-1" },
      { operationId: "toggleCardLock", status: 200, requestId: "up-2" },
      { operationId: "getCard", status: 200, requestId: "up-3" },
    ],
    operationId: "toggleCardLock",
    latencyMs: 12.345,
    time: new Date("2026-03-01T10:00:00.000Z"),
    ...extra,
  };
}

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe("audit lines", () => {
  it("say who did what, with what outcome, and which upstream request carried it", () => {
    const text = auditLine(record());
    expect(text.endsWith("\n")).toBe(true);
    expect(text.trimEnd()).not.toContain("\n");
    expect(JSON.parse(text)).toEqual({
      type: "audit",
      time: "2026-03-01T10:00:00.000Z",
      requestId: "req-1",
      tokenId: "a1b2c3d4e5f6",
      user: "usr_1",
      userName: "Ana Torres",
      company: "cmp_acme",
      role: "ADMINISTRATOR",
      tool: "lock_card",
      arguments: { card: "luis perez" },
      outcome: "ok",
      upstreamStatus: 200,
      upstreamRequestId: "up-2",
      upstreamCalls: 3,
      latencyMs: 12.3,
    });
  });

  it("never contain the token, even when a caller puts it in the arguments or a message", () => {
    const text = auditLine(
      record({ arguments: { card: `x ${TOKEN} y`, [TOKEN]: [TOKEN], nested: { deep: `${TOKEN}${TOKEN}` } }, outcome: "error", message: `bad ${TOKEN}` }),
    );
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain("5ecretVa1ue");
    expect(JSON.parse(text).arguments.card).toBe("x [token] y");
  });

  it("cut oversized arguments short instead of copying them whole", () => {
    const args = { text: "x".repeat(10_000), list: Array.from({ length: 500 }, (_, i) => i) };
    const cut = auditArguments(args, TOKEN) as { text: string; list: unknown[] };
    expect(cut.text.length).toBeLessThan(600);
    expect(cut.list.length).toBeLessThan(60);
    let deep: unknown = "bottom";
    for (let i = 0; i < 50; i++) deep = { deep };
    expect(auditLine(record({ arguments: deep })).length).toBeLessThan(1_000);
  });

  it("without an upstream answer, report null status and the last call", () => {
    const line = JSON.parse(auditLine(record({ upstream: [{ operationId: "getCard", status: null }], operationId: "toggleCardLock", outcome: "error" })));
    expect(line.upstreamStatus).toBeNull();
    expect(line.upstreamRequestId).toBeNull();
    const none = JSON.parse(auditLine(record({ upstream: [], outcome: "denied" })));
    expect(none).toMatchObject({ outcome: "denied", upstreamStatus: null, upstreamCalls: 0 });
  });
});

describe("audit streams", () => {
  it("append JSON lines to a file, creating its folder", async () => {
    const folder = mkdtempSync(join(tmpdir(), "audit-"));
    folders.push(folder);
    const file = join(folder, "nested", "audit.log");
    const audit = openAudit(file);
    audit.record(record());
    audit.record(record({ tool: "unlock_card" }));
    await audit.close();
    const again = openAudit(file);
    again.record(record({ tool: "get_card" }));
    await again.close();
    const lines = readFileSync(file, "utf8").trimEnd().split("\n").map((line) => JSON.parse(line));
    expect(lines.map((line) => line.tool)).toEqual(["lock_card", "unlock_card", "get_card"]);
  });

  it("a path that cannot be written stops start-up, naming AUDIT_LOG and the path", () => {
    const folder = mkdtempSync(join(tmpdir(), "audit-"));
    folders.push(folder);
    const blocker = join(folder, "a-file");
    writeFileSync(blocker, "");
    expect(() => openAudit(join(blocker, "audit.log"))).toThrow(/AUDIT_LOG: cannot write .*a-file\/audit\.log \((ENOTDIR|EEXIST)\)/);
  });

  it("write to any stream, and to nothing when off", async () => {
    const sink = new PassThrough();
    const chunks: string[] = [];
    sink.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
    const audit = openAudit(sink);
    audit.record(record());
    await audit.close();
    expect(JSON.parse(chunks.join("")).tool).toBe("lock_card");
    const off = openAudit("off");
    off.record(record());
    await off.close();
  });
});

describe("upstream tracing for the audit line", () => {
  const answer = (status: number, headers: Record<string, string>, error?: unknown) => ({
    response: new Response(null, { status, headers }),
    ...(error === undefined ? {} : { error }),
  });

  it("records each call's status and request id, from the header or the error body", async () => {
    const calls: string[] = [];
    const upstream = {
      baseUrl: "http://upstream",
      async call(operationId: string, _request: unknown, token: string) {
        calls.push(`${operationId}:${token}`);
        if (operationId === "getCard") return answer(404, {}, { error: { requestId: "req_body" } });
        if (operationId === "boom") throw new Error("refused");
        return answer(200, { "x-request-id": "req_header" });
      },
    };
    const { upstream: traced, traces } = traceUpstream(upstream, { errorPath: "error.requestId" });
    expect(traced.baseUrl).toBe("http://upstream");
    await traced.call("listCards", {}, "t");
    await traced.call("getCard", {}, "t");
    await expect(traced.call("boom", {}, "t")).rejects.toThrow("refused");
    expect(traces).toEqual([
      { operationId: "listCards", status: 200, requestId: "req_header" },
      { operationId: "getCard", status: 404, requestId: "req_body" },
      { operationId: "boom", status: null },
    ]);
    expect(calls).toEqual(["listCards:t", "getCard:t", "boom:t"]);
  });
});
