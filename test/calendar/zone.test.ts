import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  compareDates,
  dateIn,
  daysBetween,
  endOfDayExclusive,
  isDate,
  isoWeekday,
  offsetAt,
  startOfDay,
  todayIn,
  zonedInstant,
} from "../../src/calendar/zone.js";

describe("zone", () => {
  it("gives today's date in a zone, which differs from UTC around midnight", () => {
    const now = new Date("2026-11-02T03:30:00Z"); // 21:30 on Nov 1 in Mexico City (UTC-6)
    expect(todayIn("America/Mexico_City", now)).toBe("2026-11-01");
    expect(todayIn("UTC", now)).toBe("2026-11-02");
    expect(todayIn("Asia/Tokyo", new Date("2026-11-01T16:00:00Z"))).toBe("2026-11-02");
  });

  it("finds the UTC instant a local day starts", () => {
    expect(startOfDay("2026-11-01", "America/Mexico_City").toISOString()).toBe("2026-11-01T06:00:00.000Z");
    expect(startOfDay("2026-07-15", "America/Sao_Paulo").toISOString()).toBe("2026-07-15T03:00:00.000Z");
    expect(startOfDay("2026-01-01", "UTC").toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(endOfDayExclusive("2026-11-01", "America/Mexico_City").toISOString()).toBe("2026-11-02T06:00:00.000Z");
  });

  it("is DST-safe on both transitions", () => {
    // New York: clocks go forward at 02:00 on 2026-03-08 and back at 02:00 on 2026-11-01.
    expect(startOfDay("2026-03-08", "America/New_York").toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(startOfDay("2026-03-09", "America/New_York").toISOString()).toBe("2026-03-09T04:00:00.000Z");
    expect(startOfDay("2026-11-02", "America/New_York").toISOString()).toBe("2026-11-02T05:00:00.000Z");
    // 02:30 does not exist on the spring day: it moves forward by the gap, to 03:30 EDT.
    expect(zonedInstant("2026-03-08", "02:30", "America/New_York").toISOString()).toBe("2026-03-08T07:30:00.000Z");
    // 01:30 happens twice on the autumn day: the earlier one (EDT).
    expect(zonedInstant("2026-11-01", "01:30", "America/New_York").toISOString()).toBe("2026-11-01T05:30:00.000Z");
    // Sao Paulo skipped midnight when DST began (2018-11-04): the day starts at 01:00 local.
    expect(startOfDay("2018-11-04", "America/Sao_Paulo").toISOString()).toBe("2018-11-04T03:00:00.000Z");
    expect(dateIn(startOfDay("2018-11-04", "America/Sao_Paulo"), "America/Sao_Paulo")).toBe("2018-11-04");
  });

  it("every local day starts on that day and 24±1 hours after the previous one", () => {
    for (const zone of ["America/Mexico_City", "America/Sao_Paulo", "America/Bogota", "Europe/Madrid", "America/New_York"]) {
      let date = "2017-12-25";
      for (let i = 0; i < 800; i++) {
        const start = startOfDay(date, zone).getTime();
        expect(dateIn(start, zone)).toBe(date);
        expect(dateIn(start - 1, zone)).toBe(addDays(date, -1));
        const next = startOfDay(addDays(date, 1), zone).getTime();
        expect([23, 24, 25]).toContain((next - start) / 3_600_000);
        date = addDays(date, 3);
      }
    }
  });

  it("reports offsets", () => {
    expect(offsetAt(Date.parse("2026-11-01T12:00:00Z"), "America/Mexico_City")).toBe(-6 * 3_600_000);
    expect(offsetAt(Date.parse("2026-11-01T12:00:00Z"), "Asia/Kolkata")).toBe(5.5 * 3_600_000);
  });

  it("adds and compares dates as strings", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-03-15", -3)).toBe("2025-12-15");
    expect(compareDates("2026-01-09", "2026-01-10")).toBeLessThan(0);
    expect(compareDates("2026-01-10", "2026-01-10")).toBe(0);
    expect(compareDates("2027-01-01", "2026-12-31")).toBeGreaterThan(0);
    expect(daysBetween("2026-01-01", "2026-03-01")).toBe(59);
    expect(isoWeekday("2026-11-23")).toBe(1);
    expect(isoWeekday("2026-11-29")).toBe(7);
  });

  it("rejects dates that do not exist", () => {
    expect(isDate("2026-02-29")).toBe(false);
    expect(isDate("2028-02-29")).toBe(true);
    expect(isDate("2026-13-01")).toBe(false);
    expect(isDate("26-01-01")).toBe(false);
    expect(() => addDays("2026-04-31", 1)).toThrow(RangeError);
  });
});

describe("zone, far from today", () => {
  it("handles years below 100 and far ahead without Date.UTC's 1900 shift", () => {
    expect(addDays("0001-01-01", -1)).toBe("0000-12-31");
    expect(addDays("0099-12-31", 1)).toBe("0100-01-01");
    expect(isDate("0004-02-29")).toBe(true);
    expect(startOfDay("0050-06-01", "UTC").getUTCFullYear()).toBe(50);
    expect(addMonths("9999-11-30", 1)).toBe("9999-12-30");
    expect(daysBetween("0001-01-01", "0002-01-01")).toBe(365);
  });
});
