// generated/views.ts: each view's page, as the gateway serves it through resources/read.
import type { ViewEntry } from "../table.js";
import { header, type Source } from "./header.js";

export function emitViews(views: readonly ViewEntry[], source: Source): string {
  const lines = [
    header(source).trimEnd(),
    `// Each page is built from the view's folder (see docs/manifest.md, "Views"); a change there needs npm run codegen.`,
    `import type { ViewEntry } from "./table.js";`,
    ``,
    `export const views: readonly ViewEntry[] = [`,
  ];
  for (const view of views) {
    lines.push(`  {`);
    for (const key of ["name", "uri", "title", "description", "html"] as const) lines.push(`    ${key}: ${JSON.stringify(view[key])},`);
    lines.push(`  },`);
  }
  lines.push(`];`, ``);
  return lines.join("\n");
}
