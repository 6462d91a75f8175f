import { describe, expect, it } from "vitest";
import type { AwaitEntry, UpstreamRequest } from "../../../generated/table.js";
import { awaitChange, planAwait } from "../../../src/gateway/call/await.js";
import { UpstreamUnauthorized } from "../../../src/gateway/call/errors.js";
import { UpstreamUnavailable } from "../../../src/gateway/upstream/client.js";
import { answer, fleetTable } from "./fleet.js";

const entry: AwaitEntry = {
  status: 202,
  operationId: "getVehicle",
  args: { vehicleId: "{vehicleId}" },
  until: { field: "status", equals: "PARKED" },
  into: "vehicle",
  flag: "pending",
  timeoutMs: 300,
  intervalMs: 10,
};
const plan = planAwait(entry, fleetTable.operations.getVehicle);
const written = () => ({ vehicle: { id: "veh_a1", status: "ACTIVE" }, previous: "ACTIVE", pending: true });

describe("awaiting a change", () => {
  it("polls the declared operation with the resolved parameters until the change shows", async () => {
    const requests: UpstreamRequest[] = [];
    let polls = 0;
    const result = await awaitChange(plan, written(), { vehicleId: "veh_a1", parked: true }, async (operationId, request) => {
      expect(operationId).toBe("getVehicle");
      requests.push(request);
      polls++;
      return answer(200, { id: "veh_a1", status: polls >= 3 ? "PARKED" : "ACTIVE" });
    }, "UTC");
    expect(polls).toBe(3);
    expect(requests[0]!.params.path).toEqual({ vehicleId: "veh_a1" });
    expect(result).toEqual({ vehicle: { id: "veh_a1", status: "PARKED" }, previous: "ACTIVE", pending: false });
  });

  it("reports still pending when the time runs out, with the latest state seen", async () => {
    let polls = 0;
    const result = await awaitChange(plan, written(), { vehicleId: "veh_a1" }, async () => {
      polls++;
      return answer(200, { id: "veh_a1", status: "ACTIVE", seen: polls });
    }, "UTC");
    expect(result.pending).toBe(true);
    expect(result.vehicle).toMatchObject({ status: "ACTIVE", seen: polls });
    expect(polls).toBeGreaterThan(1);
  });

  it("never calls it done when polls fail or cannot connect", async () => {
    let polls = 0;
    const result = await awaitChange(plan, written(), { vehicleId: "veh_a1" }, async () => {
      polls++;
      if (polls % 2) throw new UpstreamUnavailable(false, "ECONNREFUSED");
      return answer(500, { problem: { detail: "x" } });
    }, "UTC");
    expect(result).toEqual(written());
    expect(polls).toBeGreaterThan(1);
  });

  it("stops when the caller goes away", async () => {
    const controller = new AbortController();
    controller.abort();
    let polls = 0;
    const result = await awaitChange(plan, written(), { vehicleId: "veh_a1" }, async () => {
      polls++;
      return answer(200, { status: "PARKED" });
    }, "UTC", controller.signal);
    expect(polls).toBe(0);
    expect(result.pending).toBe(true);
  });

  it("turns a refused token into UpstreamUnauthorized", async () => {
    await expect(awaitChange(plan, written(), { vehicleId: "veh_a1" }, async () => answer(401, {}), "UTC")).rejects.toBeInstanceOf(UpstreamUnauthorized);
  });
});
