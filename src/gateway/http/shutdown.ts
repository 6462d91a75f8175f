// Graceful shutdown: on SIGTERM stop accepting connections, let the calls in flight finish, close
// what the process holds (upstream pool, audit file) and exit, all within a hard deadline.
import type { IncomingMessage, ServerResponse } from "node:http";

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

/** What both http.Server and https.Server offer. */
export interface Server {
  readonly listening: boolean;
  close(callback?: (error?: Error) => void): unknown;
  closeIdleConnections(): void;
  closeAllConnections(): void;
  on(event: "request", listener: RequestListener): unknown;
  off(event: "request", listener: RequestListener): unknown;
}

export interface ShutdownOptions {
  servers: readonly Server[];
  /** Hard deadline from the signal to exit; the drain gets this minus closeBudgetMs. */
  timeoutMs?: number;
  /** Kept for `close` after the drain. */
  closeBudgetMs?: number;
  /** Releases what the process holds, once no request is in flight. */
  close?: () => Promise<void>;
  signals?: readonly NodeJS.Signals[];
  exit?: (code: number) => void;
  log?: (message: string, fields?: Record<string, unknown>) => void;
}

export interface Shutdown {
  /** Requests being answered now. */
  inFlight(): number;
  readonly draining: boolean;
  /** Starts the shutdown (what a signal does); resolves with the exit code once it is done. */
  begin(reason: string): Promise<number>;
  /** Removes the signal handlers (tests, or a caller that takes over). */
  dispose(): void;
}

export function gracefulShutdown(options: ShutdownOptions): Shutdown {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const closeBudgetMs = Math.min(options.closeBudgetMs ?? 1_500, timeoutMs / 2);
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const log = options.log ?? (() => {});
  const signals = options.signals ?? ["SIGTERM", "SIGINT"];
  const open = new Set<ServerResponse>();
  let draining = false;
  let finished: Promise<number> | undefined;

  const track = (_request: IncomingMessage, response: ServerResponse) => {
    open.add(response);
    // A request that arrives on a kept-alive connection during the drain is served, then that connection closes.
    if (draining) response.setHeader("Connection", "close");
    response.once("close", () => {
      open.delete(response);
      if (draining) for (const server of options.servers) server.closeIdleConnections();
    });
  };
  for (const server of options.servers) server.on("request", track);

  const closed = (server: Server) =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
    });

  const settle = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

  async function run(reason: string): Promise<number> {
    draining = true;
    const hardStop = setTimeout(() => {
      log("shutdown deadline reached: exiting now", { inFlight: open.size });
      exit(1);
    }, timeoutMs);
    hardStop.unref();
    for (const response of open) if (!response.headersSent) response.setHeader("Connection", "close");
    const allClosed = Promise.all(options.servers.map(closed));
    for (const server of options.servers) server.closeIdleConnections();
    log("shutting down: no new connections, finishing calls in flight", { reason, inFlight: open.size });
    const drained = await Promise.race([allClosed.then(() => true), settle(timeoutMs - closeBudgetMs).then(() => false)]);
    if (!drained) {
      log("calls still in flight at the drain deadline: closing their connections", { inFlight: open.size });
      for (const server of options.servers) server.closeAllConnections();
    }
    let code = drained ? 0 : 1;
    try {
      await Promise.race([options.close?.(), settle(closeBudgetMs)]);
    } catch (error) {
      log("shutdown: closing failed", { error: error instanceof Error ? error.name : "unknown" });
      code = 1;
    }
    clearTimeout(hardStop);
    log("shutdown complete", { code });
    return code;
  }

  const begin = (reason: string) => {
    finished ??= run(reason);
    return finished;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    void begin(signal).then(exit);
  };
  for (const signal of signals) process.on(signal, onSignal);

  return {
    inFlight: () => open.size,
    get draining() {
      return draining;
    },
    begin,
    dispose() {
      for (const signal of signals) process.off(signal, onSignal);
      for (const server of options.servers) server.off("request", track);
    },
  };
}
