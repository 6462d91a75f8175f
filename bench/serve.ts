// Runs one server of the benchmark in this process, so its CPU and memory are its own.
// Started by bench/gateway.ts and bench/loadtest.ts with an IPC channel:
//   argv: <kind> <options as JSON>; sends { ready: { url, readyMs, ... } }; stops on { stop: true }.
import { readFileSync, writeFileSync } from "node:fs";
import { getHeapSpaceStatistics } from "node:v8";
import { Session } from "node:inspector/promises";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

export type ServerKind = "fixture" | "forwarder" | "gateway" | "sandbox";

export interface ServeOptions {
  /** forwarder, gateway: the upstream's base URL. */
  upstreamUrl?: string;
  /** gateway: a module exporting `table` (default generated/tools.ts). */
  tableModule?: string;
  /** gateway: take `api` and `operations` from this module instead (a corpus table has no identity operation). */
  identityModule?: string;
  /** sandbox: demo users to create tokens for, and how many each (default 1). */
  tokensFor?: string[];
  tokensPerUser?: number;
  /** sandbox: SQLite file (default in memory). */
  dbFile?: string;
}

export interface Ready {
  url: string;
  /** Milliseconds from this process's start to listening. */
  readyMs: number;
  /** sandbox: fresh tokens per demo user. */
  tokens?: Record<string, string[]>;
  tools?: number;
}

interface Running {
  ready: Ready;
  close(): Promise<void>;
}

async function load(module: string): Promise<Record<string, unknown>> {
  return (await import(pathToFileURL(resolve(module)).href)) as Record<string, unknown>;
}

async function start(kind: ServerKind, opts: ServeOptions): Promise<Running> {
  switch (kind) {
    // Each kind loads only its own modules, so a process holds only the server it measures.
    case "fixture": {
      const { startFixtureUpstream } = await import("./fixture-upstream.js");
      const server = await startFixtureUpstream();
      return { ready: { url: server.url, readyMs: performance.now() }, close: server.close };
    }
    case "forwarder": {
      const { startForwarder } = await import("./forwarder.js");
      const server = await startForwarder(opts.upstreamUrl!);
      return { ready: { url: server.url, readyMs: performance.now() }, close: server.close };
    }
    case "gateway": {
      const { serveGateway, startGatewayServer } = await import("./gateway-server.js");
      // The Clara table by a literal import, so a bundle of this file holds it.
      const server = opts.tableModule
        ? await startGatewayServer({
            upstreamUrl: opts.upstreamUrl!,
            tableModule: opts.tableModule,
            ...(opts.identityModule ? { identityModule: opts.identityModule } : {}),
            load,
          })
        : await serveGateway((await import("../generated/tools.js")).table, opts.upstreamUrl!);
      return { ready: { url: server.url, readyMs: performance.now(), tools: server.tools }, close: server.close };
    }
    case "sandbox": {
      const { startSandbox } = await import("../src/sandbox/server.js");
      const { createToken } = await import("../src/sandbox/tokens/tokens.js");
      const running = await startSandbox({ dbFile: opts.dbFile ?? ":memory:", port: 0, host: "127.0.0.1" });
      const tokens: Record<string, string[]> = {};
      for (const email of opts.tokensFor ?? []) {
        tokens[email] = [];
        for (let i = 0; i < (opts.tokensPerUser ?? 1); i++) tokens[email].push(createToken(running.db, email, `bench ${i}`).token);
      }
      return { ready: { url: running.url, readyMs: performance.now(), tokens }, close: running.close };
    }
  }
}

let session: Session | undefined;

/** The V8 CPU profiler (what --cpu-prof uses), over the measured window only, not start-up. */
async function profile(step: "start" | "stop", file?: string): Promise<string> {
  if (step === "start") {
    session = new Session();
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 200 });
    await session.post("Profiler.start");
    return "started";
  }
  if (!session) return "not started";
  const { profile: taken } = await session.post("Profiler.stop");
  session.disconnect();
  session = undefined;
  writeFileSync(file ?? `profile-${process.pid}.cpuprofile`, JSON.stringify(taken));
  return file ?? "";
}

async function main(): Promise<void> {
  const [kind, raw] = process.argv.slice(2);
  const running = await start(kind as ServerKind, JSON.parse(raw ?? "{}") as ServeOptions);
  process.send?.({ ready: running.ready });
  process.on("message", (message: { stop?: boolean; profile?: "start" | "stop"; file?: string; heap?: boolean; memory?: boolean }) => {
    if (message.memory) {
      // Where resident memory lies, without collecting: V8 spaces, buffers, and the kernel's view.
      const spaces = Object.fromEntries(getHeapSpaceStatistics().map((space) => [space.space_name, { size: space.space_size, used: space.space_used_size }]));
      process.send?.({ memory: { usage: process.memoryUsage(), spaces, smaps: readFileSync("/proc/self/smaps_rollup", "utf8") } });
      return;
    }
    if (message.heap) {
      // Live heap after a full collection (needs --expose-gc): flat when nothing leaks, whatever RSS does.
      (globalThis as { gc?: () => void }).gc?.();
      process.send?.({ heapUsed: process.memoryUsage().heapUsed });
      return;
    }
    if (message.profile) {
      void profile(message.profile, message.file).then((done) => process.send?.({ profiled: done }));
      return;
    }
    if (!message.stop) return;
    void running.close().finally(() => process.exit(0));
  });
  // The parent going away must not leave a server behind.
  process.on("disconnect", () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
