// Ready-to-paste setup for the MCP clients people use, printed at start-up; shared as plain functions, like src/calendar/.
export interface ConnectOptions {
  /** The server's name in each client's configuration, e.g. "clara". */
  name: string;
  /** The MCP endpoint, e.g. http://127.0.0.1:3000/mcp. */
  url: string;
  token: string;
}

export function connectText({ name, url, token }: ConnectOptions): string {
  const bearer = `Bearer ${token}`;
  const cursor = { mcpServers: { [name]: { url, headers: { Authorization: bearer } } } };
  const vscode = { servers: { [name]: { type: "http", url, headers: { Authorization: bearer } } } };
  const desktop = {
    mcpServers: {
      [name]: {
        command: "npx",
        // No spaces inside args: some clients split them; the header value comes from env instead.
        args: ["-y", "mcp-remote", url, "--header", "Authorization:${AUTH_HEADER}"],
        env: { AUTH_HEADER: bearer },
      },
    },
  };
  return [
    "Claude Code:",
    `  claude mcp add --transport http ${name} ${url} --header "Authorization: ${bearer}"`,
    "",
    "Claude Desktop (claude_desktop_config.json, through mcp-remote):",
    indent(JSON.stringify(desktop, null, 2)),
    "",
    "Cursor (~/.cursor/mcp.json):",
    indent(JSON.stringify(cursor, null, 2)),
    "",
    "VS Code (.vscode/mcp.json):",
    indent(JSON.stringify(vscode, null, 2)),
    "",
    "MCP Inspector (Node 22+):",
    `  npx @modelcontextprotocol/inspector --cli ${url} --transport http --header "Authorization: ${bearer}" --method tools/list`,
    `  or: npx @modelcontextprotocol/inspector, then Transport "Streamable HTTP", URL ${url},`,
    `      and the header Authorization = ${bearer}`,
  ].join("\n");
}

function indent(text: string): string {
  return text.replace(/^/gm, "  ");
}
