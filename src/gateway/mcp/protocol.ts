// The protocol room's face: one request of either era answered from the tool table, with no SDK
// Server in the way (see README "Performance" for why), and the 2025 clients' answers routed back.
import type { Implementation } from "@modelcontextprotocol/sdk/types.js";
import type { Logger } from "pino";
import type { ToolTable } from "../../../generated/table.js";
import type { Audit } from "../audit/trail.js";
import type { Caller } from "../auth/caller.js";
import { prepareTable, type OfferExport } from "../call/index.js";
import type { RpcRequest, RpcResponse } from "../jsonrpc/envelope.js";
import { memoryAnswers, type PendingAnswers } from "../shared/answers.js";
import type { Sealer } from "../shared/seal.js";
import type { SharedStore } from "../shared/store.js";
import type { Upstream } from "../upstream/client.js";
import type { Catalogue } from "./catalogue.js";
import { ownerOf, type ClientChannel } from "./confirm-elicit.js";
import { CONFIRM_TTL_MS, type ConfirmDeps } from "./confirm.js";
import type { EraChoice } from "./eras.js";
import { CAPABILITIES, createLegacy } from "./legacy.js";
import { createModern, LIST_TTL_MS } from "./modern.js";
import { createResources, type ResourceSource } from "./resources.js";
import type { Reply } from "./results.js";
import { createSessions, type Session, type Sessions } from "./session.js";
import { createTools, type RequestContext } from "./tools.js";
import { serverCapabilities, viewResources } from "./views.js";

export interface ProtocolOptions {
  info: Implementation;
  instructions?: string;
  table: ToolTable;
  catalogue: Catalogue;
  upstream: Upstream;
  log: Logger;
  sealer: Sealer;
  store: SharedStore;
  answers?: PendingAnswers;
  /** How long a confirmation, a requestState or a 2025 form stays open (5 minutes). */
  confirmTtlMs?: number;
  now?: () => Date;
  audit?: Audit;
  /** Resources besides the table's views (e.g. exports), served by resources/list and resources/read. */
  resources?: readonly ResourceSource[];
  /** Characters one tool answer may take (DEFAULT_ANSWER_BUDGET when absent). */
  budget?: number;
  /** The export links of list tools' answers (their files are one of the `resources`). */
  exports?: { offerFor(caller: Caller): OfferExport };
}

export interface Exchange {
  context: RequestContext;
  /** A 2025 client's session, read from its Mcp-Session-Id. */
  session?: Session;
  channel?: ClientChannel;
}

export interface Protocol {
  handle(request: RpcRequest, era: EraChoice, exchange: Exchange): Promise<Reply>;
  /** A client's answer to a request the gateway sent it; dropped unless a call of the same caller waits for it. */
  answer(message: RpcResponse, caller: Caller): void;
  readonly sessions: Sessions;
  close(): void;
}

export function createProtocol(opts: ProtocolOptions): Protocol {
  // A bad template or binding fails here, at start-up, rather than in the middle of a call.
  prepareTable(opts.table);
  const answers = opts.answers ?? memoryAnswers();
  const ttlMs = opts.confirmTtlMs ?? CONFIRM_TTL_MS;
  const confirm: ConfirmDeps = { sealer: opts.sealer, store: opts.store, answers, ttlMs, answerTimeoutMs: ttlMs };
  const sessions = createSessions(opts.sealer);
  const run = createTools(opts);
  const sources = [...(opts.table.views?.length ? [viewResources(opts.table, opts.catalogue, LIST_TTL_MS)] : []), ...(opts.resources ?? [])];
  const resources = createResources(sources);
  const base = resources.served ? { ...CAPABILITIES, resources: {} } : CAPABILITIES;
  const capabilities = (ui: boolean) => serverCapabilities(base, ui);
  const shared = { info: opts.info, catalogue: opts.catalogue, run, confirm, resources, capabilities, ...(opts.instructions ? { instructions: opts.instructions } : {}) };
  const legacy = createLegacy({ ...shared, sessions });
  const modern = createModern(shared);
  return {
    sessions,
    handle(request, era, exchange) {
      return era.era === "modern" ? modern(request, { context: exchange.context, capabilities: era.capabilities }) : legacy(request, exchange);
    },
    answer(message, caller) {
      if (message.id === null) return;
      answers.answer(String(message.id), ownerOf(caller), message);
    },
    close: () => answers.close(),
  };
}
