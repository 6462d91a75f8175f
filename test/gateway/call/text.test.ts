// Text cases of reads and confirm cases of writes: one matching rule, the first case whose `when` holds.
import { describe, expect, it } from "vitest";
import type { TextCase } from "../../../generated/table.js";
import { confirmText, planConfirm } from "../../../src/gateway/call/confirm.js";
import { describeAnswer, planText } from "../../../src/gateway/call/text.js";
import { listVehicles, parkVehicle } from "./fleet.js";

const env = { timeZone: "America/Mexico_City" };
const tell = (text: Parameters<typeof planText>[0], answer: unknown) => describeAnswer(planText(text), answer, env);

const vehicle = { plate: "101", status: "ACTIVE", driver: { name: "Luis Pérez" }, value: { value: "250000.00", currency: "MXN" } };
const list = (items: unknown[], total = items.length) => ({ items, total, returned: items.length, hasMore: false });

describe("text", () => {
  it("a single entry is one case that always applies", () => {
    expect(tell({ one: "{plate} is {status|lower}" }, vehicle)).toBe("101 is active");
    expect(tell([{ one: "{plate} is {status|lower}" }], vehicle)).toBe("101 is active");
    expect(tell({ heading: "{total} vehicles", items: "items", item: "{plate}" }, list([vehicle, { ...vehicle, plate: "202" }]))).toBe(
      "2 vehicles\n- 101\n- 202",
    );
  });

  it("the first case whose when fields all equal the answer's says it; order decides", () => {
    const cases: TextCase[] = [
      { when: { status: "PARKED", "driver.name": "Luis Pérez" }, one: "{plate}: Luis parked it" },
      { when: { status: "PARKED" }, one: "{plate} is parked" },
      { one: "{plate} is out" },
    ];
    expect(tell(cases, { ...vehicle, status: "PARKED" })).toBe("101: Luis parked it");
    expect(tell(cases, { ...vehicle, status: "PARKED", driver: { name: "Ana Soto" } })).toBe("101 is parked");
    expect(tell(cases, vehicle)).toBe("101 is out");
    expect(tell([cases[2]!, cases[0]!], { ...vehicle, status: "PARKED" })).toBe("101 is out");
  });

  it("a case may be a heading with items, another a single line", () => {
    const cases: TextCase[] = [
      { when: { total: 0 }, one: "No vehicle matches." },
      { heading: "{returned} of {total|plural:vehicle}", items: "items", item: "{plate} · {value|money}" },
    ];
    expect(tell(cases, list([]))).toBe("No vehicle matches.");
    expect(tell(cases, list([vehicle]))).toBe("1 of 1 vehicle\n- 101 · 250,000.00 MXN");
    expect(tell(cases, list([vehicle], 9))).toBe("1 of 9 vehicles\n- 101 · 250,000.00 MXN");
  });

  it("null matches a field that is null or absent, and nothing else", () => {
    const cases: TextCase[] = [{ when: { pending: null }, one: "nothing pending" }, { one: "waiting: {pending.amount|money}" }];
    expect(tell(cases, { pending: null })).toBe("nothing pending");
    expect(tell(cases, {})).toBe("nothing pending");
    expect(tell(cases, { pending: { amount: { value: "5.00", currency: "MXN" } } })).toBe("waiting: 5.00 MXN");
    expect(tell(cases, { pending: 0 })).toBe("waiting: —");
    expect(tell(cases, { pending: false })).toBe("waiting: —");
  });

  it("compares lists and objects by value, and never a value with its text", () => {
    const cases: TextCase[] = [
      { when: { flags: [] }, one: "no flags" },
      { when: { limit: { amount: "10.00", period: "DAILY" } }, one: "the default limit" },
      { when: { count: 1 }, one: "just one" },
      { one: "{flags|words}" },
    ];
    expect(tell(cases, { flags: [] })).toBe("no flags");
    expect(tell(cases, { flags: ["WEEKEND_SPENDING"], limit: { amount: "10.00", period: "DAILY" } })).toBe("the default limit");
    expect(tell(cases, { flags: ["WEEKEND_SPENDING"], limit: { amount: "10.00", period: "MONTHLY" } })).toBe("weekend spending");
    expect(tell(cases, { flags: ["A"], count: 1 })).toBe("just one");
    expect(tell(cases, { flags: ["A"], count: "1" })).toBe("a");
  });

  it("when no case holds, shows the answer itself rather than nothing", () => {
    const cases: TextCase[] = [{ when: { status: "PARKED" }, one: "{plate} is parked" }];
    expect(tell(cases, vehicle)).toBe(JSON.stringify(vehicle));
    expect(tell({}, undefined)).toBe("Done.");
  });

  it("the fleet table's tools plan their texts and confirmations alike", () => {
    expect(describeAnswer(planText(listVehicles.text), list([]), env)).toBe("No vehicle matches.");
    const confirm = planConfirm(parkVehicle.confirm)!;
    const parked = { vehicle: { ...vehicle, status: "PARKED" }, previous: "ACTIVE" };
    expect(confirmText(confirm, parked, env)).toBe("Parked 101 (Luis Pérez); it was active.");
    expect(confirmText(confirm, { ...parked, previous: "PARKED" }, env)).toBe("101 (Luis Pérez) was already parked; nothing changed.");
    expect(confirmText(confirm, { ...parked, pending: true, vehicle: vehicle }, env)).toBe("Parking of 101 accepted but not applied yet; it is still active.");
  });

  it("a confirmation whose cases all have a when and none holds says nothing, so the text is used", () => {
    const confirm = planConfirm([{ when: { pending: true }, text: "queued" }, { when: { pending: null }, text: "no flag at all" }])!;
    expect(confirmText(confirm, { pending: true }, env)).toBe("queued");
    expect(confirmText(confirm, {}, env)).toBe("no flag at all");
    expect(confirmText(confirm, { pending: false }, env)).toBeUndefined();
    expect(planConfirm([])).toBeUndefined();
  });
});
