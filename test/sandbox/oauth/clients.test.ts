// The rules for Client ID Metadata Documents: which hosts may be fetched (never loopback, private or
// link-local), what a document must say, and the loopback http documents of local development.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allowMetadataFetch, checkDocument, isSpecialAddress, loopbackDocuments, MetadataRefused } from "../../../src/sandbox/oauth/clients.js";

describe("which addresses a metadata document may live on", () => {
  it("refuses loopback, private, link-local, shared, documentation and multicast addresses, IPv4 and IPv6", () => {
    for (const address of ["127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1", "2001:db8::1"]) {
      expect(isSpecialAddress(address), address).toBe(true);
    }
    for (const address of ["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700::1111"]) expect(isSpecialAddress(address), address).toBe(false);
  });

  it("resolves the host first: a public name that points to a private address is refused, without any connection", async () => {
    const resolver = (answers: string[]) => (async () => answers.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }))) as never;
    expect(await allowMetadataFetch("https://claude.example/client.json", resolver(["93.184.216.34"]))).toBe(true);
    expect(await allowMetadataFetch("https://rebind.example/client.json", resolver(["93.184.216.34", "10.0.0.5"]))).toBe(false);
    expect(await allowMetadataFetch("https://metadata.example/client.json", resolver(["169.254.169.254"]))).toBe(false);
    expect(await allowMetadataFetch("https://nowhere.example/client.json", (async () => { throw new Error("ENOTFOUND"); }) as never)).toBe(false);
    expect(await allowMetadataFetch("https://[::1]/client.json")).toBe(false);
    expect(await allowMetadataFetch("https://127.0.0.1/client.json")).toBe(false);
  });
});

describe("what a document must say", () => {
  const id = "http://127.0.0.1:9/client.json";
  const good = { client_id: id, client_name: "App", redirect_uris: ["http://127.0.0.1:7/cb"] };
  it("its own URL as client_id, redirect URIs, and no shared secret", () => {
    expect(checkDocument(id, JSON.stringify(good))).toMatchObject(good);
    const refused = (doc: unknown) => () => checkDocument(id, typeof doc === "string" ? doc : JSON.stringify(doc));
    expect(refused({ ...good, client_id: "https://claude.ai/client.json" })).toThrow("client_id does not match");
    expect(refused({ ...good, token_endpoint_auth_method: "client_secret_basic" })).toThrow(MetadataRefused);
    expect(refused({ ...good, client_secret: "x" })).toThrow(MetadataRefused);
    expect(refused({ client_id: id })).toThrow("no redirect_uris");
    expect(refused("[1]")).toThrow("not a JSON object");
    expect(refused("{")).toThrow("not JSON");
  });
});

describe("loopback http documents (OAUTH_CIMD_ALLOW_LOOPBACK_HTTP)", () => {
  let base = "";
  let server: ReturnType<typeof createServer>;
  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = `${base}${req.url}`;
      if (req.url === "/big.json") return void res.writeHead(200).end(JSON.stringify({ client_id: url, redirect_uris: ["http://127.0.0.1:7/cb"], pad: "x".repeat(6000) }));
      if (req.url === "/slow.json") return void setTimeout(() => res.writeHead(200).end("{}"), 4_000);
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ client_id: url, client_name: "Local", redirect_uris: ["http://127.0.0.1:7/cb"] }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it("fetches loopback http only, with a path; larger than 5 KB or slower than 2.5 s is no client", async () => {
    const why: string[] = [];
    const find = loopbackDocuments((_id, reason) => why.push(reason));
    expect(await find(`${base}/app.json`)).toMatchObject({ client_name: "Local" });
    expect(await find(`${base}/`)).toBeUndefined();
    expect(await find(`http://example.com/app.json`)).toBeUndefined();
    expect(await find(`${base}/../app.json`)).toBeUndefined();
    expect(await find(`${base}/big.json`)).toBeUndefined();
    expect(why.at(-1)).toContain("larger than 5 KB");
    const started = Date.now();
    expect(await find(`${base}/slow.json`)).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(3_500);
  });
});
