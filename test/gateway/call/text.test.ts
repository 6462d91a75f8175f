// Text cases of reads and confirm cases of writes: one matching rule, the first case whose `when` holds.
import { describe, expect, it } from "vitest";
import type { ItemCase, TextCase } from "../../../generated/table.js";
import { confirmText, planConfirm } from "../../../src/gateway/call/confirm.js";
import { describeAnswer, planText } from "../../../src/gateway/call/text.js";
import { listTrips, listVehicles, parkVehicle } from "./fleet.js";

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

describe("item cases", () => {
  // The fleet table's list of vehicles, its line told per vehicle instead of by one template.
  const listed = listVehicles.text as readonly TextCase[];
  const withItem = (item: string | ItemCase[]): TextCase[] => [listed[0]!, { ...listed[1]!, item }];
  const byStatus: ItemCase[] = [
    { when: { status: "PARKED", "driver.name": null }, text: "{plate} · parked, no driver" },
    { when: { status: "PARKED" }, text: "{plate} · parked by {driver.name}" },
    { when: { driver: null }, text: "{plate} · {status|lower}, no driver" },
    { text: "{plate} · {driver.name} · {status|lower} · {value|money}" },
  ];

  it("each element takes the first case whose when fields all equal its own; the heading still reads the answer", () => {
    const parked = { ...vehicle, plate: "202", status: "PARKED" };
    const parkedAlone = { plate: "303", status: "PARKED", value: vehicle.value };
    const driverless = { plate: "404", status: "RETIRED", driver: null, value: vehicle.value };
    expect(tell(withItem(byStatus), list([vehicle, parked, parkedAlone, driverless], 12))).toBe(
      [
        "4 of 12 vehicles",
        "- 101 · Luis Pérez · active · 250,000.00 MXN",
        "- 202 · parked by Luis Pérez",
        "- 303 · parked, no driver",
        "- 404 · retired, no driver",
      ].join("\n"),
    );
    // The answer's own cases still come first: an empty list is told by its case, no line is drawn.
    expect(tell(withItem(byStatus), list([]))).toBe("No vehicle matches.");
  });

  it("the string form and a single case without when tell every element alike", () => {
    const answer = list([vehicle, { ...vehicle, plate: "202" }]);
    const template = "{plate} · {status|lower}";
    expect(tell(withItem(template), answer)).toBe(tell(withItem([{ text: template }]), answer));
    expect(tell(withItem([{ text: template }]), answer)).toBe("2 of 2 vehicles\n- 101 · active\n- 202 · active");
  });

  it("an element no case holds for is shown as itself, the others as their case says", () => {
    const onlyParked: ItemCase[] = [{ when: { status: "PARKED" }, text: "{plate} parked" }];
    const other = { plate: "505", status: "ACTIVE" };
    expect(tell(withItem(onlyParked), list([{ ...vehicle, status: "PARKED" }, other]))).toBe(`2 of 2 vehicles\n- 101 parked\n- ${JSON.stringify(other)}`);
  });

  it("compares an element's lists by value and filters render over the element", () => {
    const trips = {
      ...listTrips.text,
      item: [
        { when: { stops: [] }, text: "{at|date} · {fare|money} · direct" },
        { text: "{at|date} · {fare|money} · via {stops|words}" },
      ],
    };
    const fare = { value: "120.50", currency: "MXN" };
    const answer = { trips: [{ at: "2026-11-15T03:00:00Z", fare, stops: [] }, { at: "2026-11-16T18:00:00Z", fare, stops: ["NORTH_GATE", "DEPOT"] }] };
    expect(tell(trips, answer)).toBe("2 trips\n- 2026-11-14 · 120.50 MXN · direct\n- 2026-11-16 · 120.50 MXN · via north gate, depot");
  });
});
