// The export's file formats on their own: RFC 4180 records, JSON Lines, the CSV's columns in the
// company's time zone, and the links (sealed, encrypted, bound to their tool, expiring).
import { describe, expect, it } from "vitest";
import type { ExportColumn, ToolEntry } from "../../../generated/table.js";
import type { Caller } from "../../../src/gateway/auth/caller.js";
import { compileColumns } from "../../../src/gateway/exports/columns.js";
import { BOM, csvField, csvRecord } from "../../../src/gateway/exports/csv.js";
import { jsonLine } from "../../../src/gateway/exports/jsonl.js";
import { createLinks, lasting, shortId } from "../../../src/gateway/exports/links.js";
import { createSealer } from "../../../src/gateway/shared/seal.js";
import { parseCsv } from "../../fixtures/csv.js";

describe("CSV records (RFC 4180)", () => {
  it("quote what needs it, double quotes, end every record in CRLF, keep UTF-8 text as it is", () => {
    expect(csvRecord(["a", "b c", "Pérez"])).toBe("a,b c,Pérez\r\n");
    expect(csvField('Café "La Esquina", S.A.')).toBe('"Café ""La Esquina"", S.A."');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("carriage\rreturn")).toBe('"carriage\rreturn"');
    expect(csvField("")).toBe("");
    const fields = ["x,y", 'say "hi"', "line\r\nbreak", "São Paulo — Ñandú", ""];
    expect(parseCsv(csvRecord(fields))).toEqual([fields]);
    expect(BOM).toBe("\uFEFF");
  });

  it("keep a spreadsheet from running a cell as a formula, and leave numbers alone", () => {
    expect(csvField("=HYPERLINK(\"http://x\")")).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField("+1 555")).toBe("'+1 555");
    expect(csvField("@sum")).toBe("'@sum");
    expect(csvField("-250.00")).toBe("-250.00");
    expect(csvField("-")).toBe("'-");
  });

  it("JSON Lines: one item a line, newlines inside escaped", () => {
    expect(jsonLine({ a: "x\ny", b: [1] })).toBe('{"a":"x\\ny","b":[1]}\n');
  });
});

describe("CSV columns", () => {
  const columns: ExportColumn[] = [
    { header: "Date", field: "at", format: "date" },
    { header: "At", field: "at", format: "datetime" },
    { header: "Amount", field: "amount.value" },
    { header: "Category", field: "category", format: "words" },
    { header: "Status", field: "status", format: "lower" },
    { header: "Original", field: "original.value" },
    { header: "Count", field: "count" },
    { header: "Flags", field: "flags" },
  ];

  it("dates and times in the company's time zone, exact amounts, nothing for a missing value, numbers ungrouped", () => {
    const { headers, cells } = compileColumns(columns, "America/Mexico_City");
    expect(headers).toEqual(["Date", "At", "Amount", "Category", "Status", "Original", "Count", "Flags"]);
    const item = { at: "2026-11-01T04:46:02Z", amount: { value: "12345.60" }, category: "SOFTWARE_AND_HARDWARE", status: "POSTED", original: null, count: 1487, flags: ["A", "B"] };
    expect(cells(item)).toEqual(["2026-10-31", "2026-10-31 22:46:02", "12345.60", "software and hardware", "posted", "", "1487", "A; B"]);
    // Across a daylight-saving change: São Paulo has none now; New York moves on 2026-11-01 at 06:00 UTC.
    const ny = compileColumns(columns, "America/New_York").cells;
    expect(ny({ at: "2026-11-01T05:30:00Z" })[1]).toBe("2026-11-01 01:30:00");
    expect(ny({ at: "2026-11-01T06:30:00Z" })[1]).toBe("2026-11-01 01:30:00");
    expect(ny({ at: "2026-11-01T07:30:00Z" })[1]).toBe("2026-11-01 02:30:00");
    expect(compileColumns(columns, "America/Bogota").cells({ at: "2026-11-20" }).slice(0, 2)).toEqual(["2026-11-20", "2026-11-20"]);
  });
});

describe("export links", () => {
  const SECRET = "a secret of at least thirty-two bytes!!";
  const tool = { name: "list_transactions", export: { filename: "transactions", columns: [], pageSize: 100 } } as unknown as ToolEntry;
  const caller = { token: "clara_pat_abcdef0123456789", tokenId: "c09cb4a7a3d4", userId: "usr_1", companyId: "cmp_acme" } as Caller;
  const params = { path: {}, query: { from: "2026-07-01", to: "2026-09-30" } };

  it("seal the resource and encrypt the download, both for their tool, filters, user and company", () => {
    let now = 1_000_000;
    const links = createLinks({ sealer: createSealer(SECRET), publicUrl: () => "https://mcp.clara.example/", resourceTtlMs: 3_600_000, downloadTtlMs: 600_000, now: () => now });
    const offer = links.offer(caller, tool, params);
    expect(offer.resource).toMatch(/^export:\/\/list_transactions\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.csv$/);
    expect(offer.download).toMatch(/^https:\/\/mcp\.clara\.example\/exports\/[A-Za-z0-9_-]+\.csv$/);
    expect(offer.download).not.toContain(caller.token);
    expect(offer).toMatchObject({ name: "transactions.csv", lasts: "10 minutes", expiresAt: new Date(now + 600_000).toISOString() });
    const target = { tool: "list_transactions", params, userId: "usr_1", companyId: "cmp_acme", tokenId: "c09cb4a7a3d4" };
    expect(links.openResource(offer.resource)).toEqual({ target, format: "csv" });
    expect(links.openResource(offer.resource.replace(/\.csv$/, ".jsonl"))).toEqual({ target, format: "jsonl" });
    const last = offer.download.split("/").pop()!;
    expect(links.openDownload(last)).toEqual({ target, token: caller.token, format: "csv" });
    // Another tool's name on the same seal, another secret, a changed character, junk: nothing.
    expect(links.openResource(offer.resource.replace("list_transactions", "list_expenses"))).toBeUndefined();
    const other = createLinks({ sealer: createSealer("another secret of thirty-two bytes or more"), publicUrl: () => "x", resourceTtlMs: 1, downloadTtlMs: 1 });
    expect(other.openResource(offer.resource)).toBeUndefined();
    expect(other.openDownload(last)).toBeUndefined();
    expect(links.openDownload(`${last.slice(0, 10)}${last[10] === "A" ? "B" : "A"}${last.slice(11)}`)).toBeUndefined();
    for (const junk of ["", "x.csv", "export://", "export://list_transactions/.csv", "https://x/exports/y.csv", last.replace(".csv", ".xls")]) {
      expect(links.openResource(junk)).toBeUndefined();
      expect(links.openDownload(junk)).toBeUndefined();
    }
    // Later: the download link expires in minutes (and says so), the resource in an hour.
    now += 600_001;
    expect(links.openDownload(last)).toBe("expired");
    expect(links.openResource(offer.resource)).toEqual({ target, format: "csv" });
    now += 3_000_000;
    expect(links.openResource(offer.resource)).toBeUndefined();
  });

  it("name a link in logs by a short id, and say a lifetime in words", () => {
    expect(shortId("abc")).toMatch(/^[0-9a-f]{12}$/);
    expect(lasting(600_000)).toBe("10 minutes");
    expect(lasting(60_000)).toBe("1 minute");
    expect(lasting(5_000)).toBe("5 seconds");
  });
});
