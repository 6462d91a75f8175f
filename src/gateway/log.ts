// The gateway's JSON logger. Nothing that reaches it ever carries a token: callers are named by tokenId.
import { pino, type DestinationStream, type Logger } from "pino";

export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";

/**
 * Logs to `destination`, or to stdout through a buffer flushed every `flushMs` (a synchronous write
 * per request line costs more than the rest of the logging). `logger.flush()` empties it at exit.
 */
export function createLogger(level: LogLevel = "info", destination?: DestinationStream, flushMs = 500): Logger {
  const options = {
    level,
    base: { service: "mcp-gateway" },
    // Defence in depth: these never get logged, but if one ever did it would be censored.
    redact: { paths: ["token", "*.token", "authorization", "*.authorization", "headers", "*.headers"], censor: "[redacted]" },
  };
  if (destination) return pino(options, destination);
  const stdout = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  setInterval(() => stdout.flush(), flushMs).unref();
  process.once("exit", () => stdout.flushSync());
  return pino(options, stdout);
}
