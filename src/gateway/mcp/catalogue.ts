// The tools each served role may see and call, built once from the table.
import type { ListToolsResult, Tool } from "@modelcontextprotocol/sdk/types.js";
import type { ToolEntry, ToolTable } from "../../../generated/table.js";

export interface Catalogue {
  /** The tools/list result for a role (the same object every time, so it can be serialised once). */
  list(role: string): ListToolsResult;
  /** The tool if this role may use it; a tool of another role is as unknown as a missing one. */
  find(role: string, name: string): ToolEntry | undefined;
  /** Every result `list` can return. */
  lists(): ListToolsResult[];
}

function describe(tool: ToolEntry): Tool {
  const listed: Tool = {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: tool.inputSchema as Tool["inputSchema"],
    annotations: { title: tool.title, ...tool.annotations },
  };
  if (tool.outputSchema) listed.outputSchema = tool.outputSchema as Tool["outputSchema"];
  // The MCP Apps view that draws the answer, and ChatGPT's Apps SDK alias of it. Listed for every
  // client: one without views ignores _meta, and a ChatGPT that reads only the alias still finds it.
  if (tool.view) listed._meta = { ui: { resourceUri: tool.view }, "openai/outputTemplate": tool.view };
  return listed;
}

export function createCatalogue(table: ToolTable): Catalogue {
  const empty: ListToolsResult = { tools: [] };
  const byRole = new Map<string, { result: ListToolsResult; tools: Map<string, ToolEntry> }>();
  for (const role of table.api.roles) {
    const tools = table.tools.filter((tool) => tool.roles.includes(role));
    byRole.set(role, {
      result: { tools: tools.map(describe) },
      tools: new Map(tools.map((tool) => [tool.name, tool])),
    });
  }
  return {
    list: (role) => byRole.get(role)?.result ?? empty,
    find: (role, name) => byRole.get(role)?.tools.get(name),
    lists: () => [...byRole.values()].map((entry) => entry.result),
  };
}
