// A list's export (the manifest's `export`), checked against the items it gathers: each column's field,
// its format, unique headers; and the page size the gathering asks for.
import type { ManifestTool } from "../manifest.js";
import type { OperationModel } from "../model.js";
import type { ExportEntry, JsonSchema, PagesEntry } from "../table.js";
import { itemsAt, schemaAt } from "./fields.js";
import type { Problems } from "./problems.js";

const TEXT_FORMATS = new Set(["date", "datetime"]);

export function shapeExport(entry: NonNullable<ManifestTool["export"]>, name: string, op: OperationModel, pages: PagesEntry | undefined, answer: JsonSchema | undefined, problems: Problems): ExportEntry | undefined {
  if (!pages) {
    problems.fail("export", "an export gathers a list page by page: the tool needs pages");
    return undefined;
  }
  const item = itemsAt(answer, pages.items) ?? undefined;
  const headers = new Set<string>();
  entry.columns.forEach((column, i) => {
    const field = schemaAt(item, column.field);
    if (field === null) problems.fail(`export.columns[${i}].field`, `no field "${column.field}" in an item of ${pages.items}`);
    if (column.format && TEXT_FORMATS.has(column.format) && field && field.type !== undefined && ![field.type].flat().includes("string")) {
      problems.fail(`export.columns[${i}].format`, `${column.format} needs a date-time text, and "${column.field}" is ${[field.type].flat().join(" or ")}`);
    }
    if (headers.has(column.header)) problems.fail(`export.columns[${i}].header`, `"${column.header}" is used by an earlier column`);
    headers.add(column.header);
  });
  // As few round trips as the API allows: its largest page size.
  const size = pages.size ? op.params.find((p) => p.name === pages.size) : undefined;
  const max = size?.schema.maximum;
  return {
    columns: entry.columns.map((c) => ({ ...c })),
    filename: entry.filename ?? name.replace(/^list_/, ""),
    pageSize: typeof max === "number" ? Math.max(pages.pageSize, max) : pages.pageSize,
  };
}
