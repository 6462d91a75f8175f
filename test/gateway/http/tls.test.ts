import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { Agent, fetch as undiciFetch } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, loadTls, tlsFilesFromEnv } from "../../../src/gateway/http/tls.js";

const folder = mkdtempSync(join(tmpdir(), "tls-"));
const certFile = join(folder, "cert.pem");
const keyFile = join(folder, "key.pem");
const otherKey = join(folder, "other-key.pem");

function selfSigned(cert: string, key: string) {
  execFileSync("openssl", [
    "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
    "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=localhost",
    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
  ], { stdio: "ignore" });
}

beforeAll(() => {
  selfSigned(certFile, keyFile);
  selfSigned(join(folder, "other-cert.pem"), otherKey);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("direct TLS", () => {
  let server: Server;
  let port: number;

  beforeAll(async () => {
    const tls = loadTls({ certFile, keyFile });
    server = createServer((_request, response) => {
      response.setHeader("content-type", "application/json");
      response.end('{"secure":true}');
    }, tls) as Server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("serves HTTPS with the given certificate to a client that trusts it", async () => {
    const dispatcher = new Agent({ connect: { ca: readFileSync(certFile) } });
    const answer = await undiciFetch(`https://127.0.0.1:${port}/`, { dispatcher });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ secure: true });
    await dispatcher.close();
  });

  it("a client that does not trust the certificate is refused at the handshake", async () => {
    const dispatcher = new Agent();
    const failure = await undiciFetch(`https://127.0.0.1:${port}/`, { dispatcher }).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(String((failure as Error & { cause?: { code?: string } }).cause?.code)).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY|DEPTH_ZERO/);
    await dispatcher.close();
  });

  it("plain HTTP clients get nothing from the TLS port", async () => {
    const failure = await undiciFetch(`http://127.0.0.1:${port}/`).then((answer) => answer.status, (error: Error) => error);
    expect(failure).not.toBe(200);
  });

  it("without TLS material the server is plain HTTP", async () => {
    const plain = createServer((_request, response) => response.end("plain")) as Server;
    await new Promise<void>((resolve) => plain.listen(0, "127.0.0.1", resolve));
    const answer = await undiciFetch(`http://127.0.0.1:${(plain.address() as AddressInfo).port}/`);
    expect(await answer.text()).toBe("plain");
    await new Promise<void>((resolve) => plain.close(() => resolve()));
  });
});

describe("TLS configuration", () => {
  it("both variables or neither", () => {
    expect(tlsFilesFromEnv({})).toBeUndefined();
    expect(tlsFilesFromEnv({ TLS_CERT_FILE: " ", TLS_KEY_FILE: "" })).toBeUndefined();
    expect(tlsFilesFromEnv({ TLS_CERT_FILE: certFile, TLS_KEY_FILE: keyFile })).toEqual({ certFile, keyFile });
    expect(() => tlsFilesFromEnv({ TLS_CERT_FILE: certFile })).toThrow("TLS_KEY_FILE is required when TLS_CERT_FILE is set");
    expect(() => tlsFilesFromEnv({ TLS_KEY_FILE: keyFile })).toThrow("TLS_CERT_FILE is required when TLS_KEY_FILE is set");
  });

  it("a missing file names the variable and the path", () => {
    expect(() => loadTls({ certFile: join(folder, "nope.pem"), keyFile })).toThrow(/TLS_CERT_FILE: cannot read .*nope\.pem \(ENOENT\)/);
  });

  it("a key that does not match the certificate stops start-up", () => {
    expect(() => loadTls({ certFile, keyFile: otherKey })).toThrow(/TLS_CERT_FILE \/ TLS_KEY_FILE: not a usable certificate and matching key/);
  });

  it("a file that is not PEM stops start-up", () => {
    const junk = join(folder, "junk.pem");
    writeFileSync(junk, "not a certificate");
    expect(() => loadTls({ certFile: junk, keyFile })).toThrow(/not a usable certificate/);
  });
});
