// The gateway's public face: what main, tests and benchmarks use.
export { createGateway, type Gateway, type GatewayOptions } from "./app.js";
export { createLogger, type LogLevel } from "./log.js";
export type { Caller } from "./auth/caller.js";
export { createSealer, type Sealer } from "./shared/seal.js";
export { connectShared, type SharedState } from "./shared/replicas.js";
