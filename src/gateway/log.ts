// The gateway's JSON logger. Nothing that reaches it ever carries a token: callers are named by tokenId.
import { pino, type DestinationStream, type Logger } from "pino";

export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";

export function createLogger(level: LogLevel = "info", destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: "mcp-gateway" },
    // Defence in depth: these never get logged, but if one ever did it would be censored.
    redact: { paths: ["token", "*.token", "authorization", "*.authorization", "headers", "*.headers"], censor: "[redacted]" },
  };
  return destination ? pino(options, destination) : pino(options);
}
