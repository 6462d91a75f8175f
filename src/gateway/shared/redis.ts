// The connection to Redis that the replicas of one deployment share (REDIS_URL, keys under REDIS_PREFIX).
// Built to fail fast: no offline queue, short timeouts, so a Redis that is down or stalled never holds up
// a request; what uses it falls back (rate limits) or refuses (single-use values). Reconnects with backoff.
import { Redis } from "ioredis";

/** Where the link tells of its state: one warn line when Redis goes, one info line when it is back. */
export interface LinkLog {
  warn(fields: object, message: string): void;
  info(fields: object, message: string): void;
}

export interface RedisLinkOptions {
  /** redis://[user:password@]host:port[/db] or rediss://…; never logged (it may hold a password). */
  url: string;
  /** Every key and channel starts with it, e.g. "clara:mx:". */
  prefix: string;
  log: LinkLog;
  /** Longest wait for one command's answer (500 ms). */
  commandTimeoutMs?: number;
  /** Longest wait for a connection (1 s). */
  connectTimeoutMs?: number;
  /** How often an idle link checks that Redis still answers (1 s). */
  heartbeatMs?: number;
}

export interface RedisLink {
  readonly client: Redis;
  readonly prefix: string;
  /** True while commands can be sent and answered; false while down, stalled or reconnecting. */
  readonly available: boolean;
  /** Runs now if ready, and again every time the link is ready after a loss. */
  onReady(run: () => void): void;
  /** Messages of one channel (prefixed), over a connection of their own made on first use. */
  subscribe(channel: string, onMessage: (message: string) => void): void;
  publish(channel: string, message: string): Promise<void>;
  close(): Promise<void>;
}

/** Reconnect after 100 ms, doubling up to 2 s, with jitter so replicas do not reconnect in step. */
function backoff(times: number): number {
  const step = Math.min(2_000, 100 * 2 ** Math.min(times - 1, 5));
  return Math.round(step / 2 + Math.random() * (step / 2));
}

export function connectRedis(opts: RedisLinkOptions): RedisLink {
  const commandTimeout = opts.commandTimeoutMs ?? 500;
  const options = {
    connectTimeout: opts.connectTimeoutMs ?? 1_000,
    commandTimeout,
    // A stalled Redis (answers nothing) drops the connection, so commands fail at once until it is back.
    socketTimeout: commandTimeout * 2,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: backoff,
    lazyConnect: false,
  };
  const client = new Redis(opts.url, options);
  const readyHooks: Array<() => void> = [];
  let subscriber: Redis | undefined;
  const handlers = new Map<string, (message: string) => void>();
  // Only changes are logged: a Redis that is down makes ioredis report every failed reconnect.
  let shown: "unknown" | "up" | "down" = "unknown";
  let closing = false;

  const down = (reason: string) => {
    if (closing || shown === "down") return;
    shown = "down";
    opts.log.warn(
      { redis: "unavailable", reason },
      "Redis unavailable: rate limits fall back to each replica's memory; single-use confirmations are refused until it is back",
    );
  };
  client.on("ready", () => {
    if (shown === "down") opts.log.info({ redis: "available" }, "Redis available again: shared rate limits and confirmations resume");
    shown = "up";
    for (const run of readyHooks) run();
  });
  // Codes only: an error's message may name the address or carry a reply.
  client.on("error", (error: NodeJS.ErrnoException) => down(error.code ?? error.name));
  client.on("close", () => down("connection closed"));

  // Nobody may be waiting when Redis stalls; the heartbeat notices anyway, so /readyz tells the truth.
  const heartbeat = setInterval(() => {
    if (client.status === "ready") client.ping().catch(() => {});
  }, opts.heartbeatMs ?? 1_000);
  heartbeat.unref();

  return {
    client,
    prefix: opts.prefix,
    get available() {
      return client.status === "ready";
    },
    onReady(run) {
      readyHooks.push(run);
      if (client.status === "ready") run();
    },
    subscribe(channel, onMessage) {
      const name = `${opts.prefix}${channel}`;
      handlers.set(name, onMessage);
      if (!subscriber) {
        // Subscribing must wait for a connection, so this one queues; it never carries other commands.
        subscriber = new Redis(opts.url, { ...options, enableOfflineQueue: true, maxRetriesPerRequest: null, socketTimeout: undefined });
        subscriber.on("error", () => {});
        subscriber.on("message", (from: string, message: string) => handlers.get(from)?.(message));
      }
      subscriber.subscribe(name).catch(() => {});
    },
    async publish(channel, message) {
      await client.publish(`${opts.prefix}${channel}`, message);
    },
    async close() {
      closing = true;
      clearInterval(heartbeat);
      await Promise.allSettled([client.quit(), subscriber?.quit()]);
      client.disconnect();
      subscriber?.disconnect();
    },
  };
}
