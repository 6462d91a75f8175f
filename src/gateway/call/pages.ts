// Fetches as many pages as it takes to return `limit` items, and reports the true total.
import type { PagesEntry, UpstreamRequest, UpstreamResult } from "../../../generated/table.js";
import { fieldReader, writeField, type FieldReader } from "./fields.js";

export interface PagesPlan {
  entry: PagesEntry;
  items: FieldReader;
  total?: FieldReader;
  next?: FieldReader;
  /** The answer as its structuredContent carries it: the items slimmed as the manifest says (fields or table). */
  slim: (answer: Record<string, unknown>) => Record<string, unknown>;
}

export function planPages(entry: PagesEntry): PagesPlan {
  const items = fieldReader(entry.items);
  return {
    entry,
    items,
    ...(entry.total ? { total: fieldReader(entry.total) } : {}),
    ...(entry.next ? { next: fieldReader(entry.next) } : {}),
    slim: slimmer(entry, items),
  };
}

function slimmer(entry: PagesEntry, items: FieldReader): PagesPlan["slim"] {
  const paths = entry.table ?? entry.fields;
  if (!paths) return (answer) => answer;
  const readers = paths.map(fieldReader);
  const each: (item: unknown) => unknown = entry.table
    ? (item: unknown) => readers.map((read) => read(item) ?? null)
    : (item: unknown) => {
        const out: Record<string, unknown> = {};
        paths.forEach((path, i) => {
          const value = readers[i]!(item);
          if (value !== undefined) writeField(out, path, value);
        });
        return out;
      };
  return (answer) => {
    const list = items(answer);
    const out: Record<string, unknown> = entry.table ? { columns: paths, ...answer } : { ...answer };
    writeField(out, entry.items, Array.isArray(list) ? list.map(each) : list);
    return out;
  };
}

/** The `limit` argument, defaulted and bounded as the manifest says. */
export function pageLimit(entry: PagesEntry, asked: unknown): number {
  const wanted = typeof asked === "number" && Number.isFinite(asked) ? Math.floor(asked) : entry.limit.default;
  return Math.max(1, Math.min(wanted, entry.limit.max));
}

export type PageFetch = (request: UpstreamRequest) => Promise<UpstreamResult>;

export type PagesOutcome = { data: Record<string, unknown>; last: UpstreamResult } | { failed: UpstreamResult };

/**
 * Walks pages from the first until `limit` items are collected or none are left. The answer is
 * `{ <items>, <total>, returned, hasMore }`, the total as the API gave it.
 */
export async function fetchPages(plan: PagesPlan, base: UpstreamRequest, limit: number, fetchPage: PageFetch): Promise<PagesOutcome> {
  const { entry } = plan;
  // Ask for no more than needed, but keep one page size throughout so page numbers stay aligned.
  const size = Math.min(entry.pageSize, limit);
  const collected: unknown[] = [];
  let total: number | undefined;
  let exhausted = false;
  let dropped = 0;
  let cursor: unknown;
  let last: UpstreamResult | undefined;
  const maxPages = Math.ceil(limit / size) + 1;

  for (let page = 1; page <= maxPages; page++) {
    const query: Record<string, unknown> = { ...base.params.query };
    if (entry.style === "page") {
      if (entry.page) query[entry.page] = page;
    } else if (cursor !== undefined && entry.cursor) {
      query[entry.cursor] = cursor;
    }
    if (entry.size) query[entry.size] = size;
    last = await fetchPage({ ...base, params: { ...base.params, query } });
    if (!last.response.ok) return { failed: last };
    const body = (last.data ?? {}) as Record<string, unknown>;
    const items = plan.items(body);
    const list = Array.isArray(items) ? items : [];
    if (plan.total) {
      const value = plan.total(body);
      if (typeof value === "number") total = value;
    }
    for (const item of list) {
      if (collected.length < limit) collected.push(item);
      else dropped++;
    }
    if (entry.style === "cursor") {
      cursor = plan.next?.(body);
      if (cursor === undefined || cursor === null || cursor === "") exhausted = true;
    } else if (list.length < size || (total !== undefined && page * size >= total)) {
      exhausted = true;
    }
    if (exhausted || collected.length >= limit) break;
  }

  // Page bookkeeping (page, size, totalPages) would describe one page, not the answer: leave it out.
  const data: Record<string, unknown> = {};
  writeField(data, entry.items, collected);
  const returned = collected.length;
  data.returned = returned;
  data.hasMore = total !== undefined ? total > returned : !exhausted || dropped > 0;
  if (entry.total && total !== undefined) writeField(data, entry.total, total);
  return { data, last: last! };
}
