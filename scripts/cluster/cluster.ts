// A deployment on loopback, each part its own process so each can be killed: Redis, the sandbox (on a
// SQLite file, so a restart keeps its data), N gateway replicas (npm start's bundle on plain node, as
// deployed, CLARA_API_URL at the sandbox) and nginx in front. Used by test/e2e/replicas/ and
// `npm run loadtest -- --replicas 3`. Every port is loopback; everything stops with close().
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundle, removeBundle } from "../build.js";
import { openDatabase, type Db } from "../../src/sandbox/db/db.js";
import { startSandbox } from "../../src/sandbox/server.js";
import { createToken, revokeToken } from "../../src/sandbox/tokens/tokens.js";
import { startNginx, type NginxServer } from "./nginx.js";
import { freePort, listening } from "./ports.js";
import { startRedis, type RedisServer } from "./redis.js";

export interface ClusterOptions {
  replicas?: number;
  /** Settings for every replica (RATE_LIMIT_TOKEN, …), on top of the cluster's own. */
  env?: Record<string, string>;
  /** Transactions seeded in the sandbox (fewer start faster). */
  transactions?: number;
  /** Keep the replicas' info lines (access log) too; by default only warn and above are kept. */
  keepInfo?: boolean;
}

/** One process the cluster started, which a test may kill and start again. */
export interface Part {
  readonly pid: number;
  readonly running: boolean;
  /** Resolves with the exit code (null when killed by a signal) once the process is gone. */
  readonly exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
  /** Starts it again, with the same port and settings. */
  start(): Promise<void>;
}

export interface Replica extends Part {
  index: number;
  port: number;
  url: string;
  mcpUrl: string;
  /** Log lines kept (warn and above, and Redis' lines, unless keepInfo), as JSON text. */
  lines: string[];
}

export interface SandboxPart extends Part {
  url: string;
  port: number;
  /** The sandbox's database, opened here too (SQLite allows it): tokens, revocations, what was applied. */
  db: Db;
}

export interface Cluster {
  dir: string;
  redis: RedisServer;
  sandbox: SandboxPart;
  replicas: Replica[];
  nginx: NginxServer;
  /** The MCP URL behind nginx. */
  mcpUrl: string;
  /** The replicas' GATEWAY_SECRET, and every token made with token(): for tests that prove no log holds them. */
  secret: string;
  issued(): string[];
  /** Each replica's audit file. */
  auditFiles: string[];
  token(email: string, name?: string): { id: string; token: string };
  revoke(id: string): void;
  /** Stops every replica and starts them again with these settings (ports and secret unchanged). */
  restartReplicas(env?: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

// One bundle per process and purpose, so test files building at the same time never run a half-written one.
const built = new Map<string, Promise<string>>();
function bundled(entry: string, name: string): Promise<string> {
  let file = built.get(entry);
  if (!file) {
    const out = `dist/cluster-${name}-${process.pid}.mjs`;
    file = bundle(out, entry).then(() => out);
    built.set(entry, file);
  }
  return file;
}

/** The node flags npm start gives the gateway. */
const START_FLAGS = ["--heap-growing-percent=50"];

function processPart(script: () => Promise<string>, args: string[], env: () => Record<string, string>, ready: (text: string) => boolean, keep: (line: string) => boolean) {
  let child: ChildProcess | undefined;
  let exited: Promise<number | null> = Promise.resolve(null);
  const lines: string[] = [];
  const part = {
    lines,
    get pid() {
      return child?.pid ?? -1;
    },
    get running() {
      return child !== undefined && child.exitCode === null && child.signalCode === null;
    },
    get exited() {
      return exited;
    },
    kill(signal: NodeJS.Signals) {
      child?.kill(signal);
    },
    async start() {
      const file = await script();
      const started = spawn(process.execPath, [...args, file], { env: { ...process.env, ...env() }, stdio: ["ignore", "pipe", "pipe"] });
      child = started;
      exited = new Promise((resolve) => started.once("exit", (code) => resolve(code)));
      let pending = "";
      let text = "";
      let isReady = false;
      const consume = (chunk: Buffer) => {
        pending += chunk.toString("utf8");
        const cut = pending.lastIndexOf("\n");
        if (cut < 0) return;
        for (const line of pending.slice(0, cut).split("\n")) {
          if (!isReady) text += `${line}\n`;
          if (line && keep(line)) lines.push(line);
        }
        pending = pending.slice(cut + 1);
        if (!isReady && ready(text)) isReady = true;
      };
      started.stdout!.on("data", consume);
      started.stderr!.on("data", consume);
      const deadline = Date.now() + 30_000;
      while (!isReady) {
        if (started.exitCode !== null || started.signalCode !== null) throw new Error(`exited before it was ready:\n${text}${pending}`);
        if (Date.now() > deadline) throw new Error(`not ready after 30 s:\n${text}${pending}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
  };
  return part;
}

export async function startCluster(opts: ClusterOptions = {}): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), "clara-cluster-"));
  const parts: Array<Part> = [];
  try {
    for (const folder of ["redis", "nginx"]) mkdirSync(join(dir, folder));
    const redis = await startRedis(join(dir, "redis"));
    const dbFile = join(dir, "sandbox.db");
    // Seeded here, once, so the sandbox process starts on a database that is ready.
    const seeded = await startSandbox({ dbFile, port: 0, host: "127.0.0.1", ...(opts.transactions !== undefined ? { transactions: opts.transactions } : {}) });
    await seeded.close();
    const db = openDatabase(dbFile);
    const sandboxPort = await freePort();
    const sandboxProcess = processPart(
      () => bundled("src/sandbox/main.ts", "sandbox"),
      [],
      () => ({ SANDBOX_PORT: String(sandboxPort), SANDBOX_DB: dbFile, LOG_LEVEL: "warn" }),
      (text) => text.includes("Clara sandbox listening"),
      () => false,
    );
    const sandbox: SandboxPart = Object.assign(sandboxProcess, { url: `http://127.0.0.1:${sandboxPort}`, port: sandboxPort, db });
    await sandbox.start();
    parts.push(sandbox);

    const secret = randomBytes(32).toString("hex");
    let env = opts.env ?? {};
    const count = opts.replicas ?? 3;
    const replicas: Replica[] = [];
    for (let index = 0; index < count; index++) {
      const port = await freePort();
      const auditDir = join(dir, `replica-${index}`);
      mkdirSync(auditDir, { recursive: true });
      const part = processPart(
        () => bundled("src/main.ts", "gateway"),
        START_FLAGS,
        () => ({
          PORT: String(port),
          HOST: "127.0.0.1",
          CLARA_API_URL: sandbox.url,
          REDIS_URL: redis.url,
          REDIS_PREFIX: "clara:test:",
          GATEWAY_SECRET: secret,
          TRUST_PROXY: "true",
          AUDIT_LOG: join(auditDir, "audit.log"),
          LOG_LEVEL: "info",
          ...env,
        }),
        (text) => /Clara MCP gateway: http:\/\/\S+\/mcp/.test(text),
        // Warnings and errors, and Redis' own lines (its "available again" is info).
        opts.keepInfo ? () => true : (line) => /"level":(4|5|6)\d/.test(line) || line.includes('"redis":'),
      );
      const replica: Replica = Object.assign(part, { index, port, url: `http://127.0.0.1:${port}`, mcpUrl: `http://127.0.0.1:${port}/mcp` });
      replicas.push(replica);
    }
    await Promise.all(replicas.map((replica) => replica.start()));
    parts.push(...replicas);
    const nginx = await startNginx(join(dir, "nginx"), replicas.map((replica) => replica.port));
    const tokens = new Map<string, string>();
    return {
      dir,
      redis,
      sandbox,
      replicas,
      nginx,
      mcpUrl: `${nginx.url}/mcp`,
      secret,
      issued: () => [...tokens.values()],
      auditFiles: replicas.map((replica) => join(dir, `replica-${replica.index}`, "audit.log")),
      token(email, name = "cluster") {
        const made = createToken(db, email, name);
        tokens.set(made.id, made.token);
        return made;
      },
      revoke(id) {
        if (!revokeToken(db, id)) throw new Error(`no token ${id}`);
      },
      async restartReplicas(next) {
        await Promise.all(replicas.map(async (replica) => {
          if (replica.running) {
            replica.kill("SIGTERM");
            await replica.exited;
          }
        }));
        if (next) env = next;
        await Promise.all(replicas.map((replica) => replica.start()));
        await Promise.all(replicas.map((replica) => listening(replica.port)));
      },
      async close() {
        await nginx.stop();
        await stopParts([...replicas, sandbox]);
        await redis.stop();
        db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stopParts(parts);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

async function stopParts(parts: Part[]): Promise<void> {
  await Promise.all(
    parts.map(async (part) => {
      if (!part.running) return;
      part.kill("SIGTERM");
      const force = setTimeout(() => part.kill("SIGKILL"), 12_000);
      await part.exited;
      clearTimeout(force);
    }),
  );
}

/** Removes the bundles this process built (call once, at the end). */
export async function removeBundles(): Promise<void> {
  for (const file of built.values()) removeBundle(await file);
  built.clear();
}
