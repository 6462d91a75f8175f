// A tool's confirm and text cases, checked against its answer: `when` fields and values, templates, items.
import type { ManifestTool } from "../manifest.js";
import type { ConfirmCase, ItemCase, JsonSchema, TextCase, TextEntry, When } from "../table.js";
import { itemsAt, schemaAt, templateProblems } from "./fields.js";
import type { Problems } from "./problems.js";
import { checkValue } from "./values.js";

export function shapeConfirm(cases: ManifestTool["confirm"], answer: JsonSchema | undefined, problems: Problems): ConfirmCase[] {
  return shapeCases(cases ?? [], answer, "confirm", "the answer", problems);
}

/** Sentence cases `{ when?, text }` over `schema` (a write's confirmation, a preview). */
export function shapeCases(cases: readonly ConfirmCase[], schema: JsonSchema | undefined, field: string, what: string, problems: Problems): ConfirmCase[] {
  const out: ConfirmCase[] = cases.map((c) => ({ ...(c.when ? { when: { ...c.when } } : {}), text: c.text }));
  out.forEach((c, i) => {
    checkWhen(c.when, schema, `${field}[${i}]`, problems, { what, whose: `${what}'s` });
    for (const p of templateProblems(c.text, schema, what)) problems.fail(`${field}[${i}].text`, p);
  });
  checkReachable(out, field, problems);
  return out;
}

/** The text as the manifest gives it: one entry, or a list of cases. */
export function shapeText(entry: ManifestTool["text"], answer: JsonSchema | undefined, problems: Problems): TextEntry | TextCase[] {
  if (!Array.isArray(entry)) {
    const one: TextEntry = copyText(entry ?? {});
    checkText(one, answer, "text", problems);
    return one;
  }
  const cases: TextCase[] = entry.map((c) => ({ ...copyText(c), ...(c.when ? { when: { ...c.when } } : {}) }));
  cases.forEach((c, i) => {
    checkWhen(c.when, answer, `text[${i}]`, problems);
    checkText(c, answer, `text[${i}]`, problems);
  });
  checkReachable(cases, "text", problems);
  return cases;
}

function checkText(entry: TextEntry, answer: JsonSchema | undefined, field: string, problems: Problems): void {
  for (const key of ["one", "heading"] as const) {
    const template = entry[key];
    if (template) for (const p of templateProblems(template, answer, "the answer")) problems.fail(`${field}.${key}`, p);
  }
  if (entry.items && entry.item) {
    const element = itemsAt(answer, entry.items);
    const what = `an element of ${entry.items}`;
    if (element === null) problems.fail(`${field}.items`, `"${entry.items}" is not an array field of the answer`);
    else if (typeof entry.item === "string") {
      for (const p of templateProblems(entry.item, element, what)) problems.fail(`${field}.item`, p);
    } else {
      entry.item.forEach((c, i) => {
        checkWhen(c.when, element, `${field}.item[${i}]`, problems, { what, whose: "an element's" });
        for (const p of templateProblems(c.text, element, what)) problems.fail(`${field}.item[${i}].text`, p);
      });
      checkReachable(entry.item, `${field}.item`, problems);
    }
  }
}

function copyText<T extends TextEntry>(entry: T): T {
  if (entry.item === undefined || typeof entry.item === "string") return { ...entry };
  const item: ItemCase[] = entry.item.map((c) => ({ ...(c.when ? { when: { ...c.when } } : {}), text: c.text }));
  return { ...entry, item };
}

const ANSWER = { what: "the answer", whose: "the answer's" };

/** Each `when` field must exist in `schema`, and its value must be one the field can take (null: absent). */
function checkWhen(when: When | undefined, schema: JsonSchema | undefined, field: string, problems: Problems, { what, whose } = ANSWER): void {
  for (const [path, value] of Object.entries(when ?? {})) {
    const at = schemaAt(schema, path);
    if (at === null) problems.fail(`${field}.when.${path}`, `no field "${path}" in ${what}`);
    else if (at && value !== null) {
      const why = checkValue(at, value);
      if (why) problems.fail(`${field}.when.${path}`, `${JSON.stringify(value)} is never ${whose} ${path}: ${why}`);
    }
  }
}

/** A case after one without `when` is never used: it is a mistake in the order. */
function checkReachable(cases: readonly { when?: When }[], field: string, problems: Problems): void {
  const always = cases.findIndex((c) => Object.keys(c.when ?? {}).length === 0);
  if (always >= 0 && always < cases.length - 1) {
    problems.fail(`${field}[${always + 1}]`, `never used: ${field}[${always}] has no when and always applies`);
  }
}
