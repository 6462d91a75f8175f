// A 2025 tools/call answer as an event stream, opened only when the gateway must send the client a
// request first (an elicitation): the request goes down as an event, the answer follows it as the last.
import type { Context } from "koa";
import type { ClientChannel } from "../mcp/confirm-elicit.js";

const ACCEPTS_STREAM = /(^|,)\s*(text\/event-stream|text\/\*|\*\/\*)\s*(;|,|$)/i;

export interface EventStream {
  channel: ClientChannel;
  /** True once the first event was written: the answer must then go down the stream too. */
  readonly open: boolean;
  /** Writes the JSON-RPC answer as the last event and ends the response. */
  end(text: string): void;
}

export function acceptsStream(ctx: Context): boolean {
  return ACCEPTS_STREAM.test(ctx.get("accept"));
}

export function eventStream(ctx: Context): EventStream {
  let open = false;
  const write = (text: string) => {
    if (!ctx.res.writableEnded) ctx.res.write(`event: message\ndata: ${text}\n\n`);
  };
  return {
    get open() {
      return open;
    },
    channel: {
      send(message) {
        if (!open) {
          open = true;
          // Koa writes the answer only after every step returns; this one is written as it goes.
          ctx.respond = false;
          ctx.status = 200;
          ctx.res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
        }
        write(JSON.stringify(message));
      },
    },
    end(text) {
      write(text);
      if (!ctx.res.writableEnded) ctx.res.end();
    },
  };
}
