// A real nginx for tests and load tests, with deploy/nginx.ts's configuration rendered for loopback:
// its own folder for pid, logs and temporary files, in the foreground. Debian's package
// (apt-get install -y nginx; CI's .ci/run installs it).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderNginx } from "../../deploy/nginx.js";
import { freePort, listening } from "./ports.js";

export interface NginxServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  /** The error log so far (nginx writes what it could not pass on there). */
  errors(): string;
  /** The access log so far: one line per request, with the replica that answered. */
  access(): string;
  stop(): Promise<void>;
}

export const NGINX_BINARY = process.env.NGINX ?? (existsSync("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx");

/** Throws with the install command when nginx is missing. */
export function requireNginx(): void {
  const found = spawnSync(NGINX_BINARY, ["-v"], { stdio: "ignore" });
  if (found.error || found.status !== 0) {
    throw new Error(`${NGINX_BINARY} is not installed: apt-get install -y nginx (CI's .ci/run installs it when missing)`);
  }
}

export async function startNginx(dir: string, replicaPorts: readonly number[], upstreamTimeoutMs = 15_000): Promise<NginxServer> {
  requireNginx();
  const port = await freePort();
  // Workers of a master started as root run as nobody: they must reach the folder.
  chmodSync(dir, 0o755);
  const config = join(dir, "nginx.conf");
  writeFileSync(
    config,
    renderNginx({
      replicas: replicaPorts.map((replica) => `127.0.0.1:${replica}`),
      listen: `127.0.0.1:${port}`,
      serverName: "_",
      runDir: dir,
      upstreamTimeoutMs,
      workerProcesses: 1,
    }),
  );
  const child: ChildProcess = spawn(NGINX_BINARY, ["-p", dir, "-c", config, "-e", join(dir, "error.log")], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await Promise.race([
    listening(port),
    exited.then(() => {
      throw new Error(`nginx exited at start:\n${stderr}\n${read(join(dir, "error.log"))}`);
    }),
  ]);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    errors: () => read(join(dir, "error.log")),
    access: () => read(join(dir, "access.log")),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const force = setTimeout(() => child.kill("SIGKILL"), 3_000);
      // SIGQUIT: nginx's graceful stop (flushes the buffered access log).
      child.kill("SIGQUIT");
      await exited;
      clearTimeout(force);
    },
  };
}

function read(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}
