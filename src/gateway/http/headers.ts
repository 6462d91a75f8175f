// Security headers on every response: the gateway serves JSON to programs, never pages, so
// browsers are told not to sniff, frame, cache or run anything from it.
import type { Middleware } from "koa";

export interface SecurityHeaderOptions {
  /** Send Strict-Transport-Security: only when clients reach the gateway over HTTPS. */
  hsts?: boolean;
}

export function securityHeaderList(options: SecurityHeaderOptions = {}): ReadonlyArray<readonly [string, string]> {
  const list: Array<readonly [string, string]> = [
    ["X-Content-Type-Options", "nosniff"],
    ["X-Frame-Options", "DENY"],
    ["Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"],
    ["Referrer-Policy", "no-referrer"],
    ["Cross-Origin-Resource-Policy", "same-origin"],
    ["Cross-Origin-Opener-Policy", "same-origin"],
    ["X-Permitted-Cross-Domain-Policies", "none"],
    // Answers carry card and spending data: no shared or browser cache may keep them.
    ["Cache-Control", "no-store"],
  ];
  if (options.hsts) list.push(["Strict-Transport-Security", "max-age=31536000; includeSubDomains"]);
  return list;
}

export function securityHeaders(options: SecurityHeaderOptions = {}): Middleware {
  const list = securityHeaderList(options);
  return (ctx, next) => {
    // Set before the rest of the stack runs so error answers carry them too.
    for (const [name, value] of list) ctx.response.set(name, value);
    return next();
  };
}
