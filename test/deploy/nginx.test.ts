// deploy/nginx.conf is what deploy/nginx.ts renders (the tests run that same template), and nginx
// itself accepts what it renders.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLE, EXAMPLE_FILE, readTimeoutSeconds, renderNginx } from "../../deploy/nginx.js";
import { NGINX_BINARY, requireNginx } from "../../scripts/cluster/nginx.js";

describe("deploy/nginx.conf", () => {
  it("is the rendering of the template for the example deployment (npm run deploy:nginx writes it)", () => {
    expect(readFileSync(EXAMPLE_FILE, "utf8")).toBe(renderNginx(EXAMPLE));
  });

  it("keeps its read timeout above the gateway's upstream budget, and its body limit at the gateway's 1 MB", () => {
    const text = renderNginx({ ...EXAMPLE, upstreamTimeoutMs: 40_000 });
    expect(text).toContain(`proxy_read_timeout ${readTimeoutSeconds(40_000)}s;`);
    expect(readTimeoutSeconds(40_000)).toBeGreaterThan(40 + 15);
    expect(text).toContain("client_max_body_size 1m;");
    for (const setting of ["keepalive 64;", "proxy_http_version 1.1;", 'proxy_set_header Connection "";', "proxy_set_header Host $http_host;", "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;", "proxy_buffering off;"]) {
      expect(text).toContain(setting);
    }
  });

  it("is accepted by nginx -t", () => {
    requireNginx();
    const dir = mkdtempSync(join(tmpdir(), "nginx-conf-"));
    try {
      const file = join(dir, "nginx.conf");
      writeFileSync(file, renderNginx({ replicas: ["127.0.0.1:3001", "127.0.0.1:3002"], listen: "127.0.0.1:8081", serverName: "_", runDir: dir }));
      const checked = spawnSync(NGINX_BINARY, ["-t", "-p", dir, "-c", file, "-e", join(dir, "error.log")], { encoding: "utf8" });
      expect(checked.stderr).toMatch(/syntax is ok/);
      expect(checked.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
