// The rooms of src/ as docs/architecture.md states them: every relative import follows the stated
// dependencies, the stated graph has no cycle, the document names every room and only paths that exist.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";

const DOC = "docs/architecture.md";
const doc = readFileSync(DOC, "utf8");

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const sources = walk("src").filter((file) => file.endsWith(".ts"));

function roomOf(file: string): string {
  if (file.startsWith("generated/")) return "generated";
  const folder = relative("src", dirname(file));
  return folder === "" ? "main" : folder;
}

/** Every relative import of a file, type-only ones included, as project paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const found: string[] = [];
  for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'](\.{1,2}\/[^"']+)["']/g)) {
    found.push(normalize(join(dirname(file), match[1]!)).replace(/\.js$/, ".ts"));
  }
  return found;
}

function statedDependencies(): Map<string, Set<string>> {
  const block = /```dependencies\n([\s\S]*?)```/.exec(doc)?.[1];
  if (!block) throw new Error(`${DOC} has no dependencies block`);
  const graph = new Map<string, Set<string>>();
  for (const line of block.trim().split("\n")) {
    const [from, to = ""] = line.split("→").map((part) => part.trim());
    graph.set(from!, new Set(to.split(",").map((room) => room.trim()).filter(Boolean)));
  }
  return graph;
}

function violations(graph: Map<string, Set<string>>): string[] {
  const broken: string[] = [];
  for (const file of sources) {
    const from = roomOf(file);
    for (const target of importsOf(file)) {
      const to = roomOf(target);
      if (to !== from && !graph.get(from)?.has(to)) broken.push(`${file} → ${target} (${from} → ${to})`);
    }
  }
  return broken;
}

describe("rooms (docs/architecture.md)", () => {
  const stated = statedDependencies();

  it("every relative import in src/ follows the stated room dependencies", () => {
    expect(violations(stated)).toEqual([]);
  });

  it("the check finds an import the block does not allow (gateway/mcp without gateway/call)", () => {
    const doctored = new Map([...stated].map(([room, targets]) => [room, new Set(targets)]));
    doctored.get("gateway/mcp")!.delete("gateway/call");
    expect(violations(doctored)).toContain("src/gateway/mcp/tools.ts → src/gateway/call/index.ts (gateway/mcp → gateway/call)");
  });

  it("the stated graph names only known rooms and has no cycle", () => {
    const rooms = new Set([...stated.keys(), "generated"]);
    for (const targets of stated.values()) for (const room of targets) expect(rooms, room).toContain(room);
    const state = new Map<string, "visiting" | "done">();
    const visit = (room: string, path: string[]): void => {
      if (state.get(room) === "done") return;
      if (state.get(room) === "visiting") throw new Error(`cycle: ${[...path, room].join(" → ")}`);
      state.set(room, "visiting");
      for (const next of stated.get(room) ?? []) visit(next, [...path, room]);
      state.set(room, "done");
    };
    for (const room of stated.keys()) visit(room, []);
  });

  it("names every folder of src/gateway and src/sandbox, and each has a line in the dependencies block", () => {
    for (const area of ["gateway", "sandbox"]) {
      const folders = walk(join("src", area)).map((file) => dirname(file));
      for (const folder of new Set([join("src", area), ...folders])) {
        expect(doc, folder).toContain(`\`${folder}/\``);
        expect(stated.has(relative("src", folder)), folder).toBe(true);
      }
    }
  });

  it("every path the document names exists", () => {
    const paths = [...doc.matchAll(/`((?:src|test|docs|spec|generated|codegen)\/[^`\s]*)`/g)].map((match) => match[1]!);
    expect(paths.length).toBeGreaterThan(30);
    for (const path of paths) expect(existsSync(path), path).toBe(true);
    // Bare file names in the room tables live in the room of their row.
    for (const row of doc.split("\n").filter((line) => /^\| `src\/[^`]+\/` \|/.test(line))) {
      const folder = /^\| `([^`]+)`/.exec(row)![1]!;
      for (const name of row.matchAll(/`([a-z-]+\.ts)`/g)) expect(existsSync(join(folder, name[1]!)), `${folder}${name[1]}`).toBe(true);
    }
  });

  it("at most six .ts files stay at the top of src/gateway and src/sandbox; no file in src/ is over 350 lines", () => {
    for (const area of ["src/gateway", "src/sandbox"]) {
      const top = readdirSync(area).filter((name) => name.endsWith(".ts"));
      expect(top.length, area).toBeLessThanOrEqual(6);
    }
    const long = sources.filter((file) => readFileSync(file, "utf8").split("\n").length > 350);
    expect(long).toEqual([]);
  });

  it("no room outside src/views/ imports the views (browser code, served only as built pages)", () => {
    for (const file of sources.filter((name) => !name.startsWith("src/views/"))) {
      for (const target of importsOf(file)) expect(target.startsWith("src/views/"), `${file} → ${target}`).toBe(false);
    }
  });

  it("codegen never imports src/, and src/ never imports codegen/", () => {
    for (const file of walk("codegen").filter((name) => name.endsWith(".ts"))) {
      for (const target of importsOf(file)) expect(target.startsWith("src/"), `${file} → ${target}`).toBe(false);
    }
    for (const file of sources) {
      for (const target of importsOf(file)) expect(target.startsWith("codegen/"), `${file} → ${target}`).toBe(false);
    }
  });
});
