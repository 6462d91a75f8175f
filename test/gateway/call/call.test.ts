import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import Ajv2020 from "ajv/dist/2020.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { ToolEntry } from "../../../generated/table.js";
import { callTool, prepareTable, UpstreamUnauthorized, type CallTrace } from "../../../src/gateway/call/index.js";
import { createUpstream, type Upstream } from "../../../src/gateway/upstream/client.js";
import { countTrips, fleetTable, getVehicle, listTrips, listVehicles, owner, parkVehicle, seedVehicles, startFleet, type FleetServer } from "./fleet.js";

let fleet: FleetServer;
let upstream: Upstream;
const ajv = new Ajv2020.default({ strict: false });

beforeAll(async () => {
  fleet = await startFleet();
  upstream = createUpstream({ baseUrl: fleet.url, table: fleetTable });
  prepareTable(fleetTable);
});
afterAll(async () => {
  await upstream.close();
  await fleet.close();
});
afterEach(() => {
  fleet.log.length = 0;
  fleet.parkDelayMs = 0;
  delete fleet.failWith;
  fleet.failNext = 0;
  fleet.vehicles.splice(0, fleet.vehicles.length, ...seedVehicles());
});

async function call(tool: ToolEntry, args: unknown, extra: { trace?: CallTrace; now?: Date; caller?: typeof owner } = {}): Promise<CallToolResult> {
  // These tools never ask first, so every answer is a CallToolResult.
  const result = (await callTool(tool, args, {
    caller: extra.caller ?? owner,
    upstream,
    table: fleetTable,
    requestId: "req_test",
    ...(extra.trace ? { trace: extra.trace } : {}),
    ...(extra.now ? { now: extra.now } : {}),
  })) as CallToolResult;
  if (!result.isError && tool.outputSchema) {
    const valid = ajv.validate(tool.outputSchema, result.structuredContent);
    expect(valid, JSON.stringify(ajv.errors)).toBe(true);
  }
  return result;
}

const text = (result: CallToolResult) => (result.content[0] as { text: string }).text;

describe("callTool", () => {
  it("refuses invalid arguments, naming each field, before calling anything", async () => {
    const trace: CallTrace = { upstreamCalls: 0 };
    const result = await call(listVehicles, { status: "BROKEN", limit: "ten", color: "red" }, { trace });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/^Invalid arguments for list_vehicles/);
    expect(text(result)).toMatch(/- status: .*ACTIVE/);
    expect(text(result)).toMatch(/- limit: .*number/);
    expect(text(result)).toContain("color");
    expect(fleet.log).toEqual([]);
    expect(trace).toEqual({ upstreamCalls: 0, outcome: "invalid" });
  });

  it("lists with pages up to the limit and reports the true total", async () => {
    const result = await call(listVehicles, { limit: 4 });
    expect(result.isError).toBeUndefined();
    expect(result.structuredContent).toMatchObject({ total: 7, returned: 4, hasMore: true });
    expect(fleet.log.map((r) => r.query)).toEqual([{ page: "1", size: "3" }, { page: "2", size: "3" }]);
    const lines = text(result).split("\n");
    expect(lines[0]).toBe("4 of 7 vehicles");
    expect(lines[1]).toBe("- 101 · Luis Pérez · active · 250,000.00 MXN");
    expect(lines[2]).toBe("- 202 · Luisa Pérez Gómez · active · 1,234,567.89 MXN");
    expect(lines).toHaveLength(5);
  });

  it("gives an empty list for no match, not an error, in the words of the text case that fits", async () => {
    const result = await call(listVehicles, { driver: "Nobody" });
    expect(result.isError).toBeUndefined();
    expect(result.structuredContent).toEqual({ items: [], total: 0, returned: 0, hasMore: false });
    expect(text(result)).toBe("No vehicle matches.");
    const one = await call(listVehicles, { driver: "Ana Soto" });
    expect(text(one)).toBe("1 of 1 vehicle\n- 606 · Ana Soto · active · 15,000.00 MXN");
  });

  it("tells a read in the first text case whose when holds, the others in the case without when", async () => {
    expect(text(await call(getVehicle, { vehicle: "505" }))).toBe("505 is retired; it was worth 0.00 MXN");
    expect(text(await call(getVehicle, { vehicle: "303" }))).toBe("303 · Marta Ríos · parked · worth 99.50 MXN · since 2025-12-31");
  });

  it("sends the caller's own token, and nothing else identifying", async () => {
    await call(getVehicle, { vehicle: "veh_a6" });
    expect(fleet.log).toHaveLength(1);
    expect(fleet.log[0]!.headers.authorization).toBe(`Bearer ${owner.token}`);
    expect(fleet.log[0]!.headers.connection).not.toBe("close");
  });

  it("resolves a name, then calls with the value found", async () => {
    const result = await call(getVehicle, { vehicle: "ana soto" });
    expect(fleet.log.map((r) => r.path)).toEqual(["/v1/vehicles", "/v1/vehicles/veh_a6"]);
    expect(fleet.log[0]!.query).toEqual({ driver: "ana soto", size: "3" });
    expect(text(result)).toBe("606 · Ana Soto · active · worth 15,000.00 MXN · since 2025-12-31");
  });

  it("encodes a path value, so it can never change the upstream path", async () => {
    const result = await call(getVehicle, { vehicle: "veh_x/../../admin" });
    // Not an id by the resolver's pattern, so it is looked up by name and matches nobody.
    expect(text(result)).toMatch(/^No vehicle matches "veh_x\/\.\.\/\.\.\/admin"/);
    expect(fleet.log.every((r) => r.path === "/v1/vehicles")).toBe(true);
  });

  it("asks which one when a reference is ambiguous, and changes nothing", async () => {
    const result = await call(parkVehicle, { vehicle: "Pérez" });
    expect(result.isError).toBe(true);
    expect(text(result)).toContain("Luis Pérez · plate 101 (ACTIVE)");
    expect(text(result)).toContain("Luisa Pérez Gómez · plate 202 (ACTIVE)");
    expect(text(result)).toMatch(/Which one do you mean\? Nothing was changed\.$/);
    expect(fleet.log.some((r) => r.method === "POST")).toBe(false);
  });

  it("writes with the fixed and given body fields and a fresh idempotency key each time", async () => {
    const first = await call(parkVehicle, { vehicle: "#101", note: "night" });
    expect(text(first)).toBe("Parked 101 (Luis Pérez); it was active.");
    expect(first.structuredContent).toMatchObject({ previous: "ACTIVE", vehicle: { status: "PARKED" } });
    const again = await call(parkVehicle, { vehicle: "veh_a1" });
    expect(text(again)).toBe("101 (Luis Pérez) was already parked; nothing changed.");
    const posts = fleet.log.filter((r) => r.method === "POST");
    expect(posts.map((r) => r.body)).toEqual([{ note: "night", parked: true }, { parked: true }]);
    const keys = posts.map((r) => r.headers["request-key"]);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[0]).not.toBe(keys[1]);
    expect(fleet.log.filter((r) => r.method === "GET").every((r) => r.headers["request-key"] === undefined)).toBe(true);
  });

  it("waits for a write the API finishes later, and confirms once applied", async () => {
    fleet.parkDelayMs = 60;
    const result = await call(parkVehicle, { vehicle: "veh_a6" });
    expect(text(result)).toBe("Parked 606 (Ana Soto); it was active.");
    expect(result.structuredContent).toMatchObject({ pending: false, vehicle: { status: "PARKED" } });
    expect(fleet.log.filter((r) => r.path === "/v1/vehicles/veh_a6").length).toBeGreaterThan(0);
  });

  it("says a slow write is still pending when it is, and it really is", async () => {
    fleet.parkDelayMs = 5_000;
    const result = await call(parkVehicle, { vehicle: "veh_a7" });
    expect(text(result)).toBe("Parking of 707 accepted but not applied yet; it is still active.");
    expect(result.structuredContent).toMatchObject({ pending: true });
    expect(fleet.vehicles.find((v) => v.id === "veh_a7")!.status).toBe("ACTIVE");
  });

  it("passes on a 409's reason", async () => {
    const result = await call(parkVehicle, { vehicle: "oscar" });
    expect(result.isError).toBe(true);
    expect(text(result)).toBe("The vehicle is retired and cannot be parked. Nothing was changed. (request id up_req_1)");
  });

  it("answers a missing id like a name that matches nothing", async () => {
    const result = await call(parkVehicle, { vehicle: "veh_zz" });
    expect(text(result)).toBe('No vehicle matches "veh_zz". Nothing was changed.');
  });

  it("turns an upstream 401 into UpstreamUnauthorized", async () => {
    const stranger = { ...owner, token: "someone_else" };
    await expect(call(getVehicle, { vehicle: "veh_a1" }, { caller: stranger })).rejects.toBeInstanceOf(UpstreamUnauthorized);
    await expect(call(getVehicle, { vehicle: "ana" }, { caller: stranger })).rejects.toBeInstanceOf(UpstreamUnauthorized);
  });

  it("says the outcome of a write is unknown on a 5xx", async () => {
    fleet.failWith = 503;
    const trace: CallTrace = { upstreamCalls: 0 };
    const result = await call(parkVehicle, { vehicle: "veh_a1" }, { trace });
    expect(text(result)).toMatch(/^Fleet API is unavailable right now \(HTTP 503\) \(request id up_req_1\)\. The outcome is unknown/);
    expect(trace).toEqual({ upstreamCalls: 1, upstreamStatus: 503, upstreamRequestId: "up_req_1", outcome: "upstream-error" });
  });

  it("resolves period presets in the company's zone and states the range", async () => {
    const now = new Date("2026-11-20T05:30:00Z");
    const result = await call(listTrips, { period: "last_month", minFare: "5000" }, { now });
    expect(fleet.log[0]!.query).toEqual({ from: "2026-10-01", to: "2026-10-31", min_fare: "5000" });
    expect(result.structuredContent).toMatchObject({ period: { from: "2026-10-01", to: "2026-10-31", timeZone: "America/Mexico_City", preset: "last_month" } });
    expect(text(result)).toBe("1 trip\n- 2026-11-02 · 5,600.50 MXN\nPeriod: 2026-10-01 to 2026-10-31 (America/Mexico_City), last month.");

    const byDefault = await call(listTrips, {}, { now });
    expect(text(byDefault).split("\n")[0]).toBe("2 trips");
    expect(text(byDefault)).toContain("- 2026-11-17 · 120.00 MXN");
    expect(text(byDefault)).toMatch(/Period: 2026-11-01 to 2026-11-30 \(America\/Mexico_City\), this month, used by default because no period was given\.$/);
  });

  it("refuses a preset together with explicit dates, without calling", async () => {
    const result = await call(listTrips, { period: "today", start: "2026-01-01" });
    expect(result.isError).toBe(true);
    expect(text(result)).toContain('either "period" or "start"/"end"');
    expect(fleet.log).toEqual([]);
  });

  it("wraps an answer that is not an object", async () => {
    const result = await call(countTrips, {});
    expect(result.structuredContent).toEqual({ count: 42 });
    expect(text(result)).toBe("42 trips");
  });
});

describe("retries, when the upstream is configured with them", () => {
  const policy = { retries: 2, baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 1_000, totalTimeoutMs: 5_000 };

  it("retries a read through a brief outage", async () => {
    const retrying = createUpstream({ baseUrl: fleet.url, table: fleetTable, retry: policy });
    try {
      fleet.failNext = 2;
      const result = (await callTool(getVehicle, { vehicle: "veh_a1" }, { caller: owner, upstream: retrying, table: fleetTable, requestId: "r" })) as CallToolResult;
      expect(result.isError).toBeUndefined();
      expect(fleet.log.map((r) => r.path)).toEqual(["/v1/vehicles/veh_a1", "/v1/vehicles/veh_a1", "/v1/vehicles/veh_a1"]);
    } finally {
      await retrying.close();
    }
  });

  it("retries a write with the same idempotency key, so it can never apply twice", async () => {
    const retrying = createUpstream({ baseUrl: fleet.url, table: fleetTable, retry: policy });
    try {
      fleet.failNext = 1;
      const result = (await callTool(parkVehicle, { vehicle: "veh_a6" }, { caller: owner, upstream: retrying, table: fleetTable, requestId: "r" })) as CallToolResult;
      expect(text(result)).toBe("Parked 606 (Ana Soto); it was active.");
      const posts = fleet.log.filter((r) => r.method === "POST");
      expect(posts).toHaveLength(2);
      expect(posts[0]!.headers["request-key"]).toBeTruthy();
      expect(posts[1]!.headers["request-key"]).toBe(posts[0]!.headers["request-key"]);
    } finally {
      await retrying.close();
    }
  });

  it("without a retry policy, one attempt only", async () => {
    fleet.failNext = 1;
    const result = await call(getVehicle, { vehicle: "veh_a1" });
    expect(text(result)).toMatch(/^Fleet API is unavailable right now \(HTTP 503\)/);
    expect(fleet.log).toHaveLength(1);
  });
});

describe("an upstream that cannot be reached", () => {
  it("says nothing was changed for a write that never left", async () => {
    const down = await startFleet();
    const url = down.url;
    await down.close();
    const gone = createUpstream({ baseUrl: url, table: fleetTable });
    try {
      const result = (await callTool(parkVehicle, { vehicle: "veh_a1" }, { caller: owner, upstream: gone, table: fleetTable, requestId: "r" })) as CallToolResult;
      expect(text(result)).toBe("Fleet API is unavailable right now (could not connect). Nothing was changed.");
      expect(await gone.reachable()).toBe(false);
    } finally {
      await gone.close();
    }
  });
});
