// An export's file as chunks of text: CSV (one header record, then one record per item) or JSON Lines
// (one item per line). The first page is fetched before anything is handed back, so a refusal is an
// answer and not a broken file; after that, each page is written before the next is asked for.
import type { ToolEntry } from "../../../generated/table.js";
import type { Upstream } from "../upstream/client.js";
import { compileColumns } from "./columns.js";
import { BOM, csvRecord } from "./csv.js";
import { gatherPages, type GatherRequest } from "./gather.js";
import { jsonLine } from "./jsonl.js";
import type { ExportFormat } from "./links.js";

export interface ExportFile {
  mimeType: string;
  /** e.g. transactions.csv */
  filename: string;
  chunks: AsyncIterable<string>;
}

export const MIME: Record<ExportFormat, string> = { csv: "text/csv", jsonl: "application/jsonl" };

export interface FileOptions {
  format: ExportFormat;
  /** The company's time zone, for the CSV's dates and times. */
  timeZone: string;
  /** Start a CSV with a byte-order mark, for Excel. */
  bom?: boolean;
}

export async function openFile(upstream: Upstream, request: GatherRequest, opts: FileOptions): Promise<ExportFile> {
  const { tool } = request;
  const pages = gatherPages(upstream, request);
  const first = await pages.next();
  const line = lineWriter(tool, opts);
  async function* chunks(): AsyncGenerator<string> {
    try {
      if (opts.format === "csv") yield `${opts.bom ? BOM : ""}${csvRecord(compileColumns(tool.export!.columns, opts.timeZone).headers)}`;
      if (!first.done) yield first.value.map(line).join("");
      for await (const page of pages) yield page.map(line).join("");
    } finally {
      // The reader went away early: stop asking for pages.
      await pages.return(undefined);
    }
  }
  return { mimeType: MIME[opts.format], filename: `${tool.export?.filename ?? tool.name}.${opts.format}`, chunks: chunks() };
}

function lineWriter(tool: ToolEntry, opts: FileOptions): (item: unknown) => string {
  if (opts.format === "jsonl") return jsonLine;
  const { cells } = compileColumns(tool.export!.columns, opts.timeZone);
  return (item) => csvRecord(cells(item));
}
