// The tools each served role may see and call, built once from the table; for an OAuth token, only
// those of its scopes too (a token with the read scopes alone lists no write tool). Every list a
// caller can get is made up front, so each is one object, serialised once.
import type { ListToolsResult, Tool } from "@modelcontextprotocol/sdk/types.js";
import type { ToolEntry, ToolTable } from "../../../generated/table.js";

export interface Catalogue {
  /** The tools/list result for a role and, for an OAuth token, its scopes (the same object every time). */
  list(role: string, scopes?: readonly string[]): ListToolsResult;
  /** The tool if this role (and these scopes) may use it; any other tool is as unknown as a missing one. */
  find(role: string, name: string, scopes?: readonly string[]): ToolEntry | undefined;
  /** Every result `list` can return. */
  lists(): ListToolsResult[];
}

// Subsets of one role's scopes are made up front: beyond this many, that would be too many lists.
const MAX_SCOPES_PER_ROLE = 12;

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

interface View {
  result: ListToolsResult;
  tools: Map<string, ToolEntry>;
}

function view(tools: readonly ToolEntry[]): View {
  return { result: { tools: tools.map(describe) }, tools: new Map(tools.map((tool) => [tool.name, tool])) };
}

/** Every subset of `items`, each in the order of `items`. */
function subsets<T>(items: readonly T[]): T[][] {
  return items.reduce<T[][]>((all, item) => [...all, ...all.map((subset) => [...subset, item])], [[]]);
}

export function createCatalogue(table: ToolTable): Catalogue {
  const empty: View = view([]);
  const byRole = new Map<string, { all: View; scopes: readonly string[]; byScopes: Map<string, View> }>();
  for (const role of table.api.roles) {
    const tools = table.tools.filter((tool) => tool.roles.includes(role));
    const scopes = [...new Set(tools.flatMap((tool) => (tool.scope ? [tool.scope] : [])))];
    if (scopes.length > MAX_SCOPES_PER_ROLE) throw new Error(`role ${role} has tools of ${scopes.length} scopes; at most ${MAX_SCOPES_PER_ROLE} are supported`);
    const all = view(tools);
    const byScopes = new Map<string, View>();
    for (const subset of subsets(scopes)) {
      const key = subset.join(" ");
      byScopes.set(key, subset.length === scopes.length ? all : view(tools.filter((tool) => !tool.scope || subset.includes(tool.scope))));
    }
    byRole.set(role, { all, scopes, byScopes });
  }
  const pick = (role: string, scopes: readonly string[] | undefined): View => {
    const entry = byRole.get(role);
    if (!entry) return empty;
    if (!scopes) return entry.all;
    return entry.byScopes.get(entry.scopes.filter((scope) => scopes.includes(scope)).join(" ")) ?? empty;
  };
  return {
    list: (role, scopes) => pick(role, scopes).result,
    find: (role, name, scopes) => pick(role, scopes).tools.get(name),
    lists: () => [...new Set([empty, ...[...byRole.values()].flatMap((entry) => [...entry.byScopes.values()])])].map((v) => v.result),
  };
}
