// Who may read an export: the user and company it was made for, and only while the catalogue's rule
// lets them use its tool (their role, and an OAuth token's scopes): nothing reaches the API otherwise.
import { describe, expect, it } from "vitest";
import { table } from "../../../generated/tools.js";
import type { Caller } from "../../../src/gateway/auth/caller.js";
import { createExports } from "../../../src/gateway/exports/index.js";
import { createCatalogue } from "../../../src/gateway/mcp/catalogue.js";
import { createSealer } from "../../../src/gateway/shared/seal.js";
import type { Upstream } from "../../../src/gateway/upstream/client.js";

const calls: string[] = [];
const upstream: Upstream = {
  baseUrl: "http://127.0.0.1:9",
  reachable: async () => true,
  close: async () => {},
  async call(operationId) {
    calls.push(operationId);
    return { data: { data: [], totalItems: 0 }, response: new Response("{}", { status: 200 }) };
  },
};
const catalogue = createCatalogue(table);
const exports = createExports({
  table,
  upstream,
  identity: { check: async () => Promise.reject(new Error("no identity here")), recent: () => undefined, forget: () => {} } as never,
  sealer: createSealer(),
  publicUrl: () => "https://mcp.clara.example",
  canUse: (caller, tool) => catalogue.find(caller.role, tool, caller.scopes) !== undefined,
});
const admin: Caller = { token: "clara_pat_x", tokenId: "t1", userId: "usr_1", userName: "Ana", role: "ADMINISTRATOR", companyId: "cmp_acme", companyName: "Acme", currency: "MXN", timeZone: "America/Mexico_City", billingDay: 5 };
const list = table.tools.find((tool) => tool.name === "list_transactions")!;

describe("who may read an export", () => {
  it("its own user with a token of every scope, or of the tool's scope; not one whose scopes leave the tool out", async () => {
    const { resource } = exports.offerFor(admin)({ tool: list, params: { path: {}, query: { from: "2026-07-01", to: "2026-09-30" } } });
    expect(await exports.read(resource, admin)).toMatchObject({ mimeType: "text/csv", filename: "transactions.csv" });
    expect(await exports.read(resource, { ...admin, scopes: [list.scope!] })).toBeDefined();
    const before = calls.length;
    expect(await exports.read(resource, { ...admin, scopes: ["expenses:read"] })).toBeUndefined();
    expect(await exports.read(resource, { ...admin, role: "EMPLOYEE" })).toBeUndefined();
    expect(await exports.read(resource, { ...admin, userId: "usr_2" })).toBeUndefined();
    expect(await exports.read(resource, { ...admin, companyId: "cmp_brasa" })).toBeUndefined();
    expect(calls.length).toBe(before);
    expect(await exports.source.read(resource, admin)).toMatchObject({ mimeType: "text/csv", ttlMs: 0 });
  });
});
