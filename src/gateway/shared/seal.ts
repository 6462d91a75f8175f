// Sealed values: what the gateway hands a client and must later trust again (a confirmation, a
// requestState, a download URL), signed with the deployment's secret so any replica can check it and
// nobody can forge or alter it. Sealed, not encrypted: put nothing secret inside.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export interface Sealer {
  /** `purpose` keeps a value sealed for one use from being accepted for another. */
  seal(purpose: string, payload: object, ttlMs: number, now?: number): string;
  /** The payload, or undefined when the value is forged, altered, for another purpose or expired. */
  open<T = Record<string, unknown>>(purpose: string, sealed: string, now?: number): (T & { exp: number; jti: string }) | undefined;
}

const MIN_SECRET_BYTES = 32;

/** Replicas must share `secret`; without one, a random secret serves one process. */
export function createSealer(secret?: string | Buffer): Sealer {
  const key = secret === undefined ? randomBytes(32) : Buffer.from(secret);
  if (key.length < MIN_SECRET_BYTES) throw new Error(`the secret must be at least ${MIN_SECRET_BYTES} bytes`);
  const mac = (purpose: string, body: string) => createHmac("sha256", key).update(purpose).update("\0").update(body).digest();
  return {
    seal(purpose, payload, ttlMs, now = Date.now()) {
      const body = Buffer.from(JSON.stringify({ ...payload, exp: now + ttlMs, jti: randomBytes(12).toString("base64url") })).toString("base64url");
      return `${body}.${mac(purpose, body).toString("base64url")}`;
    },
    open(purpose, sealed, now = Date.now()) {
      if (typeof sealed !== "string" || sealed.length > 16_384) return undefined;
      const dot = sealed.indexOf(".");
      if (dot <= 0) return undefined;
      const body = sealed.slice(0, dot);
      const given = Buffer.from(sealed.slice(dot + 1), "base64url");
      const want = mac(purpose, body);
      if (given.length !== want.length || !timingSafeEqual(given, want)) return undefined;
      let payload: unknown;
      try {
        payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
      } catch {
        return undefined;
      }
      const value = payload as { exp?: unknown; jti?: unknown };
      if (typeof value.exp !== "number" || typeof value.jti !== "string" || value.exp <= now) return undefined;
      return payload as never;
    },
  };
}
