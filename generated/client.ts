// Written by `npm run codegen` from spec/tools.yaml and spec/clara.openapi.yaml. Do not edit: change the spec or the manifest and run it again.
import createClient, { type Client, type ClientOptions } from "openapi-fetch";
import type { paths } from "./api.js";
import type { OperationEntry } from "./table.js";

export type ApiClient = Client<paths>;

/** `Request` lets a caller build its own light request objects for its own `fetch`. */
export function createApiClient(options: Pick<ClientOptions, "fetch" | "Request"> & { baseUrl: string }): ApiClient {
  return createClient<paths>({
    baseUrl: options.baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.Request ? { Request: options.Request } : {}),
  });
}

type Op<P extends keyof paths, M extends keyof paths[P]> = paths[P][M];
type Params<P extends keyof paths, M extends keyof paths[P]> = Op<P, M> extends { parameters: infer T } ? T : never;
type Body<P extends keyof paths, M extends keyof paths[P], C extends string> = Op<P, M> extends { requestBody?: { content: { [K in C]: infer T } } } ? T : never;

export const operations: Record<string, OperationEntry> = {
  "approveApprovalRequest": {
    method: "post",
    path: "/api/v3/approvals/{approvalId}/approve",
    call: (client, r) =>
      (client as ApiClient).POST("/api/v3/approvals/{approvalId}/approve", {
        params: r.params as Params<"/api/v3/approvals/{approvalId}/approve", "post">,
        body: r.body as Body<"/api/v3/approvals/{approvalId}/approve", "post", "application/json">,
        headers: r.headers,
        signal: r.signal,
      }),
  },
  "getApprovalRequest": {
    method: "get",
    path: "/api/v3/approvals/{approvalId}",
    call: (client, r) =>
      (client as ApiClient).GET("/api/v3/approvals/{approvalId}", {
        params: r.params as Params<"/api/v3/approvals/{approvalId}", "get">,
        headers: r.headers,
        signal: r.signal,
      }),
  },
  "getCard": {
    method: "get",
    path: "/api/v3/cards/{cardId}",
    call: (client, r) =>
      (client as ApiClient).GET("/api/v3/cards/{cardId}", {
        params: r.params as Params<"/api/v3/cards/{cardId}", "get">,
        headers: r.headers,
        signal: r.signal,
      }),
  },
  "getCardLimit": {
    method: "get",
    path: "/api/v3/cards/{cardId}/limit",
    call: (client, r) =>
      (client as ApiClient).GET("/api/v3/cards/{cardId}/limit", {
        params: r.params as Params<"/api/v3/cards/{cardId}/limit", "get">,
        headers: r.headers,
        signal: r.signal,
      }),
  },
  "getCurrentUser": {
    method: "get",
    path: "/api/v3/me",
    call: (client, r) =>
      (client as ApiClient).GET("/api/v3/me", {
        params: r.params as Params<"/api/v3/me", "get">,
        headers: r.headers,
        signal: r.signal,
      }),
  },
  "getExpense": {
    method: "get",
    path: "/api/v3/expenses/{expenseId}",
    call: (client, r) =>
      (client as ApiClient).GET("/api/v3/expenses/{expenseId}", {
        params: r.params as Params<"/api/v3/expenses/{expenseId}", "get">,
        headers: r.headers,
        signal: r.signal,
      }),
  },
  "listApprovalRequests": {
    method: "get",
    path: "/api/v3/approvals",
    call: (client, r) =>
      (client as ApiClient).GET("/api/v3/approvals", {
        params: r.params as Params<"/api/v3/approvals", "get">,
        headers: r.headers,
        signal: r.signal,
      }),
  },
  "listCards": {
    method: "get",
    path: "/api/v3/cards",
    call: (client, r) =>
      (client as ApiClient).GET("/api/v3/cards", {
        params: r.params as Params<"/api/v3/cards", "get">,
        headers: r.headers,
        signal: r.signal,
      }),
  },
  "listExpenses": {
    method: "get",
    path: "/api/v3/expenses",
    call: (client, r) =>
      (client as ApiClient).GET("/api/v3/expenses", {
        params: r.params as Params<"/api/v3/expenses", "get">,
        headers: r.headers,
        signal: r.signal,
      }),
  },
  "listReimbursements": {
    method: "get",
    path: "/api/v3/reimbursements",
    call: (client, r) =>
      (client as ApiClient).GET("/api/v3/reimbursements", {
        params: r.params as Params<"/api/v3/reimbursements", "get">,
        headers: r.headers,
        signal: r.signal,
      }),
  },
  "listTransactions": {
    method: "get",
    path: "/api/v3/transactions",
    call: (client, r) =>
      (client as ApiClient).GET("/api/v3/transactions", {
        params: r.params as Params<"/api/v3/transactions", "get">,
        headers: r.headers,
        signal: r.signal,
      }),
  },
  "rejectApprovalRequest": {
    method: "post",
    path: "/api/v3/approvals/{approvalId}/reject",
    call: (client, r) =>
      (client as ApiClient).POST("/api/v3/approvals/{approvalId}/reject", {
        params: r.params as Params<"/api/v3/approvals/{approvalId}/reject", "post">,
        body: r.body as Body<"/api/v3/approvals/{approvalId}/reject", "post", "application/json">,
        headers: r.headers,
        signal: r.signal,
      }),
  },
  "summarizeTransactions": {
    method: "get",
    path: "/api/v3/transactions/summary",
    call: (client, r) =>
      (client as ApiClient).GET("/api/v3/transactions/summary", {
        params: r.params as Params<"/api/v3/transactions/summary", "get">,
        headers: r.headers,
        signal: r.signal,
      }),
  },
  "toggleCardLock": {
    method: "patch",
    path: "/api/v3/cards/{cardId}/lock",
    call: (client, r) =>
      (client as ApiClient).PATCH("/api/v3/cards/{cardId}/lock", {
        params: r.params as Params<"/api/v3/cards/{cardId}/lock", "patch">,
        body: r.body as Body<"/api/v3/cards/{cardId}/lock", "patch", "application/json">,
        headers: r.headers,
        signal: r.signal,
      }),
  },
  "updateCardLimit": {
    method: "patch",
    path: "/api/v3/cards/{cardId}/limit",
    call: (client, r) =>
      (client as ApiClient).PATCH("/api/v3/cards/{cardId}/limit", {
        params: r.params as Params<"/api/v3/cards/{cardId}/limit", "patch">,
        body: r.body as Body<"/api/v3/cards/{cardId}/limit", "patch", "application/json">,
        headers: r.headers,
        signal: r.signal,
      }),
  },
};
