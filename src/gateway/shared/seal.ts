// Sealed values: what the gateway hands a client and must later trust again (a confirmation, a
// requestState, a download URL), made with the deployment's secret so any replica can check it and
// nobody can forge or alter it. `seal` signs (HMAC; the payload is readable: put nothing secret inside);
// `encrypt` also hides it (AES-256-GCM), for a value that must carry a credential.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";

export interface Sealer {
  /** `purpose` keeps a value sealed for one use from being accepted for another. */
  seal(purpose: string, payload: object, ttlMs: number, now?: number): string;
  /** The payload, or undefined when the value is forged, altered, for another purpose or expired. */
  open<T = Record<string, unknown>>(purpose: string, sealed: string, now?: number): (T & { exp: number; jti: string }) | undefined;
  /** Like seal, but nobody without the secret can read the payload either. */
  encrypt(purpose: string, payload: object, ttlMs: number, now?: number): string;
  /** The payload; `{ expired: true }` when authentic but past its time; undefined when forged, altered or for another purpose. */
  decrypt<T = Record<string, unknown>>(purpose: string, value: string, now?: number): (T & { exp: number; jti: string }) | { expired: true } | undefined;
}

const MIN_SECRET_BYTES = 32;
const MAX_SEALED = 16_384;
const IV_BYTES = 12;
const TAG_BYTES = 16;

function stamped(payload: object, ttlMs: number, now: number): string {
  return JSON.stringify({ ...payload, exp: now + ttlMs, jti: randomBytes(12).toString("base64url") });
}

function parsed(text: string): { exp: number; jti: string } | undefined {
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return undefined;
  }
  const value = payload as { exp?: unknown; jti?: unknown } | null;
  if (typeof value?.exp !== "number" || typeof value.jti !== "string") return undefined;
  return value as { exp: number; jti: string };
}

/** Replicas must share `secret`; without one, a random secret serves one process. */
export function createSealer(secret?: string | Buffer): Sealer {
  const key = secret === undefined ? randomBytes(32) : Buffer.from(secret);
  if (key.length < MIN_SECRET_BYTES) throw new Error(`the secret must be at least ${MIN_SECRET_BYTES} bytes`);
  // Its own key for encryption, derived from the same secret, so the two uses never share one.
  const aead = Buffer.from(hkdfSync("sha256", key, Buffer.alloc(0), "gateway encrypted values", 32));
  const mac = (purpose: string, body: string) => createHmac("sha256", key).update(purpose).update("\0").update(body).digest();
  return {
    seal(purpose, payload, ttlMs, now = Date.now()) {
      const body = Buffer.from(stamped(payload, ttlMs, now)).toString("base64url");
      return `${body}.${mac(purpose, body).toString("base64url")}`;
    },
    open(purpose, sealed, now = Date.now()) {
      if (typeof sealed !== "string" || sealed.length > MAX_SEALED) return undefined;
      const dot = sealed.indexOf(".");
      if (dot <= 0) return undefined;
      const body = sealed.slice(0, dot);
      const given = Buffer.from(sealed.slice(dot + 1), "base64url");
      const want = mac(purpose, body);
      if (given.length !== want.length || !timingSafeEqual(given, want)) return undefined;
      const payload = parsed(Buffer.from(body, "base64url").toString("utf8"));
      return payload && payload.exp > now ? (payload as never) : undefined;
    },
    encrypt(purpose, payload, ttlMs, now = Date.now()) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", aead, iv);
      cipher.setAAD(Buffer.from(purpose));
      const body = Buffer.concat([cipher.update(stamped(payload, ttlMs, now), "utf8"), cipher.final()]);
      return Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url");
    },
    decrypt(purpose, value, now = Date.now()) {
      if (typeof value !== "string" || value.length > MAX_SEALED || !/^[A-Za-z0-9_-]+$/.test(value)) return undefined;
      const raw = Buffer.from(value, "base64url");
      if (raw.length <= IV_BYTES + TAG_BYTES) return undefined;
      const decipher = createDecipheriv("aes-256-gcm", aead, raw.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(purpose));
      decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
      let text: string;
      try {
        text = Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString("utf8");
      } catch {
        return undefined;
      }
      const payload = parsed(text);
      if (!payload) return undefined;
      // Authentic but old: worth telling apart from a forgery, so a person knows to ask again.
      return payload.exp > now ? (payload as never) : { expired: true };
    },
  };
}
