import { describe, expect, it } from "vitest";
import type { UpstreamResult } from "../../../generated/table.js";
import { closestNames, fold, planResolver, resolveReference, wordsMatch, type Lookup } from "../../../src/gateway/call/resolve.js";
import { answer, fleetTable, getVehicle, seedVehicles } from "./fleet.js";

const env = { timeZone: "UTC" };
const plan = planResolver(getVehicle.resolve[0]!, fleetTable);

/** A lookup over the seeded vehicles that filters like the fleet API does (one page holds them all), recording each query. */
function lookup(vehicles = seedVehicles()) {
  const queries: Record<string, unknown>[] = [];
  const fn: Lookup = async (_operationId, query): Promise<UpstreamResult> => {
    queries.push({ ...query });
    let list = vehicles;
    if (query.plate) list = list.filter((v) => v.plate === query.plate);
    if (query.driver) list = list.filter((v) => fold(v.driver.name).includes(fold(String(query.driver))));
    return answer(200, { items: list, total: list.length });
  };
  return { fn, queries };
}

describe("matching words", () => {
  it("ignores case and accents, and every word must start a word of the name", () => {
    expect(wordsMatch("luis perez", "Luis Pérez")).toBe(true);
    expect(wordsMatch("LUIS PÉREZ", "Luis Pérez")).toBe(true);
    expect(wordsMatch("perez luis", "Luis Pérez")).toBe(true);
    expect(wordsMatch("luis", "Luisa Pérez Gómez")).toBe(true);
    expect(wordsMatch("uis", "Luis Pérez")).toBe(false);
    expect(wordsMatch("luis garcia", "Luis Pérez")).toBe(false);
    expect(wordsMatch("   ", "Luis Pérez")).toBe(false);
  });

  it("ranks the closest names first", () => {
    const names = ["Luis Pérez", "Luisa Pérez Gómez", "Marta Ríos", "Ana Soto", "Bruno Díaz"];
    expect(closestNames("Luis Peres", names)[0]).toBe("Luis Pérez");
    expect(closestNames("marta rio", names)[0]).toBe("Marta Ríos");
    expect(closestNames("Brunno", names)[0]).toBe("Bruno Díaz");
    expect(closestNames("Marta Ana", names, 2)).toEqual(["Marta Ríos", "Ana Soto"]);
    expect(closestNames("qqq", names)).toEqual([]);
  });
});

describe("resolving a reference", () => {
  it("uses an id as it is, with no lookup", async () => {
    const { fn, queries } = lookup();
    expect(await resolveReference(plan, " veh_zz9 ", fn, env)).toEqual({ kind: "found", value: "veh_zz9" });
    expect(queries).toEqual([]);
  });

  it("finds by the digits, with or without decoration, asking for the largest page", async () => {
    const { fn, queries } = lookup();
    expect(await resolveReference(plan, "#303", fn, env)).toEqual({ kind: "found", value: "veh_a3" });
    expect(await resolveReference(plan, "404", fn, env)).toEqual({ kind: "found", value: "veh_a4" });
    expect(queries).toEqual([{ plate: "303", size: 3 }, { plate: "404", size: 3 }]);
  });

  it("finds by name, case and accent insensitive", async () => {
    const { fn } = lookup();
    expect(await resolveReference(plan, "ana soto", fn, env)).toEqual({ kind: "found", value: "veh_a6" });
    expect(await resolveReference(plan, "OSCAR NUNEZ", fn, env)).toEqual({ kind: "found", value: "veh_a5" });
  });

  it("prefers the one whole-name match over names that merely start the same", async () => {
    const { fn } = lookup();
    // "luis perez" also starts the words of "Luisa Pérez Gómez", but only one name is exactly it.
    const vehicles = seedVehicles().map((v) => (v.id === "veh_a2" ? { ...v, driver: { name: "Luis Pérez Gómez" } } : v));
    const wider = lookup(vehicles);
    expect(await resolveReference(plan, "luis perez", fn, env)).toEqual({ kind: "found", value: "veh_a1" });
    expect(await resolveReference(plan, "Luis Pérez", wider.fn, env)).toEqual({ kind: "found", value: "veh_a1" });
  });

  it("lists the candidates and asks when several match", async () => {
    const { fn } = lookup();
    const result = await resolveReference(plan, "Pérez", fn, env);
    expect(result.kind).toBe("ambiguous");
    const text = (result as { text: string }).text;
    expect(text).toContain('2 vehicles match "Pérez"');
    expect(text).toContain("Luis Pérez · plate 101 (ACTIVE)");
    expect(text).toContain("Luisa Pérez Gómez · plate 202 (ACTIVE)");
    expect(text).toContain("Which one do you mean?");
  });

  it("asks too when one person has two of them, even by exact name", async () => {
    const { fn } = lookup();
    const result = await resolveReference(plan, "marta rios", fn, env);
    expect(result.kind).toBe("ambiguous");
    expect((result as { text: string }).text).toContain("plate 303 (PARKED)");
    expect((result as { text: string }).text).toContain("plate 404 (ACTIVE)");
  });

  it("falls through to the next rule when a rule keeps nothing, then offers the closest names", async () => {
    const { fn, queries } = lookup();
    const result = await resolveReference(plan, "999", fn, env);
    expect(result.kind).toBe("none");
    expect(queries.map((q) => Object.keys(q).filter((k) => k !== "size"))).toEqual([["plate"], ["driver"], []]);
    const none = await resolveReference(plan, "Ana Sotto", fn, env);
    expect(none).toEqual({ kind: "none", text: expect.stringMatching(/^No vehicle matches "Ana Sotto"\. The closest names are: Ana Soto/) });
  });

  it("hands back a failed lookup as it came", async () => {
    const failing: Lookup = async () => answer(503, { problem: { detail: "down" } });
    const result = await resolveReference(plan, "luis", failing, env);
    expect(result.kind).toBe("failed");
    expect((result as { result: UpstreamResult }).result.response.status).toBe(503);
  });
});
