// What an operation handler receives and returns.
import type { Caller } from "./caller.js";
import type { Db } from "../db/db.js";

export interface LockTimers {
  /** Runs `apply` after the processor delay; cancelled when the sandbox closes. */
  later(apply: () => void): void;
  delayMs: number;
}

export interface OperationContext {
  db: Db;
  caller: Caller;
  params: Record<string, unknown>;
  body: unknown;
  /** The sandbox's clock (ms since the epoch). */
  now(): number;
  timers: LockTimers;
}

export interface OperationResult {
  status: number;
  body: unknown;
}

export type Handler = (ctx: OperationContext) => OperationResult;

export interface Page {
  page: number;
  size: number;
}

export function pageOf(params: Record<string, unknown>): Page {
  return { page: Number(params.page ?? 1), size: Number(params.size ?? 20) };
}

export function pageBody<T>(data: T[], { page, size }: Page, totalItems: number) {
  return { data, page, size, totalItems, totalPages: Math.ceil(totalItems / size) };
}
