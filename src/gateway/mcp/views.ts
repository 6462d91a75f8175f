// The views (MCP Apps, io.modelcontextprotocol/ui): each tool's `ui://` page as a resource, listed
// and read only by callers whose role may use a tool that names it. A page is self-contained (codegen
// checks it), so its declared Content-Security-Policy allows no connection and no outside resource.
import type { Resource } from "@modelcontextprotocol/sdk/types.js";
import type { ToolTable, ViewEntry } from "../../../generated/table.js";
import type { Caller } from "../auth/caller.js";
import type { Catalogue } from "./catalogue.js";
import type { ClientCapabilities } from "./eras.js";
import type { ResourceContent, ResourceSource } from "./resources.js";

export const UI_EXTENSION = "io.modelcontextprotocol/ui";
export const MCP_APP_MIME = "text/html;profile=mcp-app";

const UI_META = { ui: { csp: { connectDomains: [], resourceDomains: [] }, prefersBorder: true } } as const;

/** Whether a client declared it renders MCP Apps views (capabilities.extensions, SEP-1724). */
export function declaresUi(capabilities: ClientCapabilities | undefined): boolean {
  const extensions = capabilities?.extensions as Record<string, unknown> | undefined;
  const ui = extensions?.[UI_EXTENSION] as { mimeTypes?: unknown } | undefined;
  return Array.isArray(ui?.mimeTypes) && ui.mimeTypes.includes(MCP_APP_MIME);
}

/** The server's capabilities for a client: the UI extension only to one that declared it. */
export function serverCapabilities<C extends object>(base: C, ui: boolean): C & { extensions?: Record<string, unknown> } {
  return ui ? { ...base, extensions: { [UI_EXTENSION]: { mimeTypes: [MCP_APP_MIME] } } } : base;
}

function listed(view: ViewEntry): Resource {
  return { uri: view.uri, name: view.name, title: view.title, description: view.description, mimeType: MCP_APP_MIME, _meta: UI_META };
}

/** `ttlMs`: how long a 2026-07-28 client may keep a page (it changes only with a deployment). */
export function viewResources(table: ToolTable, catalogue: Catalogue, ttlMs: number): ResourceSource {
  const views = (table.views ?? []).map((view) => ({ view, listed: listed(view), tools: table.tools.filter((tool) => tool.view === view.uri).map((tool) => tool.name) }));
  const contents = new Map<string, ResourceContent>(views.map(({ view }) => [view.uri, { mimeType: MCP_APP_MIME, text: view.html, _meta: UI_META, ttlMs }]));
  // Asked of the catalogue on every request, so whatever decides which tools a caller may use decides the views too.
  const usable = (caller: Caller) => views.filter(({ tools }) => tools.some((name) => catalogue.find(caller.role, name, caller.scopes)));
  return {
    list: (caller) => usable(caller).map((entry) => entry.listed),
    read: (uri, caller) => (usable(caller).some(({ view }) => view.uri === uri) ? contents.get(uri) : undefined),
  };
}
