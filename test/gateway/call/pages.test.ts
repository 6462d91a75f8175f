import { describe, expect, it } from "vitest";
import type { PagesEntry, UpstreamRequest } from "../../../generated/table.js";
import { fetchPages, pageLimit, planPages } from "../../../src/gateway/call/pages.js";
import { answer } from "./fleet.js";

const rows = Array.from({ length: 23 }, (_, i) => ({ n: i + 1 }));
const entry: PagesEntry = { style: "page", page: "page", size: "size", items: "data", total: "totalItems", pageSize: 10, limit: { default: 5, max: 50 } };

/** A paged API over `rows` that records the pages asked for. */
function pagedApi(list = rows) {
  const asked: Record<string, unknown>[] = [];
  const fetch = async (request: UpstreamRequest) => {
    const query = request.params.query ?? {};
    asked.push({ ...query });
    const page = Number(query.page);
    const size = Number(query.size);
    return answer(200, { data: list.slice((page - 1) * size, page * size), page, size, totalItems: list.length });
  };
  return { fetch, asked };
}

const base: UpstreamRequest = { params: { query: { status: "POSTED" } } };

describe("pages", () => {
  it("bounds the limit by the manifest", () => {
    expect(pageLimit(entry, undefined)).toBe(5);
    expect(pageLimit(entry, 500)).toBe(50);
    expect(pageLimit(entry, 0)).toBe(1);
    expect(pageLimit(entry, 7.9)).toBe(7);
  });

  it("asks for no more than the limit when one page is enough", async () => {
    const api = pagedApi();
    const got = await fetchPages(planPages(entry), base, 5, api.fetch);
    expect(api.asked).toEqual([{ status: "POSTED", page: 1, size: 5 }]);
    if ("failed" in got) throw new Error("failed");
    expect(got.data).toMatchObject({ totalItems: 23, returned: 5, hasMore: true });
    expect((got.data.data as unknown[]).length).toBe(5);
  });

  it("walks pages until the limit, keeping the true total", async () => {
    const api = pagedApi();
    const got = await fetchPages(planPages(entry), base, 25, api.fetch);
    if ("failed" in got) throw new Error("failed");
    expect(api.asked.map((q) => q.page)).toEqual([1, 2, 3]);
    expect(got.data.data).toEqual(rows);
    expect(got.data).toMatchObject({ totalItems: 23, returned: 23, hasMore: false });
  });

  it("stops exactly at the limit across pages, no item lost or repeated", async () => {
    const api = pagedApi();
    const got = await fetchPages(planPages(entry), base, 15, api.fetch);
    if ("failed" in got) throw new Error("failed");
    expect(got.data.data).toEqual(rows.slice(0, 15));
    expect(got.data).toMatchObject({ returned: 15, hasMore: true, totalItems: 23 });
  });

  it("gives an empty list, not an error, when nothing matches", async () => {
    const api = pagedApi([]);
    const got = await fetchPages(planPages(entry), base, 50, api.fetch);
    if ("failed" in got) throw new Error("failed");
    expect(got.data).toMatchObject({ data: [], totalItems: 0, returned: 0, hasMore: false });
    expect(api.asked).toHaveLength(1);
  });

  it("stops at the first failed page and hands it back", async () => {
    let calls = 0;
    const got = await fetchPages(planPages(entry), base, 30, async () => (++calls === 2 ? answer(500, { error: "x" }) : answer(200, { data: rows.slice(0, 10), totalItems: 23 })));
    expect("failed" in got && got.failed.response.status).toBe(500);
    expect(calls).toBe(2);
  });

  it("follows cursors when the API pages that way", async () => {
    const cursorEntry: PagesEntry = { style: "cursor", cursor: "after", next: "meta.next", items: "items", pageSize: 4, limit: { default: 10, max: 10 } };
    const asked: unknown[] = [];
    const got = await fetchPages(planPages(cursorEntry), { params: {} }, 10, async (request) => {
      const after = Number(request.params.query?.after ?? 0);
      asked.push(request.params.query?.after);
      const items = rows.slice(0, 9).slice(after, after + 4);
      const next = after + 4 < 9 ? String(after + 4) : null;
      return answer(200, { items, meta: { next } });
    });
    if ("failed" in got) throw new Error("failed");
    expect(asked).toEqual([undefined, "4", "8"]);
    expect(got.data.items).toEqual(rows.slice(0, 9));
    expect(got.data).toMatchObject({ returned: 9, hasMore: false });
  });
});
