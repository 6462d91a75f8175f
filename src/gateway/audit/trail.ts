// The audit trail: one JSON line per tools/call on its own stream (a file, stdout, or off).
import { closeSync, mkdirSync, openSync } from "node:fs";
import { dirname } from "node:path";
import type { Writable } from "node:stream";
import pino from "pino";
import { auditLine, type AuditRecord } from "./line.js";

export interface Audit {
  record(record: AuditRecord): void;
  /** Reopens the file (after log rotation). */
  reopen(): void;
  close(): Promise<void>;
}

/** "stdout", "off", a file path (appended to, folders created), or a stream (tests). */
export type AuditDestination = "stdout" | "off" | string | Writable;

export function openAudit(destination: AuditDestination): Audit {
  if (destination === "off") return { record() {}, reopen() {}, close: async () => {} };
  if (typeof destination !== "string") {
    return {
      record: (record) => void destination.write(auditLine(record)),
      reopen() {},
      close: () => new Promise((resolve) => destination.end(resolve)),
    };
  }
  if (destination === "stdout") {
    const stream = pino.destination({ dest: 1, sync: false });
    process.once("exit", () => stream.flushSync());
    return {
      record: (record) => void stream.write(auditLine(record)),
      reopen() {},
      close: () => new Promise((resolve) => stream.flush(() => resolve())),
    };
  }
  // Opened once synchronously so a path that cannot be written stops start-up, naming the file.
  try {
    mkdirSync(dirname(destination), { recursive: true });
    closeSync(openSync(destination, "a"));
  } catch (error) {
    throw new Error(`AUDIT_LOG: cannot write ${destination} (${(error as { code?: string }).code ?? "error"})`);
  }
  const stream = pino.destination({ dest: destination, sync: false, append: true });
  let ready = false;
  stream.once("ready", () => (ready = true));
  // Lines still buffered when the process exits are written before it goes.
  process.once("exit", () => {
    try {
      if (ready) stream.flushSync();
    } catch {
      // Already closed: nothing left to write.
    }
  });
  return {
    record: (record) => void stream.write(auditLine(record)),
    reopen: () => stream.reopen(),
    close: () =>
      new Promise((resolve) => {
        const end = () => {
          stream.once("close", () => resolve());
          stream.end();
        };
        if (ready) end();
        else stream.once("ready", end);
      }),
  };
}
