// The gateway on the Clara table as one JavaScript bundle run by plain node (no TypeScript loader):
// how fast a built deployment is ready. bench/gateway.ts bundles this file with esbuild.
//   argv: <upstream URL>; sends { ready: { url, readyMs, tools } }; stops on { stop: true }.
import { table } from "../generated/tools.js";
import { serveGateway } from "./gateway-server.js";

const running = await serveGateway(table, process.argv[2] ?? "http://127.0.0.1:9");
process.send?.({ ready: { url: running.url, readyMs: performance.now(), tools: running.tools } });
process.on("message", (message: { stop?: boolean }) => {
  if (message.stop) void running.close().finally(() => process.exit(0));
});
process.on("disconnect", () => process.exit(0));
