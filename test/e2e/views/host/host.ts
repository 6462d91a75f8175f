// A small MCP Apps host for the browser suite: the SDK's AppBridge (the host side of the bridge)
// loads a view's page in a sandboxed frame, under the Content-Security-Policy its resource declares,
// and hands it a tool's input and result, as Claude or ChatGPT would. Bundled by the test (host.test-server.ts).
import { AppBridge, PostMessageTransport, type McpUiHostContext, type McpUiResourceCsp } from "@modelcontextprotocol/ext-apps/app-bridge";

export interface Showing {
  html: string;
  csp: McpUiResourceCsp;
  theme: "light" | "dark";
  width: number;
  input: Record<string, unknown>;
  result: Record<string, unknown>;
  timeZone?: string;
}

declare global {
  interface Window {
    showView(showing: Showing): Promise<void>;
    changeTheme(theme: "light" | "dark"): Promise<void>;
    /** Every size the view asked for. */
    sizes: { width?: number; height?: number }[];
  }
}

let bridge: AppBridge | undefined;
window.sizes = [];

/** The policy a host builds from the resource's `_meta.ui.csp` (the spec's defaults, plus what it declares). */
function policy(csp: McpUiResourceCsp): string {
  const resources = (csp.resourceDomains ?? []).join(" ");
  const connect = (csp.connectDomains ?? []).join(" ") || "'none'";
  return [
    "default-src 'none'",
    `script-src 'unsafe-inline' ${resources}`,
    `style-src 'unsafe-inline' ${resources}`,
    `img-src data: ${resources}`,
    `font-src data: ${resources}`,
    `media-src data: ${resources}`,
    `connect-src ${connect}`,
    "frame-src 'none'",
    "base-uri 'none'",
  ].join("; ");
}

window.showView = async (showing) => {
  document.documentElement.dataset.theme = showing.theme;
  const frame = document.createElement("iframe");
  frame.title = "MCP App view";
  frame.setAttribute("sandbox", "allow-scripts");
  frame.style.width = `${showing.width}px`;
  document.getElementById("host")!.replaceChildren(frame);
  const context: McpUiHostContext = {
    theme: showing.theme,
    displayMode: "inline",
    availableDisplayModes: ["inline"],
    containerDimensions: { width: showing.width, maxHeight: 4000 },
    locale: "en-GB",
    platform: "web",
    ...(showing.timeZone ? { timeZone: showing.timeZone } : {}),
  };
  bridge = new AppBridge(null, { name: "clara-test-host", version: "1.0.0" }, { openLinks: {}, logging: {} }, { hostContext: context });
  const initialized = new Promise<void>((resolve) => (bridge!.oninitialized = () => resolve()));
  bridge.onsizechange = (size) => {
    window.sizes.push(size);
    if (size.height) frame.style.height = `${size.height}px`;
  };
  await bridge.connect(new PostMessageTransport(frame.contentWindow!, frame.contentWindow!));
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(showing.csp)}">`;
  frame.srcdoc = showing.html.replace("<head>", `<head>\n${meta}`);
  await initialized;
  await bridge.sendToolInput({ arguments: showing.input });
  await bridge.sendToolResult(showing.result as Parameters<AppBridge["sendToolResult"]>[0]);
};

window.changeTheme = async (theme) => {
  document.documentElement.dataset.theme = theme;
  await bridge!.sendHostContextChange({ theme });
};
