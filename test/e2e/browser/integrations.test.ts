// In a real browser: sign in, Settings → Integrations → Clara MCP, a token generated and used through
// the gateway with the MCP SDK client, shown once, revoked; and the refusals a person can meet.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "../harness.js";
import { inFreshPage, launchChromium, screenshot } from "./chromium.js";

const PAGE = "/settings/integrations/clara-mcp";
let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ transactions: 400 }), launchChromium()]);
  stack.sandbox.setMcpUrl(stack.mcpUrl);
  // Hashing the demo passwords before the first scenario keeps its timing honest.
  await stack.sandbox.web.applyDemoPassword();
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function signIn(page: Page, email: string, password = "clara-demo"): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

const tokenCount = () => stack.sandbox.db.prepare("SELECT COUNT(*) FROM tokens").pluck().get() as number;

describe("Clara MCP in a browser", () => {
  it("the administrator signs in, generates a token, sees it once, uses it through the gateway, and revokes it", async () => {
    await inFreshPage(browser, async (page, context) => {
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: stack.sandboxUrl });
      await page.goto(`${stack.sandboxUrl}${PAGE}`);
      expect(new URL(page.url()).pathname).toBe("/login");
      await signIn(page, "admin@acme.example");
      await page.waitForURL(`**${PAGE}`);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Clara MCP");
      expect(await page.getByText(stack.mcpUrl, { exact: true }).count()).toBe(1);
      expect(await page.getByText("No apps connected yet.").count()).toBe(1);

      await page.getByLabel("Name").fill("Claude Desktop");
      await page.getByRole("button", { name: "Generate token" }).click();
      await page.waitForURL(`**${PAGE}`);
      const token = await page.getByLabel("Your new token").inputValue();
      expect(token).toMatch(/^clara_pat_[0-9A-Za-z]{38}$/);
      await screenshot(page, "integrations-new-token");
      // The copy button puts the token on the clipboard.
      await page.getByRole("button", { name: "Copy token" }).click();
      expect(await page.evaluate("navigator.clipboard.readText()")).toBe(token);
      // The Claude Code setup is ready to paste: this gateway's URL and the new token.
      expect(await page.locator("#setup-claude-code").textContent()).toBe(`claude mcp add --transport http clara ${stack.mcpUrl} --header "Authorization: Bearer ${token}"`);

      const client = await stack.client(token, { name: "browser-test" });
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).toContain("get_current_user");

      await page.reload();
      expect(await page.getByLabel("Your new token").count()).toBe(0);
      expect(await page.content()).not.toContain(token);
      const row = page.getByRole("row", { name: /Claude Desktop/ });
      expect(await row.getByRole("cell").nth(3).textContent()).toBe("Active");
      // Used a moment ago by the MCP client: "Last used" is no longer "Never".
      expect(await row.getByRole("cell").nth(2).textContent()).not.toBe("Never");
      await screenshot(page, "integrations");

      await row.getByRole("button", { name: "Revoke" }).click();
      expect(await page.getByRole("heading", { name: "Revoke “Claude Desktop”?" }).count()).toBe(1);
      await page.getByRole("button", { name: "Revoke" }).click();
      await page.waitForURL(`**${PAGE}`);
      expect(await page.getByRole("status").first().textContent()).toContain("Token “Claude Desktop” revoked");
      expect(await page.getByRole("row", { name: /Claude Desktop/ }).getByRole("cell").nth(3).textContent()).toMatch(/^Revoked /);
      // The gateway's very next request with it is refused.
      await expect(client.listTools()).rejects.toMatchObject({ code: 401 });
    });
  });

  it("without Chromium the suite fails, saying how to install it", async () => {
    await expect(launchChromium("/nonexistent/chromium")).rejects.toThrow("Install it with: sudo apt-get install -y chromium");
  });

  it("an employee who signs in gets the plain refusal", async () => {
    await inFreshPage(browser, async (page) => {
      await page.goto(`${stack.sandboxUrl}${PAGE}`);
      await signIn(page, "employee@acme.example");
      await page.waitForURL(`**${PAGE}`);
      expect((await page.getByRole("main").innerText()).split("\n").filter(Boolean).at(-1)).toBe("Clara MCP is not available for your role (Employee).");
      expect(await page.getByText("Clara MCP is not available for your role (Employee).", { exact: true }).count()).toBe(1);
      expect(await page.getByRole("button", { name: "Generate token" }).count()).toBe(0);
      expect(await page.getByRole("table").count()).toBe(0);
      expect(await page.getByRole("button", { name: "Sign out" }).count()).toBe(1);
      await screenshot(page, "employee-refused");
    });
  });

  it("a wrong password gets the generic error and stays signed out", async () => {
    await inFreshPage(browser, async (page, context) => {
      await page.goto(`${stack.sandboxUrl}/login`);
      await signIn(page, "admin@acme.example", "not-the-password");
      expect(await page.getByRole("alert").textContent()).toBe("The email or password is not right.");
      expect(await page.getByLabel("Email").inputValue()).toBe("admin@acme.example");
      expect((await context.cookies()).some((cookie) => cookie.name === "clara_session")).toBe(false);
      await screenshot(page, "wrong-password");
    });
  });

  it("a form posted without its CSRF token gets 403 and changes nothing", async () => {
    await inFreshPage(browser, async (page, context) => {
      await page.goto(`${stack.sandboxUrl}/login`);
      await signIn(page, "books@acme.example");
      await page.waitForURL(`**${PAGE}`);
      const before = tokenCount();
      // The browser's own cookies, the form's fields, no token: what a forged cross-site post carries.
      const forged = await context.request.post(`${stack.sandboxUrl}${PAGE}/tokens`, { form: { name: "Forged" }, maxRedirects: 0 });
      expect(forged.status()).toBe(403);
      expect(await forged.text()).toContain("nothing was changed");
      const wrong = await context.request.post(`${stack.sandboxUrl}${PAGE}/tokens`, { form: { name: "Forged", csrf: "not-the-token" }, maxRedirects: 0 });
      expect(wrong.status()).toBe(403);
      expect(tokenCount()).toBe(before);
      await page.reload();
      expect(await page.getByRole("row", { name: /Forged/ }).count()).toBe(0);
    });
  });

  it("after sign-out, the session cookie no longer works", async () => {
    await inFreshPage(browser, async (page, context) => {
      await page.goto(`${stack.sandboxUrl}/login`);
      await signIn(page, "admin@brasa.example");
      await page.waitForURL(`**${PAGE}`);
      const session = (await context.cookies()).find((cookie) => cookie.name === "clara_session")!;
      expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false });
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL("**/login?signed_out=1");
      expect(await page.getByRole("status").textContent()).toBe("You are signed out.");
      // Put the old cookie back, as someone who copied it would: it opens nothing.
      await context.addCookies([session]);
      await page.goto(`${stack.sandboxUrl}${PAGE}`);
      expect(new URL(page.url()).pathname).toBe("/login");
      expect(await page.getByRole("button", { name: "Sign in" }).count()).toBe(1);
    });
  });
});
