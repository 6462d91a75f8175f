// A browser without a browser, for the web room's HTTP tests: fetch with a cookie jar, no redirects
// followed, and the hidden CSRF field read from the last page.
import { startSandbox, type Sandbox, type SandboxOptions } from "../../../src/sandbox/server.js";
import { TODAY } from "../fixture.js";

export interface Page {
  status: number;
  headers: Headers;
  text: string;
  location: string | null;
}

export const PASSWORD = "clara-demo";
export const HOME = "/settings/integrations/clara-mcp";

export class Visitor {
  readonly cookies = new Map<string, string>();
  last: Page | undefined;

  constructor(readonly base: string) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keep(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (value === "" || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<Page> {
    const response = await fetch(new URL(path, this.base), {
      method,
      redirect: "manual",
      headers: { ...(this.cookies.size ? { cookie: this.cookieHeader() } : {}), ...(body !== undefined ? { "content-type": "application/x-www-form-urlencoded" } : {}), ...headers },
      ...(body !== undefined ? { body } : {}),
    });
    this.keep(response.headers);
    const page = { status: response.status, headers: response.headers, text: await response.text(), location: response.headers.get("location") };
    this.last = page;
    return page;
  }

  get(path: string): Promise<Page> {
    return this.request("GET", path);
  }

  /** Posts the fields, with the CSRF token of the last page unless `csrf` says otherwise (null: none). */
  post(path: string, fields: Record<string, string>, csrf?: string | null): Promise<Page> {
    const token = csrf === undefined ? csrfOf(this.last?.text ?? "") : csrf;
    const all = token === null ? fields : { csrf: token, ...fields };
    return this.request("POST", path, new URLSearchParams(all).toString());
  }

  /** Signs in from the sign-in page; returns the answer to the form. */
  async signIn(email: string, password = PASSWORD, next?: string): Promise<Page> {
    await this.get(next ? `/login?next=${encodeURIComponent(next)}` : "/login");
    return this.post("/login", { email, password, ...(next ? { next } : {}) });
  }
}

export function csrfOf(text: string): string {
  const m = /name="csrf" value="([^"]*)"/.exec(text);
  if (!m) throw new Error("no CSRF field on the page");
  return m[1]!;
}

/** The text of the page's <main>, tags removed and spaces collapsed. */
export function mainText(text: string): string {
  const main = /<main>([\s\S]*)<\/main>/.exec(text)?.[1] ?? "";
  return main.replace(/<[^>]+>/g, " ").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&").replace(/\s+/g, " ").trim();
}

export function startWebSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ dbFile: ":memory:", today: TODAY, transactions: 300, mcpUrl: "http://127.0.0.1:3000/mcp", ...options });
}
