// generated/TOOLS.md: the catalogue of tools for people.
import { typeOf } from "../contract.js";
import type { GenModel, ToolModel } from "../model.js";
import type { JsonSchema } from "../table.js";
import type { Source } from "./header.js";

export function emitCatalogue(model: GenModel, source: Source): string {
  const from = source.manifestName ? `\`${source.manifestName}\` and \`${source.specName}\`` : `\`${source.specName}\``;
  const lines = [
    `# Tools`,
    ``,
    `Written by \`npm run codegen\` from ${from}; do not edit. ${model.tools.length} tool(s).`,
    ``,
    `| tool | title | operation | roles |`,
    `| --- | --- | --- | --- |`,
    ...model.tools.map((t) => `| [\`${t.name}\`](#${anchor(t.name)}) | ${cell(t.title)} | \`${t.method.toUpperCase()} ${t.path}\` | ${t.roles.join(", ")} |`),
    ``,
  ];
  for (const tool of model.tools) lines.push(...section(tool));
  return lines.join("\n");
}

function section(tool: ToolModel): string[] {
  const hints = Object.entries(tool.annotations).filter(([, on]) => on).map(([k]) => k.replace(/Hint$/, ""));
  const lines = [
    `## ${tool.name}`,
    ``,
    `**${tool.title}** — \`${tool.method.toUpperCase()} ${tool.path}\` (${tool.operationId}). Roles: ${tool.roles.join(", ")}.${tool.scope ? ` OAuth scope: \`${tool.scope}\`.` : ""} Hints: ${hints.join(", ") || "none"}.`,
    ``,
    tool.description,
    ``,
  ];
  const props = (tool.inputSchema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((tool.inputSchema.required as string[] | undefined) ?? []);
  if (Object.keys(props).length > 0) {
    lines.push(`| argument | type | required | description |`, `| --- | --- | --- | --- |`);
    for (const [name, schema] of Object.entries(props)) {
      const values = Array.isArray(schema.enum) ? ` (${schema.enum.map((v) => JSON.stringify(v)).join(", ")})` : "";
      lines.push(`| \`${name}\` | ${cell(typeOf(schema))} | ${required.has(name) ? "yes" : "no"} | ${cell(String(schema.description ?? ""))}${cell(values)} |`);
    }
    lines.push(``);
  } else lines.push(`No arguments.`, ``);
  const helpers: string[] = [];
  for (const r of tool.resolve) helpers.push(`\`${r.arg}\` is resolved to \`${r.param}\` through ${r.resolver.operationId} (a ${r.resolver.noun} by id, or natural reference).`);
  if (tool.period) helpers.push(`\`${tool.period.arg}\` is a preset for \`${tool.period.from}\`/\`${tool.period.to}\`${tool.period.default ? ` (default ${tool.period.default})` : ""}.`);
  if (tool.pages) helpers.push(`Pages of ${tool.pages.pageSize} are fetched until \`limit\` items (default ${tool.pages.limit.default}, at most ${tool.pages.limit.max}).`);
  if (tool.await) helpers.push(`On ${tool.await.status}, ${tool.await.operationId} is polled until \`${tool.await.until.field}\` is ${JSON.stringify(tool.await.until.equals)} (at most ${tool.await.timeoutMs} ms).`);
  if (tool.ask) {
    const without = tool.ask.unconfirmed === "allow" ? "runs unconfirmed" : `answers the preview and a code for \`${tool.ask.argument}\``;
    helpers.push(`Asks the user before it writes, with a preview read from ${tool.ask.read.operationId}; a client that cannot ask ${without}.`);
  }
  if (tool.view) helpers.push(`Clients that render MCP Apps show the answer in the view \`${tool.view}\`.`);
  for (const f of tool.fixed) helpers.push(`Always sends ${f.in} \`${f.name}\` = \`${JSON.stringify(f.value)}\`.`);
  if (helpers.length > 0) lines.push(...helpers.map((h) => `- ${h}`), ``);
  if (tool.outputSchema) {
    const out = (tool.outputSchema.properties ?? {}) as Record<string, JsonSchema>;
    const fields = Object.entries(out).map(([k, v]) => `\`${k}\` (${typeOf(v)})`);
    const wrapped = tool.wrapOutput ? ` The answer is wrapped as \`${tool.wrapOutput}\`.` : "";
    lines.push(`Answer: ${fields.join(", ") || "an object"}.${wrapped}`, ``);
  } else lines.push(`Answer: no structured content.`, ``);
  return lines;
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
}

function anchor(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9_-]/g, "");
}
