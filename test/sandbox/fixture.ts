// Shared test setup: a sandbox on loopback with a fixed "today", tokens for the demo users, and
// response validation against the spec (dereferenced by @readme/openapi-parser, compiled by ajv 2020).
import { request } from "node:http";
import { dereference } from "@readme/openapi-parser";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import { specFile } from "../../src/sandbox/http/spec.js";
import { startSandbox, type Sandbox, type SandboxOptions } from "../../src/sandbox/server.js";
import { createToken } from "../../src/sandbox/tokens/tokens.js";

/** Friday 2026-11-20, 12:00 in Mexico City. */
export const TODAY = new Date("2026-11-20T18:00:00Z");

export const USERS = {
  admin: "admin@acme.example",
  books: "books@acme.example",
  employee: "employee@acme.example",
  viewer: "viewer@acme.example",
  brasa: "admin@brasa.example",
  andes: "admin@andes.example",
} as const;

export type UserKey = keyof typeof USERS;

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface TestSandbox {
  sandbox: Sandbox;
  tokens: Record<UserKey, string>;
  call<T = any>(user: UserKey | null, path: string, init?: RequestInit): Promise<Reply<T>>;
  /** Every page of a list, walked with the given page size. */
  all<T = any>(user: UserKey, path: string, size?: number): Promise<{ items: T[]; totalItems: number }>;
  close(): Promise<void>;
}

export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const sandbox = await startSandbox({ dbFile: ":memory:", today: TODAY, ...options });
  const tokens = Object.fromEntries(Object.entries(USERS).map(([key, email]) => [key, createToken(sandbox.db, email, "test").token])) as Record<UserKey, string>;
  const call = async <T>(user: UserKey | null, path: string, init: RequestInit = {}): Promise<Reply<T>> => {
    const headers = new Headers(init.headers);
    if (user) headers.set("authorization", `Bearer ${tokens[user]}`);
    const res = await fetch(sandbox.url + path, { ...init, headers });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
  };
  const all = async <T>(user: UserKey, path: string, size = 100) => {
    const items: T[] = [];
    let totalItems = -1;
    for (let page = 1; ; page++) {
      const sep = path.includes("?") ? "&" : "?";
      const r = await call<{ data: T[]; totalItems: number; totalPages: number }>(user, `${path}${sep}page=${page}&size=${size}`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      items.push(...r.body.data);
      totalItems = r.body.totalItems;
      if (page >= r.body.totalPages) break;
    }
    return { items, totalItems };
  };
  return { sandbox, tokens, call, all, close: () => sandbox.close() };
}

let validators: Promise<(operationId: string, status: number) => ValidateFunction> | undefined;

/** The spec's response schema for an operation and status, as an ajv (2020-12) validator. */
export function responseSchemas(): Promise<(operationId: string, status: number) => ValidateFunction> {
  validators ??= (async () => {
    const doc = (await dereference(specFile())) as unknown as { paths: Record<string, Record<string, any>> };
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const byKey = new Map<string, ValidateFunction>();
    for (const item of Object.values(doc.paths)) {
      for (const op of Object.values(item)) {
        if (!op || typeof op !== "object" || !op.operationId) continue;
        for (const [status, response] of Object.entries(op.responses ?? {}) as [string, any][]) {
          const schema = response?.content?.["application/json"]?.schema;
          if (schema) byKey.set(`${op.operationId} ${status}`, ajv.compile(schema));
        }
      }
    }
    return (operationId: string, status: number) => {
      const v = byKey.get(`${operationId} ${status}`);
      if (!v) throw new Error(`the spec declares no JSON response ${status} for ${operationId}`);
      return v;
    };
  })();
  return validators;
}

/** Asserts the status, that the body matches the spec's schema for it, and returns the body. */
export async function expectContract<T = any>(operationId: string, reply: Reply<T>, status: number): Promise<T> {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  const validate = (await responseSchemas())(operationId, status);
  const ok = validate(reply.body);
  expect(ok, `${operationId} ${status}: ${JSON.stringify(validate.errors)}\n${JSON.stringify(reply.body).slice(0, 500)}`).toBe(true);
  if (status >= 400) {
    expect(reply.headers.get("x-request-id")).toBe((reply.body as any).error.requestId);
  }
  return reply.body;
}

export const cents = (value: string): number => {
  const [w = "0", f = ""] = value.split(".");
  return Number(w) * 100 + Number(f.padEnd(2, "0"));
};

/** A request whose path is sent exactly as written (fetch would resolve "..", this does not). */
export function rawRequest(url: string, method: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString("utf8") || "null") }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** The token with one character of its random part changed (so its checksum no longer matches). */
export function tampered(token: string): string {
  const i = token.length - 7;
  const c = token[i] === "A" ? "B" : "A";
  return token.slice(0, i) + c + token.slice(i + 1);
}
