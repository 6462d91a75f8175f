// Serves the test host on loopback (port 0): its page and its script, bundled here with esbuild.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>MCP Apps test host</title>
<link rel="icon" href="data:,">
<style>
  body { margin: 0; padding: 16px; background: #ffffff; font-family: system-ui, sans-serif; }
  [data-theme="dark"] body { background: #0e1116; }
  iframe { display: block; border: 1px solid #c9ced6; border-radius: 10px; height: 150px; }
  [data-theme="dark"] iframe { border-color: #3a4350; }
</style>
</head>
<body>
<div id="host"></div>
<script type="module" src="/host.js"></script>
</body>
</html>
`;

export interface TestHost {
  url: string;
  close(): Promise<void>;
}

export async function startTestHost(): Promise<TestHost> {
  const bundled = await build({
    entryPoints: [fileURLToPath(new URL("./host.ts", import.meta.url))],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    logLevel: "silent",
  });
  const script = bundled.outputFiles[0]!.text;
  const server: Server = createServer((request, response) => {
    if (request.url === "/host.js") {
      response.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(script);
    } else if (request.url === "/") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
    } else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
