// A 2025 call's event stream stays alive while the user takes their time: comments go down it, so a
// proxy in front does not take the silence for a dead replica, and they stop once the answer is written.
import Koa from "koa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventStream } from "../../../src/gateway/http/stream.js";
import { serve, type Served } from "./serve.js";

let served: Served;
beforeAll(async () => {
  const app = new Koa();
  app.use(async (ctx) => {
    const stream = eventStream(ctx, 40);
    stream.channel.send({ jsonrpc: "2.0", id: "ask_1", method: "elicitation/create", params: {} });
    await new Promise((resolve) => setTimeout(resolve, 150));
    stream.end(JSON.stringify({ jsonrpc: "2.0", id: 1, result: {} }));
  });
  served = await serve(app);
});
afterAll(() => served.close());

describe("event stream keep-alive", () => {
  it("sends a comment every interval while the call waits, and none after the answer", async () => {
    const answer = await fetch(served.url);
    expect(answer.headers.get("content-type")).toBe("text/event-stream");
    const text = await answer.text();
    const events = text.split("\n\n").filter(Boolean);
    expect(events[0]).toMatch(/^event: message\ndata: .*elicitation\/create/);
    expect(events.at(-1)).toMatch(/^event: message\ndata: .*"result"/);
    const comments = events.filter((event) => event === ": keep-alive");
    expect(comments.length).toBeGreaterThanOrEqual(2);
    expect(events.slice(1, -1).every((event) => event === ": keep-alive")).toBe(true);
  });
});
