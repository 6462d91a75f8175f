// The MCP clients the end-to-end suites run on: per era, the official SDK client a user's program
// would use. 2025: the 1.x SDK (@modelcontextprotocol/sdk), which initializes; 2026: the v2 SDK
// (@modelcontextprotocol/client) pinned to 2026-07-28, which never does. Both declare form
// elicitation and answer it as the test says, the way a person at the keyboard would.
import { Client as V2Client, StreamableHTTPClientTransport as V2Transport } from "@modelcontextprotocol/client";
import { Client as V1Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport as V1Transport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ElicitRequestSchema } from "@modelcontextprotocol/sdk/types.js";

export const ERAS = ["2025", "2026"] as const;
export type Era = (typeof ERAS)[number];

/**
 * yes / no (accept with confirm false) / decline / cancel, or "none": the client cannot show forms; a
 * function answers each form itself, at once or when its promise settles (a user taking their time).
 */
export type Answering = "yes" | "no" | "decline" | "cancel" | "none" | ((message: string) => ElicitAnswer | Promise<ElicitAnswer>);

export interface ElicitAnswer {
  action: "accept" | "decline" | "cancel";
  content?: Record<string, string | number | boolean | string[]>;
}

type CallResult = { content: unknown[]; structuredContent?: unknown; isError?: boolean; [key: string]: unknown };

/** What the suites use of a client, the same for both SDKs. */
export interface McpClient {
  readonly era: Era;
  listTools(): Promise<{ tools: any[] }>;
  callTool(params: { name: string; arguments?: Record<string, unknown> }): Promise<CallResult>;
  listResources(): Promise<{ resources: any[]; [key: string]: unknown }>;
  readResource(params: { uri: string }): Promise<{ contents: any[]; [key: string]: unknown }>;
  getServerVersion(): { name: string; version: string } | undefined;
  getServerCapabilities(): Record<string, any> | undefined;
  /** A request that is no tool call: ping on 2025; 2026-07-28 has no ping, so server/discover. */
  ping(): Promise<unknown>;
  /** The form messages this client was shown, in order. */
  readonly asked: string[];
  close(): Promise<void>;
}

export interface ConnectOptions {
  era: Era;
  headers: Record<string, string>;
  name: string;
  answering: Answering;
  /** Sends every request (a test routes some to another replica with it). */
  fetch?: typeof fetch;
  /** Declares the MCP Apps extension (io.modelcontextprotocol/ui), as a client that renders views does. */
  ui?: boolean;
}

export const UI_CAPABILITIES = { extensions: { "io.modelcontextprotocol/ui": { mimeTypes: ["text/html;profile=mcp-app"] } } };

function answerOf(answering: Answering, message: string): ElicitAnswer | Promise<ElicitAnswer> {
  if (typeof answering === "function") return answering(message);
  switch (answering) {
    case "yes":
      return { action: "accept", content: { confirm: true } };
    case "no":
      return { action: "accept", content: { confirm: false } };
    case "decline":
      return { action: "decline" };
    default:
      return { action: "cancel" };
  }
}

/**
 * The v2 SDK's errors in the 1.x SDK's terms, so one expectation serves both eras: `code` is the HTTP
 * status of a refused request (401, 403) or the JSON-RPC code, and the message names that code.
 */
function likeV1(error: unknown): Error {
  if (!(error instanceof Error)) return new Error(String(error));
  const chain: any[] = [];
  for (let at: any = error; at && chain.length < 5; at = at.cause) chain.push(at);
  const http = chain.find((e) => typeof e.status === "number");
  const messages = chain.map((e) => `${e.message ?? ""} ${typeof e.data === "object" ? JSON.stringify(e.data) : ""}`).join(" | ");
  if (http) return Object.assign(new Error(`HTTP ${http.status}: ${messages}`), { code: http.status });
  const rpc = chain.find((e) => typeof e.code === "number");
  if (rpc) return Object.assign(new Error(`MCP error ${rpc.code}: ${messages}`), { code: rpc.code });
  return error;
}

const v1Like = <T>(promise: Promise<T>): Promise<T> => promise.catch((error) => Promise.reject(likeV1(error)));

export async function connectClient(url: string, opts: ConnectOptions): Promise<McpClient> {
  const asked: string[] = [];
  const capabilities = { ...(opts.answering === "none" ? {} : { elicitation: { form: {} } }), ...(opts.ui ? UI_CAPABILITIES : {}) };
  const info = { name: opts.name, version: "1.0.0" };
  if (opts.era === "2025") {
    const client = new V1Client(info, { capabilities });
    if (opts.answering !== "none") {
      client.setRequestHandler(ElicitRequestSchema, async (request) => {
        asked.push(request.params.message);
        return { ...(await answerOf(opts.answering, request.params.message)) };
      });
    }
    await client.connect(new V1Transport(new URL(url), { requestInit: { headers: opts.headers }, ...(opts.fetch ? { fetch: opts.fetch } : {}) }));
    return {
      era: "2025",
      asked,
      listTools: () => client.listTools(),
      callTool: (params) => client.callTool(params) as Promise<CallResult>,
      listResources: () => client.listResources(),
      readResource: (params) => client.readResource(params),
      getServerVersion: () => client.getServerVersion(),
      getServerCapabilities: () => client.getServerCapabilities(),
      ping: () => client.ping(),
      close: () => client.close(),
    };
  }
  const client = new V2Client(info, { capabilities, versionNegotiation: { mode: { pin: "2026-07-28" } } });
  if (opts.answering !== "none") {
    client.setRequestHandler("elicitation/create", async (request: { params: { message: string } }) => {
      asked.push(request.params.message);
      return { ...(await answerOf(opts.answering, request.params.message)) };
    });
  }
  await v1Like(client.connect(new V2Transport(new URL(url), { requestInit: { headers: opts.headers }, ...(opts.fetch ? { fetch: opts.fetch } : {}) })));
  return {
    era: "2026",
    asked,
    listTools: () => v1Like(client.listTools() as Promise<{ tools: any[] }>),
    callTool: (params) => v1Like(client.callTool(params) as Promise<CallResult>),
    listResources: () => v1Like(client.listResources() as Promise<{ resources: any[] }>),
    readResource: (params) => v1Like(client.readResource(params) as Promise<{ contents: any[] }>),
    getServerVersion: () => {
      const discovered = client.getDiscoverResult?.() as { _meta?: Record<string, any> } | undefined;
      return discovered?._meta?.["io.modelcontextprotocol/serverInfo"] ?? client.getServerVersion?.();
    },
    getServerCapabilities: () => client.getServerCapabilities() as Record<string, any> | undefined,
    ping: () => v1Like(client.discover()),
    close: () => client.close(),
  };
}
