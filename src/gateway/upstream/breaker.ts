// A circuit breaker for the upstream: after repeated failures calls fail at once instead of waiting on
// a dead API; after a cooldown one probe is let through, and its answer closes or reopens the circuit.
// Any answer from the API closes it at once (see recover), so calls do not wait for the next probe.

export type BreakerState = "closed" | "open" | "half-open";

/** What one attempt told about the upstream's health. `neutral`: nothing (e.g. the caller gave up). */
export type BreakerOutcome = "success" | "failure" | "neutral";

export interface BreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before a probe may go. */
  cooldownMs: number;
  now?: () => number;
  /** Told of every change of state, e.g. to log it. */
  onChange?: (state: BreakerState) => void;
  /** While not closed, how often the upstream client asks the API, outside any call, whether it is back. */
  probeIntervalMs?: number;
}

/** Handed out by `allow()`: whether the call is the half-open probe. */
export interface BreakerPass {
  readonly probe: boolean;
}

const REGULAR: BreakerPass = Object.freeze({ probe: false });
const PROBE: BreakerPass = Object.freeze({ probe: true });

export const defaultBreakerOptions = { failureThreshold: 5, cooldownMs: 5_000, probeIntervalMs: 250 } as const;

export class Breaker {
  private current: BreakerState = "closed";
  private failures = 0;
  private openedAt = 0;
  private probing = false;
  private readonly now: () => number;

  constructor(private readonly options: BreakerOptions = defaultBreakerOptions) {
    if (!(options.failureThreshold >= 1)) throw new RangeError("failureThreshold must be at least 1");
    if (!(options.cooldownMs >= 0)) throw new RangeError("cooldownMs must not be negative");
    this.now = options.now ?? Date.now;
  }

  get state(): BreakerState {
    return this.current;
  }

  get probeIntervalMs(): number {
    return this.options.probeIntervalMs ?? defaultBreakerOptions.probeIntervalMs;
  }

  /** The API answered (a probe outside any call, or a call that started before the circuit opened): close now. */
  recover(): void {
    if (this.current === "closed") return;
    this.probing = false;
    this.close();
  }

  /** Milliseconds until a probe may go; 0 when a call may go now. */
  retryInMs(): number {
    if (this.current === "closed") return 0;
    if (this.current === "half-open") return this.probing ? this.options.cooldownMs : 0;
    return Math.max(0, this.openedAt + this.options.cooldownMs - this.now());
  }

  /**
   * May a call go now? A pass must be handed back to `record()` once the call has an outcome.
   * Half-open lets a single probe through; the others fail fast until it answers.
   */
  allow(): BreakerPass | null {
    if (this.current === "closed") return REGULAR;
    if (this.current === "open") {
      if (this.now() < this.openedAt + this.options.cooldownMs) return null;
      this.move("half-open");
    }
    if (this.probing) return null;
    this.probing = true;
    return PROBE;
  }

  record(pass: BreakerPass, outcome: BreakerOutcome): void {
    if (pass.probe) {
      if (this.current !== "half-open" || !this.probing) return;
      this.probing = false;
      if (outcome === "success") this.close();
      else if (outcome === "failure") this.open();
      return;
    }
    // A call that started before the circuit opened and got an answer proves the API is back; its failure says nothing new.
    if (this.current !== "closed") {
      if (outcome === "success") this.recover();
      return;
    }
    if (outcome === "success") this.failures = 0;
    else if (outcome === "failure" && ++this.failures >= this.options.failureThreshold) this.open();
  }

  private open(): void {
    this.openedAt = this.now();
    this.failures = 0;
    this.move("open");
  }

  private close(): void {
    this.failures = 0;
    this.move("closed");
  }

  private move(state: BreakerState): void {
    if (this.current === state) return;
    this.current = state;
    this.options.onChange?.(state);
  }
}
