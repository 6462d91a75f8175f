// generated/tools.json: exactly what tools/list serves, plus each tool's roles and OAuth scope.
import type { GenModel, ToolModel } from "../model.js";

export function listEntry(tool: ToolModel): Record<string, unknown> {
  return {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: tool.inputSchema,
    ...(tool.outputSchema ? { outputSchema: tool.outputSchema } : {}),
    annotations: tool.annotations,
    // The MCP Apps link and ChatGPT's alias of it, as src/gateway/mcp/catalogue.ts lists them.
    ...(tool.view ? { _meta: { ui: { resourceUri: tool.view }, "openai/outputTemplate": tool.view } } : {}),
    roles: tool.roles,
    ...(tool.scope ? { scope: tool.scope } : {}),
  };
}

export function emitToolsJson(model: GenModel): string {
  return `${JSON.stringify({ tools: model.tools.map(listEntry) }, null, 2)}\n`;
}
