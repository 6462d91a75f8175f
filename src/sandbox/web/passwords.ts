// Password hashes: scrypt (memory-hard) from node:crypto with a random salt per hash, stored as
// scrypt$N$r$p$salt$hash so a later change of parameters still verifies older hashes.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

/** N = 2^15, r = 8, p = 1: 32 MiB and about 0.1 s per hash on a 2-core server. */
export const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;

function derive(password: string, salt: Buffer, N: number, r: number, p: number, length: number): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; twice that leaves room for Node's own bookkeeping.
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r * p };
  return new Promise((resolve, reject) => scrypt(password.normalize("NFC"), salt, length, options, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SCRYPT.saltLength);
  const key = await derive(password, salt, SCRYPT.N, SCRYPT.r, SCRYPT.p, SCRYPT.keyLength);
  return ["scrypt", SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

const FORMAT = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

/** True when the password matches the stored hash; a malformed or weaker-than-allowed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = FORMAT.exec(stored);
  if (!m) return false;
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Refuses hashes below the floor, so a tampered row cannot make checks cheap.
  if (N < 2 ** 14 || N > 2 ** 20 || (N & (N - 1)) !== 0 || r < 8 || r > 32 || p < 1 || p > 4) return false;
  const expected = Buffer.from(m[5]!, "base64url");
  if (expected.length < 16 || expected.length > 64) return false;
  const key = await derive(password, Buffer.from(m[4]!, "base64url"), N, r, p, expected.length);
  return timingSafeEqual(key, expected);
}
