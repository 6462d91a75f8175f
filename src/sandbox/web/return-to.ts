// Where sign-in sends the browser back to: only a path on this site, never another origin, so the
// sign-in page cannot be used to bounce people to a look-alike site (an open redirect).

export const HOME = "/settings/integrations/clara-mcp";

const BASE = "http://sandbox.invalid";

/** The path and query to return to, or HOME when `value` is absent or anything but a local path. */
export function safeReturnPath(value: string | null | undefined): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return HOME;
  // "//evil", "/\evil" and control characters are read by browsers as other hosts or stripped.
  if (!value.startsWith("/") || value.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(value)) return HOME;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return HOME;
  }
  if (url.origin !== BASE) return HOME;
  const path = `${url.pathname}${url.search}`;
  // Never back into the sign-in itself, which would loop.
  return path.startsWith("/login") || path.startsWith("/logout") ? HOME : path;
}

/** The sign-in page's address that comes back to `path` afterwards. */
export function signinUrl(path: string): string {
  return `/login?next=${encodeURIComponent(safeReturnPath(path))}`;
}
