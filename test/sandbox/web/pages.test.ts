import { describe, expect, it } from "vitest";
import { escapeHtml, html } from "../../../src/sandbox/web/html.js";
import { HOME, safeReturnPath, signinUrl } from "../../../src/sandbox/web/return-to.js";

describe("escaping", () => {
  it("escapes every interpolated string, keeps markup made by html, drops null and false", () => {
    const name = `<script>alert("x")</script> & 'quotes'`;
    expect(escapeHtml(name)).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;");
    const inner = html`<b>${name}</b>`;
    const page = html`<p title="${name}">${inner}${null}${false}${[html`<i>1</i>`, "<2>"]}${3}</p>`;
    expect(page.text).toBe(`<p title="${escapeHtml(name)}"><b>${escapeHtml(name)}</b><i>1</i>&lt;2&gt;3</p>`);
    // Something that only looks like markup is still text.
    expect(html`${{ text: "<b>" } as unknown as string}`.text).toBe("[object Object]");
  });
});

describe("the return path after sign-in", () => {
  it("keeps local paths with their query", () => {
    expect(safeReturnPath("/settings/integrations/clara-mcp")).toBe(HOME);
    expect(safeReturnPath("/settings/integrations/clara-mcp/tokens/tok_1/revoke?x=1")).toBe("/settings/integrations/clara-mcp/tokens/tok_1/revoke?x=1");
    expect(safeReturnPath("/oauth/authorize?client_id=a&redirect_uri=https%3A%2F%2Fclaude.ai")).toBe("/oauth/authorize?client_id=a&redirect_uri=https%3A%2F%2Fclaude.ai");
    expect(safeReturnPath(undefined)).toBe(HOME);
    expect(safeReturnPath("")).toBe(HOME);
  });

  it("refuses anything that could leave the site (open redirect), and the sign-in itself", () => {
    for (const evil of [
      "https://evil.example/",
      "http://127.0.0.1:4010/settings",
      "//evil.example/x",
      "/\\evil.example",
      "\\\\evil.example",
      "/\t/evil.example",
      "\t//evil.example",
      "javascript:alert(1)",
      "evil.example",
      "/%0d%0aSet-Cookie:x=1".replace("%0d%0a", "\r\n"),
      `/${"a".repeat(3000)}`,
      "/login?next=https://evil.example",
      "/logout",
    ]) {
      expect(safeReturnPath(evil), JSON.stringify(evil)).toBe(HOME);
    }
    // Encoded slashes stay encoded in the path: still this site.
    expect(safeReturnPath("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
    expect(signinUrl("https://evil.example")).toBe(`/login?next=${encodeURIComponent(HOME)}`);
  });
});
