// Views in the manifest: codegen checks each tool's view exists and that the fields it reads are in
// the tool's answer (errors name the file, the tool and the field), bundles each into one
// self-contained page, refuses a page that would load anything, and writes the same bytes every time.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildFromManifest } from "../../codegen/build.js";
import { renderFiles } from "../../codegen/files.js";
import { manifestWith, problems, tool } from "./clara-copy.js";


describe("views in the manifest", () => {
  it("a view no manifest entry declares: the file, the tool and the field", async () => {
    const file = manifestWith((m) => (tool(m, "list_cards").view = "card-wall"));
    expect(await problems(file)).toEqual([expect.stringMatching(/tools\.yaml: tool list_cards \(tools\[1\]\): view: no view "card-wall" in views \(known: spending-chart, cards-table, write-confirmation\)$/)]);
  });

  it("a field the view reads that the tool's answer lacks", async () => {
    const file = manifestWith((m) => {
      m.views["cards-table"].reads.push("data[].nickname");
      tool(m, "get_current_user").view = "spending-chart";
    });
    expect(await problems(file)).toEqual([
      expect.stringMatching(/tool get_current_user \(tools\[0\]\): view: view spending-chart reads fields the answer does not have: "groupBy", "groups\[\]\.key", .*"timeZone"$/),
      expect.stringMatching(/tool list_cards \(tools\[1\]\): view: view cards-table reads fields the answer does not have: "data\[\]\.nickname"$/),
    ]);
  });

  it("a view of several shapes: a tool's answer must hold every field of one of them", async () => {
    // get_card answers a card: neither a status change nor a limit change.
    const file = manifestWith((m) => (tool(m, "get_card").view = "write-confirmation"));
    const [line] = await problems(file);
    expect(line).toMatch(/tool get_card \(tools\[2\]\): view: view write-confirmation reads fields the answer does not have: .*"previousStatus".* \(status change\); or .*"before\.amount\.value".* \(limit change\)$/);
  });

  it("a view whose folder has no main.ts, or whose bundle would fetch something", async () => {
    const file = manifestWith((m, dir) => {
      m.views["cards-table"].source = join(dir, "nowhere");
      mkdirSync(join(dir, "leaky"));
      writeFileSync(join(dir, "leaky", "main.ts"), `document.body.append("hi"); void fetch("https://tracker.example/pixel");\n`);
      m.views["spending-chart"].source = join(dir, "leaky");
    });
    expect(await problems(file)).toEqual([
      expect.stringMatching(/tools\.yaml: view spending-chart: source: the bundle refers to something outside it \("https:\/\/tracker\.example\/pixel.*"\); a view is self-contained$/),
      expect.stringMatching(/tools\.yaml: view cards-table: source: no .*nowhere\/main\.ts next to the manifest/),
    ]);
  });

  it("a malformed read path, or view name, names the view", async () => {
    const badPath = manifestWith((m) => m.views["spending-chart"].reads.push("groups.[].x"));
    expect(await problems(badPath)).toEqual([expect.stringMatching(/tools\.yaml: view spending-chart: reads\[12\]: a dotted path, \[\] stepping into an array/)]);
    const badName = manifestWith((m) => (m.views["Cards Table"] = m.views["cards-table"]));
    expect(await problems(badName)).toEqual([expect.stringMatching(/tools\.yaml: view Cards Table: \(the name\): must be kebab-case/)]);
  });

  it("a declared view no tool names is a warning, and is not bundled", async () => {
    const build = await buildFromManifest(manifestWith((m) => (tool(m, "summarize_spending").view = undefined)));
    expect(build.model.warnings).toContain("view spending-chart: no tool names it; it is not served");
    expect(build.model.views.map((v) => v.name)).toEqual(["cards-table", "write-confirmation"]);
    expect(build.model.tools.find((t) => t.name === "summarize_spending")!.view).toBeUndefined();
  });
});

describe("the bundled pages", () => {
  it("are the committed generated/views.ts, byte for byte, on every build", async () => {
    const [first, second] = await Promise.all([buildFromManifest("spec/tools.yaml"), buildFromManifest("spec/tools.yaml")]);
    const one = (await renderFiles(first)).get("views.ts");
    expect((await renderFiles(second)).get("views.ts")).toBe(one);
    expect(one).toBe(readFileSync("generated/views.ts", "utf8"));
  });

  it("hold their script and style inline, link each tool to its view's ui:// URI, and stay small", async () => {
    const build = await buildFromManifest("spec/tools.yaml");
    for (const view of build.model.views) {
      expect(view.uri).toBe(`ui://views/${view.name}.html`);
      expect(view.html).toMatch(/<style>[^<]+<\/style>/);
      expect(view.html).toMatch(/<script>[\s\S]+<\/script>\n<\/body>/);
      expect(view.html).not.toMatch(/https?:\/\//);
      expect(Buffer.byteLength(view.html)).toBeLessThan(24_000);
    }
    const linked = Object.fromEntries(build.model.tools.filter((t) => t.view).map((t) => [t.name, t.view]));
    expect(linked).toEqual({
      list_cards: "ui://views/cards-table.html",
      lock_card: "ui://views/write-confirmation.html",
      unlock_card: "ui://views/write-confirmation.html",
      summarize_spending: "ui://views/spending-chart.html",
      update_card_limit: "ui://views/write-confirmation.html",
    });
  });
});
