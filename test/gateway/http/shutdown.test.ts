import { spawn, type ChildProcess } from "node:child_process";
import { request } from "node:http";
import { connect } from "node:net";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const fixture = fileURLToPath(new URL("./fixtures/drain-server.ts", import.meta.url));

interface Child {
  process: ChildProcess;
  port: number;
  output: () => string;
  /** Resolves once the output contains the text. */
  saw: (text: string) => Promise<void>;
  exited: Promise<number | null>;
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

async function start(env: Record<string, string>): Promise<Child> {
  const child = spawn(process.execPath, ["--import", "tsx", fixture], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let output = "";
  const waiters: Array<{ text: string; resolve: () => void }> = [];
  const check = () => {
    for (const waiter of waiters.splice(0)) {
      if (output.includes(waiter.text)) waiter.resolve();
      else waiters.push(waiter);
    }
  };
  child.stdout!.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    check();
  });
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const saw = (text: string) =>
    new Promise<void>((resolve) => {
      waiters.push({ text, resolve });
      check();
    });
  await saw("listening ");
  const port = Number(/listening (\d+)/.exec(output)?.[1]);
  return { process: child, port, output: () => output, saw, exited };
}

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: "127.0.0.1", port, path }, (answer) => {
      let body = "";
      answer.on("data", (chunk: Buffer) => (body += chunk.toString()));
      answer.on("end", () => resolve({ status: answer.statusCode ?? 0, body }));
      answer.on("error", reject);
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

describe("graceful shutdown (child process, SIGTERM)", () => {
  it("stops accepting, finishes the call in flight, closes resources and exits 0", async () => {
    const child = await start({ SLOW_MS: "1500" });
    expect((await get(child.port, "/quick")).body).toBe("quick");
    const inFlight = get(child.port, "/slow").catch((error: Error) => error);
    await child.saw("in-flight /slow");
    child.process.kill("SIGTERM");
    await child.saw("shutting down");
    expect(await connects(child.port)).toBe(false);
    expect(await inFlight).toEqual({ status: 200, body: "done" });
    expect(await child.exited).toBe(0);
    expect(child.output()).toContain("closed resources");
    expect(child.output()).toContain('"inFlight":1');
  });

  it("a call that never ends cannot hold the process past the deadline: it exits 1", async () => {
    const child = await start({ SHUTDOWN_TIMEOUT_MS: "1500" });
    const stuck = get(child.port, "/hang").catch((error: Error) => error);
    await child.saw("in-flight /hang");
    child.process.kill("SIGTERM");
    expect(await child.exited).toBe(1);
    expect(await stuck).toBeInstanceOf(Error);
    expect(child.output()).toContain("calls still in flight at the drain deadline");
  });

  it("an idle process exits at once on SIGTERM", async () => {
    const child = await start({});
    child.process.kill("SIGTERM");
    expect(await child.exited).toBe(0);
    expect(child.output()).toContain("closed resources");
  });
});
