import { describe, expect, it } from "vitest";
import { errorReaders, unavailableResult, upstreamErrorResult, UpstreamUnauthorized } from "../../../src/gateway/call/errors.js";
import { UpstreamUnavailable, classifyFailure } from "../../../src/gateway/upstream/client.js";
import { answer, fleetTable } from "./fleet.js";

const readers = errorReaders(fleetTable.api);
const body = (detail: string) => ({ problem: { type: "x", detail, id: "up_9" } });
const text = (result: { content: unknown[] }) => (result.content[0] as { text: string }).text;
const read = { write: false };
const write = { write: true };

describe("upstream errors", () => {
  it("turns 401 into UpstreamUnauthorized", () => {
    expect(() => upstreamErrorResult(answer(401, body("bad")), readers, read)).toThrow(UpstreamUnauthorized);
  });

  it("answers a 404 on a resolved reference like something that does not exist", () => {
    const result = upstreamErrorResult(answer(404, body("No vehicle veh_x in company co_2.")), readers, { write: true, reference: { noun: "vehicle", input: "veh_x" } });
    expect(result.isError).toBe(true);
    // Nothing from the upstream's message: it could tell one company's vehicle from a missing one.
    expect(text(result)).toBe('No vehicle matches "veh_x". Nothing was changed.');
  });

  it("passes on the upstream's reason for 409 and 422, saying nothing changed for a write", () => {
    expect(text(upstreamErrorResult(answer(409, body("The vehicle is retired")), readers, write))).toBe("The vehicle is retired. Nothing was changed. (request id up_9)");
    expect(text(upstreamErrorResult(answer(422, body("Key reused.")), readers, write))).toMatch(/^Fleet API did not accept the request: Key reused\. Nothing was changed\./);
    expect(text(upstreamErrorResult(answer(400, body("status must be one of A, B")), readers, read))).toBe("Fleet API did not accept the request: status must be one of A, B. (request id up_9)");
  });

  it("gives the wait for 429", () => {
    expect(text(upstreamErrorResult(answer(429, body("slow down"), { "retry-after": "12" }), readers, read))).toBe("Fleet API is receiving too many requests; try again in 12 seconds.");
  });

  it("says the outcome of a write is unknown on 5xx, and never guesses", () => {
    const failed = text(upstreamErrorResult(answer(502, body("bad gateway")), readers, write));
    expect(failed).toContain("Fleet API is unavailable right now (HTTP 502)");
    expect(failed).toContain("The outcome is unknown");
    expect(failed).not.toContain("Nothing was changed");
    expect(text(upstreamErrorResult(answer(500, body("x")), readers, read))).toContain("Try again in a moment.");
  });

  it("tells a request that never left from one that may have arrived", () => {
    expect(text(unavailableResult(new UpstreamUnavailable(false, "ECONNREFUSED"), readers, write))).toBe("Fleet API is unavailable right now (could not connect). Nothing was changed.");
    expect(text(unavailableResult(new UpstreamUnavailable(true, "UND_ERR_SOCKET"), readers, write))).toContain("The outcome is unknown");
  });

  it("classifies connection errors by whether anything was sent", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    const wrapped = Object.assign(new TypeError("fetch failed"), { cause: { code: "ENOTFOUND" } });
    const reset = Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" });
    expect(classifyFailure(refused).sent).toBe(false);
    expect(classifyFailure(wrapped).sent).toBe(false);
    expect(classifyFailure(reset).sent).toBe(true);
    expect(classifyFailure(new Error("???")).sent).toBe(true);
  });

  it("says 'The API' when the spec has no title", () => {
    const plain = errorReaders({ title: " ", identity: fleetTable.api.identity, roles: ["OWNER"], errors: {} });
    expect(text(unavailableResult(new UpstreamUnavailable(false, "ECONNREFUSED"), plain, read))).toMatch(/^The API is unavailable/);
  });
});
