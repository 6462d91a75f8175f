// The views' side of the MCP Apps bridge (io.modelcontextprotocol/ui, 2026-01-26): JSON-RPC over
// postMessage with the host. A few dozen lines instead of the SDK's App class, whose bundle (zod and
// the MCP client, 600 KB) would be most of every page; the host side of the tests is the SDK's AppBridge.
import type { McpUiHostContext, McpUiInitializeResult } from "@modelcontextprotocol/ext-apps";
import { applyContext } from "./theme.js";

/** What a tool call gave the view: its CallToolResult, as the host passed it on. */
export interface ToolResult {
  content?: { type: string; text?: string }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

export interface ViewState {
  context: McpUiHostContext;
  input?: Record<string, unknown>;
  result?: ToolResult;
  cancelled?: boolean;
}

const PROTOCOL_VERSION = "2026-01-26";

type Message = { jsonrpc: "2.0"; id?: string | number; method?: string; params?: any; result?: any; error?: unknown };

/** Connects to the host and calls `draw` with everything known so far, every time something arrives. */
export function startView(name: string, draw: (state: ViewState) => void): void {
  const host = window.parent;
  const state: ViewState = { context: {} };
  const send = (message: Omit<Message, "jsonrpc">) => host.postMessage({ jsonrpc: "2.0", ...message }, "*");
  const redraw = () => {
    applyContext(state.context);
    draw(state);
  };

  window.addEventListener("message", (event: MessageEvent<Message>) => {
    // Only the host speaks to a view; anything else in the page is ignored.
    if (event.source !== host || event.data?.jsonrpc !== "2.0") return;
    const message = event.data;
    if (message.id === 1 && message.result) {
      const initialized = message.result as McpUiInitializeResult;
      state.context = initialized.hostContext ?? {};
      send({ method: "ui/notifications/initialized", params: {} });
      redraw();
      return;
    }
    switch (message.method) {
      case "ui/notifications/tool-input":
        state.input = message.params?.arguments ?? {};
        return redraw();
      case "ui/notifications/tool-result":
        state.result = message.params as ToolResult;
        return redraw();
      case "ui/notifications/tool-cancelled":
        state.cancelled = true;
        return redraw();
      case "ui/notifications/host-context-changed":
        state.context = { ...state.context, ...message.params };
        return redraw();
      case "ui/resource-teardown":
      case "ping":
        return send({ id: message.id!, result: {} });
      default:
        if (message.id !== undefined && message.method) send({ id: message.id, error: { code: -32601, message: "Method not found" } });
    }
  });

  // The host sizes the frame to the page.
  let last = "";
  new ResizeObserver(() => {
    const box = document.documentElement.getBoundingClientRect();
    const size = { width: Math.ceil(box.width), height: Math.ceil(box.height) };
    if (`${size.width}x${size.height}` === last) return;
    last = `${size.width}x${size.height}`;
    send({ method: "ui/notifications/size-changed", params: size });
  }).observe(document.documentElement);

  redraw();
  send({ id: 1, method: "ui/initialize", params: { appInfo: { name, version: "1.0.0" }, appCapabilities: {}, protocolVersion: PROTOCOL_VERSION } });
}
