// A real redis-server for tests and load tests: loopback only, a free port, no persistence, in a
// temporary folder. Debian's package (apt-get install -y redis-server; CI's .ci/run installs it).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { freePort, listening } from "./ports.js";

export interface RedisServer {
  url: string;
  port: number;
  /** Stops it (SIGTERM, then SIGKILL); its data is gone, as after a crash without persistence. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
  /** SIGSTOP: connections stay open but nothing answers (a stalled Redis). */
  pause(): void;
  resume(): void;
}

const BINARY = process.env.REDIS_SERVER ?? "redis-server";

/** Throws with the install command when redis-server is missing. */
export function requireRedis(): void {
  const found = spawnSync(BINARY, ["--version"], { stdio: "ignore" });
  if (found.error || found.status !== 0) {
    throw new Error(`${BINARY} is not installed: apt-get install -y redis-server (CI's .ci/run installs it when missing)`);
  }
}

export async function startRedis(dir: string): Promise<RedisServer> {
  requireRedis();
  const port = await freePort();
  let child: ChildProcess | undefined;
  let paused = false;
  const start = async () => {
    child = spawn(BINARY, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir, "--protected-mode", "yes"], {
      stdio: "ignore",
    });
    await listening(port);
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null || running.signalCode !== null) return resolve();
      if (paused) running.kill("SIGCONT");
      paused = false;
      const force = setTimeout(() => running.kill("SIGKILL"), 3_000);
      running.once("exit", () => {
        clearTimeout(force);
        resolve();
      });
      running.kill("SIGTERM");
    });
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    start,
    pause() {
      paused = true;
      child?.kill("SIGSTOP");
    },
    resume() {
      paused = false;
      child?.kill("SIGCONT");
    },
  };
}
