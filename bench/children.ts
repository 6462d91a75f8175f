// Starts each benchmark server in its own child process (bench/serve.ts) and stops it again.
import { fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Ready, ServeOptions, ServerKind } from "./serve.js";

const SERVE = fileURLToPath(new URL("./serve.ts", import.meta.url));

/** A server's memory as it stands, read without collecting garbage. */
export interface Memory {
  usage: NodeJS.MemoryUsage;
  /** V8 heap spaces by name: committed size and used bytes. */
  spaces: Record<string, { size: number; used: number }>;
  /** /proc/self/smaps_rollup as the kernel gives it. */
  smaps: string;
}

export interface Child {
  kind: ServerKind;
  pid: number;
  ready: Ready;
  /** Wall milliseconds from spawning to the ready message (includes node and tsx start-up). */
  spawnToReadyMs: number;
  /** The child's live heap after a full GC, bytes (the child must run with --expose-gc). */
  heapAfterGc(): Promise<number>;
  /** The child's memory as it stands: process.memoryUsage(), V8 heap spaces, /proc/self/smaps_rollup. */
  memory(): Promise<Memory>;
  /** Starts the child's CPU profiler, or stops it and writes the profile to `file`. */
  profile(step: "start" | "stop", file?: string): Promise<void>;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

/**
 * How servers run: "bundle" (default) is bench/serve.ts built as npm start builds src/main.ts and run
 * on plain node, as deployed; "tsx" (BENCH_LOADER=tsx) runs the TypeScript through tsx, as npm run dev.
 * A table module given as a TypeScript path (the corpus) always needs tsx.
 */
export function serverLoader(opts: ServeOptions = {}): "bundle" | "tsx" {
  return process.env.BENCH_LOADER === "tsx" || opts.tableModule || opts.identityModule ? "tsx" : "bundle";
}

const SERVE_BUNDLE = ".bench/dist/serve.mjs";

/** The node flags `npm start` gives the gateway (package.json "start": "... exec node <flags> dist/main.mjs"). */
export function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { scripts?: Record<string, string> };
  const flags = /\bnode\s+((?:--\S+\s+)*)dist\/main\.mjs/.exec(pkg.scripts?.start ?? "")?.[1];
  return flags?.split(/\s+/).filter(Boolean) ?? [];
}
let serveBuilt: Promise<void> | undefined;

export async function startChild(kind: ServerKind, opts: ServeOptions = {}, nodeArgs: string[] = []): Promise<Child> {
  // BENCH_NODE_ARGS: extra node flags for every server, e.g. to try V8 heap settings.
  const extra = process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  if (serverLoader(opts) === "tsx") return startProcess(kind, SERVE, [kind, JSON.stringify(opts)], ["--import", "tsx", ...extra, ...nodeArgs]);
  serveBuilt ??= import("../scripts/build.js").then(({ bundle }) => bundle(SERVE_BUNDLE, "bench/serve.ts"));
  await serveBuilt;
  // Built like npm start, so run like it too: the gateway gets the start script's node flags.
  const asStarted = kind === "gateway" ? startFlags() : [];
  return startProcess(kind, SERVE_BUNDLE, [kind, JSON.stringify(opts)], [...asStarted, ...extra, ...nodeArgs]);
}

/** A built JavaScript server (plain node, no TypeScript loader) speaking the same IPC as bench/serve.ts. */
export function startScript(kind: ServerKind, script: string, args: string[]): Promise<Child> {
  return startProcess(kind, script, args, kind === "gateway" ? startFlags() : []);
}

async function startProcess(kind: ServerKind, script: string, args: string[], execArgv: string[]): Promise<Child> {
  const begin = performance.now();
  const child = fork(script, args, {
    execArgv,
    env: process.env,
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
  running.add(child);
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString("utf8")).slice(-4000);
  });
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.on("message", (message: { ready?: Ready }) => {
      if (message.ready) resolve(message.ready);
    });
    child.on("exit", (code) => reject(new Error(`${kind} exited (${code}) before it was ready:\n${stderr}`)));
  });
  const spawnToReadyMs = performance.now() - begin;
  return {
    kind,
    pid: child.pid!,
    ready,
    spawnToReadyMs,
    heapAfterGc: () =>
      new Promise<number>((resolve) => {
        const done = (message: { heapUsed?: number }) => {
          if (message.heapUsed === undefined) return;
          child.off("message", done);
          resolve(message.heapUsed);
        };
        child.on("message", done);
        child.send({ heap: true });
      }),
    profile: (step, file) =>
      new Promise<void>((resolve) => {
        const done = (message: { profiled?: string }) => {
          if (message.profiled === undefined) return;
          child.off("message", done);
          resolve();
        };
        child.on("message", done);
        child.send({ profile: step, file });
      }),
    memory: () =>
      new Promise<Memory>((resolve) => {
        const done = (message: { memory?: Memory }) => {
          if (message.memory === undefined) return;
          child.off("message", done);
          resolve(message.memory);
        };
        child.on("message", done);
        child.send({ memory: true });
      }),
    stop: () => stopProcess(child),
  };
}

function stopProcess(child: ChildProcess): Promise<void> {
  running.delete(child);
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    if (child.connected) child.send({ stop: true });
    else child.kill("SIGTERM");
  });
}

/** Stops every child still running (on the way out, also after a failure). */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map(stopProcess));
}
