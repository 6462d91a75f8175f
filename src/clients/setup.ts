// Ready-to-paste setup for the MCP clients people use: printed by npm start, shown on the sandbox's
// Settings → Integrations → Clara MCP page. Shared as plain functions, like src/calendar/.
export interface ConnectOptions {
  /** The server's name in each client's configuration, e.g. "clara". */
  name: string;
  /** The MCP endpoint, e.g. http://127.0.0.1:3000/mcp. */
  url: string;
  token: string;
}

export interface ClientSetup {
  /** The client's name, e.g. "Claude Code". */
  client: string;
  /** The configuration file the text goes in, e.g. "~/.cursor/mcp.json"; none for a terminal command. */
  file?: string;
  text: string;
}

/** One setup per client: Claude Code, Claude Desktop, Cursor, VS Code. */
export function clientSetups({ name, url, token }: ConnectOptions): ClientSetup[] {
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
    { client: "Claude Code", text: `claude mcp add --transport http ${name} ${url} --header "Authorization: ${bearer}"` },
    { client: "Claude Desktop", file: "claude_desktop_config.json, through mcp-remote", text: JSON.stringify(desktop, null, 2) },
    { client: "Cursor", file: "~/.cursor/mcp.json", text: JSON.stringify(cursor, null, 2) },
    { client: "VS Code", file: ".vscode/mcp.json", text: JSON.stringify(vscode, null, 2) },
  ];
}

/** Every setup as terminal text, with the MCP Inspector at the end. */
export function connectText(options: ConnectOptions): string {
  const { url, token } = options;
  const bearer = `Bearer ${token}`;
  const lines = clientSetups(options).flatMap(({ client, file, text }) => [`${client}${file ? ` (${file})` : ""}:`, indent(text), ""]);
  return [
    ...lines,
    "MCP Inspector (Node 22+):",
    `  npx @modelcontextprotocol/inspector --cli ${url} --transport http --header "Authorization: ${bearer}" --method tools/list`,
    `  or: npx @modelcontextprotocol/inspector, then Transport "Streamable HTTP", URL ${url},`,
    `      and the header Authorization = ${bearer}`,
  ].join("\n");
}

function indent(text: string): string {
  return text.replace(/^/gm, "  ");
}
