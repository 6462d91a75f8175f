// The template filters codegen accepts are exactly those the runtime renders, with the same arguments.
import { describe, expect, it } from "vitest";
import { FILTERS, templateProblems } from "../../codegen/shape/fields.js";
import { compileTemplate, FILTERS as RUNTIME_FILTERS } from "../../src/gateway/call/templates.js";

// `line` is there for money:<path>, whose argument must also name a field (checked below).
const schema = { type: "object", properties: { n: { type: "integer" }, name: { type: "string" }, any: {}, line: {} } };

describe("template filters", () => {
  it("codegen knows the runtime's filters by name", () => {
    expect([...FILTERS.keys()].sort()).toEqual([...RUNTIME_FILTERS].sort());
  });

  it("codegen accepts a filter and its argument exactly when the runtime compiles it", () => {
    const specs = [
      ...[...FILTERS.keys()].flatMap((name) => [name, `${name}:line`, `${name}:person/people`, `${name}:`, `${name}:a/b/c`, `${name}:/x`]),
      "upper",
      "upper:x",
    ];
    for (const spec of specs) {
      const template = `{any|${spec}}`;
      let compiles = true;
      try {
        compileTemplate(template);
      } catch {
        compiles = false;
      }
      expect(templateProblems(template, schema, "the answer"), template).toHaveLength(compiles ? 0 : 1);
    }
  });

  it("names the placeholder and says what is wrong", () => {
    expect(templateProblems("{n|plural}", schema, "the answer")).toEqual([
      "{n|plural}: plural needs a noun, or singular/plural (plural:line, plural:person/people)",
    ]);
    expect(templateProblems("{n|words:x}", schema, "the answer")).toEqual(["{n|words:x}: words takes no argument"]);
    expect(templateProblems("{name|money:currency}", schema, "the answer")).toEqual(['{name|money:currency}: no field "currency" in the answer']);
    expect(templateProblems("{n|title}", schema, "the answer")).toEqual([
      '{n|title}: unknown filter "title" (known: money, lower, words, date, plural)',
    ]);
  });

  it("plural counts a number: a field the schema says is text is refused", () => {
    expect(templateProblems("{n|plural:line} {any|plural:line}", schema, "the answer")).toEqual([]);
    expect(templateProblems("{name|plural:line}", schema, "the answer")).toEqual(['{name|plural:line}: plural needs a number, and "name" is string']);
    expect(templateProblems("{count|plural:line}", schema, "the answer")).toEqual(['{count}: no field "count" in the answer']);
  });
});
