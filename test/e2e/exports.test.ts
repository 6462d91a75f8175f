// Exports for bookkeepers, end to end on both eras: a list that does not hold every match links to all of
// them as CSV; resources/read and the download URL give the same file, equal row by row to the REST API's
// pages; JSON Lines are the items themselves; another user, another company, a revoked token, an altered
// or an expired link get nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSealer } from "../../src/gateway/shared/seal.js";
import { createLinks } from "../../src/gateway/exports/links.js";
import { parseCsv } from "../fixtures/csv.js";
import { ERAS, startStack, USERS, type Stack } from "./harness.js";
import { restAll, session, type Session } from "./prompting.js";

const TODAY = "2026-11-20";
const SECRET = "the test deployment's secret, 32 bytes or more";
const HEADERS = [
  "Date", "Authorized at", "Posted at", "Merchant", "Category", "MCC", "Merchant country", "Amount", "Currency",
  "Original amount", "Original currency", "Status", "Cardholder", "Card last 4", "Card ID", "Transaction ID",
];

/** The row a REST item should be, worked out here without the gateway's code (Intl, not its offsets). */
function expectedRow(item: any, timeZone: string): string[] {
  const clock = new Intl.DateTimeFormat("sv-SE", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
  const local = (iso: string | null) => (iso ? clock.format(new Date(iso)) : "");
  const words = (value: string) => value.toLowerCase().replaceAll("_", " ");
  return [
    local(item.authorizedAt).slice(0, 10), local(item.authorizedAt), local(item.postedAt), item.merchant.name, words(item.merchant.category),
    item.merchant.mcc, item.merchant.country, item.amount.value, item.amount.currency, item.originalAmount?.value ?? "", item.originalAmount?.currency ?? "",
    words(item.status), item.cardholder.name, item.card.last4, item.card.id, item.id,
  ];
}

describe.each(ERAS)("%s era", (era) => {
  let stack: Stack;
  let admin: Session;
  let books: Session;
  let brasa: Session;

  beforeAll(async () => {
    stack = await startStack({ era, today: TODAY, sealer: createSealer(SECRET) });
    [admin, books, brasa] = await Promise.all([session(stack, USERS.admin), session(stack, USERS.books), session(stack, USERS.brasa)]);
  });
  afterAll(async () => {
    await stack?.close();
  });

  async function quarter(user: Session = admin) {
    const result = await user.client.callTool({ name: "list_transactions", arguments: { period: "last_quarter" } });
    const link = (result.content as any[]).find((part) => part.type === "resource_link");
    return { result, link, structured: result.structuredContent as any, text: (result.content[0] as any).text as string };
  }

  it("a list that does not hold every match links to all of them: a resource_link and a download URL", async () => {
    const { link, structured, text } = await quarter();
    expect(structured.hasMore).toBe(true);
    expect(link).toMatchObject({ type: "resource_link", mimeType: "text/csv", name: "transactions.csv", title: `All ${structured.totalItems.toLocaleString("en-US")} (CSV)` });
    expect(link.uri).toMatch(/^export:\/\/list_transactions\//);
    expect(structured.export).toMatchObject({ download: expect.stringMatching(new RegExp(`^${stack.gatewayUrl}/exports/[A-Za-z0-9_-]+\\.csv$`)), count: structured.totalItems });
    expect(Date.parse(structured.export.expiresAt) - Date.parse(new Date(stack.sandbox.now()).toISOString())).toBeLessThanOrEqual(600_000);
    expect(text).toContain(`All ${structured.totalItems.toLocaleString("en-US")} as a CSV file: ${structured.export.download} (link valid 10 minutes).`);
    // An answer that holds every match offers nothing.
    const all = await admin.client.callTool({ name: "list_transactions", arguments: { period: "today", minAmount: "9999999" } });
    expect((all.content as any[]).map((part) => part.type)).toEqual(["text"]);
    expect((all.structuredContent as any).export).toBeUndefined();
  });

  it("the whole quarter through resources/read and through its URL: the same file, row by row the REST API's pages", async () => {
    const { link, structured } = await quarter();
    const rest = await restAll(admin, "/api/v3/transactions?from=2026-07-01&to=2026-09-30");
    expect(rest.totalItems).toBe(structured.totalItems);
    expect(rest.totalItems).toBeGreaterThan(2_000);

    const read = await admin.client.readResource({ uri: link.uri });
    expect(read.contents).toHaveLength(1);
    expect(read.contents[0]).toMatchObject({ uri: link.uri, mimeType: "text/csv" });
    const csv = read.contents[0]!.text!;
    const records = parseCsv(csv);
    expect(records[0]).toEqual(HEADERS);
    // One header, then exactly one record per item: no totals, no notes.
    expect(records).toHaveLength(rest.totalItems + 1);
    expect(records.slice(1)).toEqual(rest.items.map((item) => expectedRow(item, "America/Mexico_City")));
    expect(csv).toContain("Luis Pérez");

    const response = await fetch(structured.export.download);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="transactions.csv"');
    const bytes = Buffer.from(await response.arrayBuffer());
    // UTF-8 with a byte-order mark, which Excel needs to read "Pérez"; otherwise the very same file.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString("utf8")).toBe(csv);
    // The request log names the link by a short id, never by its credential.
    const last = structured.export.download.split("/").pop();
    const logged = stack.logs.filter((line) => line.includes('"path":"/exports/'));
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) expect(line).not.toContain(last.slice(0, 40));
  });

  it("JSON Lines: the items as the API gives them, one a line", async () => {
    const { link, structured } = await quarter();
    const rest = await restAll(admin, "/api/v3/transactions?from=2026-07-01&to=2026-09-30");
    const read = await admin.client.readResource({ uri: link.uri.replace(/\.csv$/, ".jsonl") });
    expect(read.contents[0]!.mimeType).toBe("application/jsonl");
    const lines = read.contents[0]!.text!.split("\n");
    expect(lines.pop()).toBe("");
    expect(lines.map((line: string) => JSON.parse(line))).toEqual(rest.items);
    const response = await fetch(structured.export.download.replace(/\.csv$/, ".jsonl"));
    expect(response.headers.get("content-type")).toBe("application/jsonl; charset=utf-8");
    expect(await response.text()).toBe(read.contents[0]!.text);
  });

  it("another user of the company, another company, a forged or altered URI: resource not found, no data", async () => {
    const { link } = await quarter();
    const notFound = era === "2025" ? -32002 : -32602;
    const [scheme, rest] = [link.uri.slice(0, link.uri.lastIndexOf("/") + 1), link.uri.slice(link.uri.lastIndexOf("/") + 1)];
    const altered = `${scheme}${rest.slice(0, 8)}${rest[8] === "A" ? "B" : "A"}${rest.slice(9)}`;
    for (const [who, uri] of [[books, link.uri], [brasa, link.uri], [admin, altered], [admin, "export://list_transactions/x.csv"], [admin, "file:///etc/passwd"], [admin, link.uri.replace("list_transactions", "list_cards")]] as const) {
      const refused = await who.client.readResource({ uri }).then(
        () => undefined,
        (error: Error & { code?: number }) => error,
      );
      expect(refused, uri).toBeDefined();
      expect(refused!.code).toBe(notFound);
      expect(refused!.message).not.toContain("Luis");
    }
    // A bookkeeper's own export is theirs to read.
    const own = await quarter(books);
    expect((await books.client.readResource({ uri: own.link.uri })).contents[0]!.text).toMatch(/^Date,/);
  });

  it("the download URL: an altered one, one carrying another company's credential, or a revoked token get nothing", async () => {
    const { structured } = await quarter();
    const url: string = structured.export.download;
    const last = url.split("/").pop()!;
    const altered = `${stack.gatewayUrl}/exports/${last.slice(0, 12)}${last[12] === "A" ? "B" : "A"}${last.slice(13)}`;
    const forged = await fetch(altered);
    expect(forged.status).toBe(404);
    expect(await forged.text()).toBe("This download link is not valid.\n");
    expect((await fetch(`${stack.gatewayUrl}/exports/nothing.csv`)).status).toBe(404);
    expect((await fetch(url, { method: "POST" })).status).toBe(405);

    // A link made with this deployment's secret for Acme's user and company, but Brasa's token: the
    // credential is checked again at download, and Brasa's administrator is not Acme's.
    const links = createLinks({ sealer: createSealer(SECRET), publicUrl: () => stack.gatewayUrl, resourceTtlMs: 60_000, downloadTtlMs: 60_000 });
    const me = (await admin.rest("/api/v3/me")) as any;
    const mixed = links.offer({ ...({} as any), token: brasa.token, tokenId: "x", userId: me.id, companyId: me.company.id }, { name: "list_transactions", export: { filename: "transactions" } } as any, {
      path: {},
      query: { from: "2026-07-01", to: "2026-09-30" },
    });
    const other = await fetch(mixed.download);
    expect(other.status).toBe(403);
    expect(await other.text()).toBe("This download link is not yours to use.\n");

    // Revoked: the link's credential no longer opens anything.
    const lent = await session(stack, USERS.admin);
    const theirs = (await lent.client.callTool({ name: "list_transactions", arguments: { period: "last_quarter" } })).structuredContent as any;
    stack.revoke(lent.token);
    const revoked = await fetch(theirs.export.download);
    expect(revoked.status).toBe(403);
    expect(await revoked.text()).toBe("This download link's access was revoked.\n");
  });
});

describe("an expired download link", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ today: TODAY, transactions: 600, exportTtlMs: 300 });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it("is refused with 410 and words to ask again, and no data", async () => {
    const admin = await session(stack, USERS.admin);
    const answer = await admin.client.callTool({ name: "list_transactions", arguments: { period: "last_90_days", limit: 5 } });
    const url = (answer.structuredContent as any).export.download;
    expect((answer.content[0] as any).text).toContain("(link valid 1 second).");
    await new Promise((resolve) => setTimeout(resolve, 400));
    const expired = await fetch(url);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toBe("This download link has expired. Ask for the export again to get a new one.\n");
  });
});
