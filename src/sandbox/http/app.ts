// The Koa app: request id and log → error boundary → route → body → caller → parameters → operation.
import { randomBytes } from "node:crypto";
import Koa from "koa";
import { approveApprovalRequest, getApprovalRequest, listApprovalRequests, rejectApprovalRequest } from "../api/approvals.js";
import { authenticate, type OtherTokens } from "../api/caller.js";
import { getCard, listCards } from "../api/cards.js";
import type { Db } from "../db/db.js";
import { ApiError, errorBody } from "../api/errors.js";
import { getExpense, listExpenses } from "../api/expenses.js";
import { getCardLimit, updateCardLimit } from "../api/limits.js";
import { toggleCardLock } from "../api/lock.js";
import type { Handler, LockTimers } from "../api/operation.js";
import { readRequest } from "./params.js";
import { loggableHeaders, parseQuery, record, type LoggedRequest } from "./request-log.js";
import { getReimbursement, listReimbursements } from "../api/reimbursements.js";
import { route } from "./routes.js";
import type { ApiSpec } from "./spec.js";
import { summarizeTransactions } from "../api/summary.js";
import { listTransactions } from "../api/transactions.js";
import { getCurrentUser } from "../api/users.js";

const HANDLERS: Record<string, Handler> = {
  getCurrentUser,
  listCards,
  getCard,
  toggleCardLock,
  listTransactions,
  summarizeTransactions,
  getCardLimit,
  updateCardLimit,
  listExpenses,
  getExpense,
  listReimbursements,
  getReimbursement,
  listApprovalRequests,
  getApprovalRequest,
  approveApprovalRequest,
  rejectApprovalRequest,
};

const MAX_BODY_BYTES = 64 * 1024;

export interface AppOptions {
  db: Db;
  spec: ApiSpec;
  now(): number;
  timers: LockTimers;
  requestLog: LoggedRequest[];
  requestLogLimit: number;
  /** Called on unexpected failures (never with request headers). */
  onError?(err: unknown, requestId: string): void;
  /** Runs before the REST stack and answers the paths it owns (the web pages), outside the request log. */
  web?: Koa.Middleware;
  /** Credentials accepted besides personal tokens (OAuth's exchanged API tokens). */
  otherTokens?: OtherTokens;
}

function readBody(req: Koa.Request["req"]): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new ApiError("BAD_REQUEST", `the body is larger than ${MAX_BODY_BYTES} bytes`, 413));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export function createApp(options: AppOptions): Koa {
  for (const op of options.spec.operations) {
    if (!HANDLERS[op.operationId]) throw new Error(`the sandbox does not implement ${op.operationId}`);
  }
  const app = new Koa();
  if (options.web) app.use(options.web);
  app.use(async (ctx, next) => {
    const requestId = `req_${randomBytes(9).toString("base64url")}`;
    const url = ctx.req.url ?? "/";
    const q = url.indexOf("?");
    const entry: LoggedRequest = {
      requestId,
      at: new Date().toISOString(),
      method: ctx.method,
      url,
      path: q === -1 ? url : url.slice(0, q),
      query: parseQuery(q === -1 ? "" : url.slice(q + 1)),
      headers: loggableHeaders(ctx.req.headers),
      body: "",
    };
    record(options.requestLog, entry, options.requestLogLimit);
    ctx.state.requestId = requestId;
    ctx.state.logEntry = entry;
    ctx.set("x-request-id", requestId);
    try {
      await next();
    } catch (err) {
      const known = err instanceof ApiError ? err : undefined;
      if (!known) options.onError?.(err, requestId);
      ctx.status = known?.status ?? 500;
      ctx.body = known ? errorBody(known.code, known.message, requestId) : errorBody("INTERNAL", "Something went wrong on our side.", requestId);
    }
    entry.status = ctx.status;
  });
  app.use(async (ctx) => {
    const entry = ctx.state.logEntry as LoggedRequest;
    const matched = route(options.spec.operations, ctx.method, entry.path);
    if (!matched) throw new ApiError("NOT_FOUND", `No such path: ${entry.path}`);
    if (!("operation" in matched)) {
      ctx.set("Allow", matched.allowed.join(", "));
      throw new ApiError("BAD_REQUEST", `${ctx.method} is not allowed here; allowed: ${matched.allowed.join(", ")}`, 405);
    }
    entry.body = ctx.method === "GET" || ctx.method === "HEAD" ? "" : await readBody(ctx.req);
    const now = options.now();
    const caller = await authenticate(options.db, ctx.get("authorization") || undefined, now, options.otherTokens);
    const url = ctx.req.url ?? "";
    const { params, body } = readRequest(matched.operation, {
      query: url.includes("?") ? url.slice(url.indexOf("?") + 1) : "",
      path: matched.path,
      headers: ctx.req.headers,
      contentType: ctx.get("content-type"),
      body: entry.body,
    });
    const handler = HANDLERS[matched.operation.operationId];
    if (!handler) throw new ApiError("NOT_FOUND", `No such operation: ${matched.operation.operationId}`);
    const result = handler({ db: options.db, caller, params, body, now: options.now, timers: options.timers });
    ctx.status = result.status;
    ctx.body = result.body;
  });
  return app;
}
