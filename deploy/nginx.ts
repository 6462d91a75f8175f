// nginx in front of N gateway replicas: the one configuration, rendered for a country's deployment
// (deploy/nginx.conf, with TLS) or for a test on loopback (scripts/cluster/nginx.ts). `npm run
// deploy:nginx` writes deploy/nginx.conf again; a test fails when the committed file differs.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface NginxOptions {
  /** host:port of each replica. */
  replicas: readonly string[];
  /** What nginx listens on: "443 ssl" behind a certificate, or "127.0.0.1:8080" for a test. */
  listen: string;
  /** The public name clients use (also each replica's ALLOWED_HOSTS); "_" for any. */
  serverName: string;
  tls?: { certificate: string; key: string };
  /** The gateways' UPSTREAM_TIMEOUT_MS (15 s by default): nginx's timeouts are derived from it. */
  upstreamTimeoutMs?: number;
  /** A folder for pid, logs and temporary files (tests); the distribution's defaults otherwise. */
  runDir?: string;
  workerProcesses?: number | "auto";
  /** Access log path, or "off". */
  accessLog?: string;
}

/**
 * How long nginx waits between two reads from a replica. Longer than the slowest silent stretch of an
 * answer: a write's preview read and the write itself, each within the upstream budget, plus a margin.
 * An event stream waiting for a user's answer is never silent that long (a keep-alive comment every 15 s).
 */
export function readTimeoutSeconds(upstreamTimeoutMs: number): number {
  return Math.ceil((2 * upstreamTimeoutMs) / 1000) + 30;
}

export function renderNginx(options: NginxOptions): string {
  const run = options.runDir;
  const readTimeout = readTimeoutSeconds(options.upstreamTimeoutMs ?? 15_000);
  const servers = options.replicas.map((replica) => `    server ${replica} max_fails=1 fail_timeout=2s;`).join("\n");
  const files = run
    ? [
        `pid ${run}/nginx.pid;`,
        `error_log ${run}/error.log warn;`,
      ]
    : ["pid /run/nginx-clara-mcp.pid;", "error_log /var/log/nginx/clara-mcp.error.log warn;"];
  const temp = run
    ? ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((kind) => `  ${kind}_temp_path ${run}/${kind}_temp;`).join("\n")
    : "";
  const tls = options.tls
    ? [
        `    ssl_certificate ${options.tls.certificate};`,
        `    ssl_certificate_key ${options.tls.key};`,
        "    ssl_protocols TLSv1.2 TLSv1.3;",
        '    add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;',
      ].join("\n")
    : "";
  return `# Clara MCP gateway: nginx in front of ${options.replicas.length} replicas of one country's deployment.
# Rendered by deploy/nginx.ts (npm run deploy:nginx); tests run the same template on loopback.
${run ? "daemon off;\n" : ""}worker_processes ${options.workerProcesses ?? "auto"};
${files.join("\n")}

events {
  worker_connections 4096;
}

http {
  # The gateway refuses bodies over 1 MB with 413; nginx does the same before they travel, and keeps
  # the bodies it accepts in memory (no temporary files).
  client_max_body_size 1m;
  client_body_buffer_size 1m;
${temp ? `${temp}\n` : ""}  server_tokens off;
  log_format clara '$remote_addr [$time_iso8601] "$request" $status $body_bytes_sent '
                   'id=$request_id upstream=$upstream_addr upstream_status=$upstream_status time=$request_time';
  access_log ${options.accessLog ?? (run ? `${run}/access.log` : "/var/log/nginx/clara-mcp.access.log")}${(options.accessLog ?? "") === "off" ? "" : " clara buffer=64k flush=1s"};

  upstream clara_mcp {
    # Round robin, no stickiness: replicas share their state on Redis, and a 2025 client's answer to a
    # form may land on any replica (pub/sub takes it to the one whose call waits).
    # Passive health only (open-source nginx has no active checks): a replica that refuses a
    # connection or times out is skipped for 2 s. The orchestrator or cloud load balancer probes
    # GET /readyz on each replica.
${servers}
    # Kept-alive connections to the replicas; closed by nginx before the gateway's own 65 s timeout.
    keepalive 64;
    keepalive_timeout 60s;
    keepalive_requests 10000;
  }

  server {
    listen ${options.listen};
    server_name ${options.serverName};
${tls ? `${tls}\n` : ""}
    location / {
      proxy_pass http://clara_mcp;
      proxy_http_version 1.1;
      # Keep-alive to the replicas: no hop-by-hop "Connection: close" passed on.
      proxy_set_header Connection "";
      # The name the client used (the gateway checks it against ALLOWED_HOSTS) and the client's
      # address, appended last (the gateway, with TRUST_PROXY=true, counts the last entry).
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      # One id from nginx's log line to the gateway's log and audit lines.
      proxy_set_header X-Request-Id $request_id;
      # Event streams (a 2025 call asking its client) go out as they are written.
      proxy_buffering off;
      proxy_connect_timeout 2s;
      proxy_send_timeout ${readTimeout}s;
      proxy_read_timeout ${readTimeout}s;
      # A request that never reached a replica (refused, or no connection in time) goes to the next.
      # One that was sent is never sent again: nginx does not repeat a POST (a tools/call may be a
      # write), so the client is told 502 and its outcome is its own to check.
      proxy_next_upstream error timeout;
      proxy_next_upstream_tries 3;
      proxy_next_upstream_timeout 5s;
    }
  }
}
`;
}

/** The deployment example: Mexico, three replicas on the private network, TLS at nginx. */
export const EXAMPLE: NginxOptions = {
  replicas: ["10.20.0.11:3000", "10.20.0.12:3000", "10.20.0.13:3000"],
  listen: "443 ssl",
  serverName: "mcp.mx.clara.example",
  tls: { certificate: "/etc/nginx/tls/mcp.mx.clara.example.pem", key: "/etc/nginx/tls/mcp.mx.clara.example.key" },
  upstreamTimeoutMs: 15_000,
};

export const EXAMPLE_FILE = fileURLToPath(new URL("./nginx.conf", import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(EXAMPLE_FILE, renderNginx(EXAMPLE));
}
