import { compileErrors, validate } from "@readme/openapi-parser";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { loadSpec, specFile } from "../../../src/sandbox/http/spec.js";

describe("spec/clara.openapi.yaml", () => {
  it("validates as OpenAPI 3.1", async () => {
    const result = await validate(specFile());
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
    const doc = parse(readFileSync(specFile(), "utf8"));
    expect(doc.openapi).toMatch(/^3\.1\./);
  });

  it("documents every operation: id, summary, description, examples, bearer security, error body", () => {
    const doc = parse(readFileSync(specFile(), "utf8"));
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
    const ops = loadSpec().operations;
    expect(ops.map((o) => o.operationId).sort()).toEqual([
      "approveApprovalRequest", "getApprovalRequest", "getCard", "getCardLimit", "getCurrentUser", "getExpense", "getReimbursement",
      "listApprovalRequests", "listCards", "listExpenses", "listReimbursements", "listTransactions", "rejectApprovalRequest",
      "summarizeTransactions", "toggleCardLock", "updateCardLimit",
    ]);
    for (const op of ops) {
      const raw = doc.paths[op.path][op.method.toLowerCase()];
      expect(raw.summary, op.operationId).toBeTruthy();
      expect(raw.description, op.operationId).toBeTruthy();
      expect(raw.security, op.operationId).toBeUndefined(); // inherits the global bearer requirement
      expect(raw.responses["401"], op.operationId).toBeTruthy();
      const ok = Object.entries(raw.responses).find(([s]) => s.startsWith("2"))?.[1] as any;
      expect(ok.content["application/json"].examples, op.operationId).toBeTruthy();
    }
  });

  it("describes every schema property", () => {
    const doc = parse(readFileSync(specFile(), "utf8"));
    const missing: string[] = [];
    const visit = (schema: any, where: string): void => {
      if (!schema || typeof schema !== "object") return;
      for (const [name, prop] of Object.entries<any>(schema.properties ?? {})) {
        if (!prop.description && !prop.$ref) missing.push(`${where}.${name}`);
        visit(prop, `${where}.${name}`);
      }
      visit(schema.items, `${where}[]`);
    };
    for (const [name, schema] of Object.entries(doc.components.schemas)) visit(schema, name);
    expect(missing).toEqual([]);
  });
});
