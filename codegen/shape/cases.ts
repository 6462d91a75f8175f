// A tool's confirm and text cases, checked against its answer: `when` fields and values, templates, items.
import type { ManifestTool } from "../manifest.js";
import type { ConfirmCase, JsonSchema, TextCase, TextEntry, When } from "../table.js";
import { itemsAt, schemaAt, templateProblems } from "./fields.js";
import type { Problems } from "./problems.js";
import { checkValue } from "./values.js";

export function shapeConfirm(cases: ManifestTool["confirm"], answer: JsonSchema | undefined, problems: Problems): ConfirmCase[] {
  const confirm: ConfirmCase[] = (cases ?? []).map((c) => ({ ...(c.when ? { when: { ...c.when } } : {}), text: c.text }));
  confirm.forEach((c, i) => {
    checkWhen(c.when, answer, `confirm[${i}]`, problems);
    for (const p of templateProblems(c.text, answer, "the answer")) problems.fail(`confirm[${i}].text`, p);
  });
  checkReachable(confirm, "confirm", problems);
  return confirm;
}

/** The text as the manifest gives it: one entry, or a list of cases. */
export function shapeText(entry: ManifestTool["text"], answer: JsonSchema | undefined, problems: Problems): TextEntry | TextCase[] {
  if (!Array.isArray(entry)) {
    const one: TextEntry = { ...(entry ?? {}) };
    checkText(one, answer, "text", problems);
    return one;
  }
  const cases: TextCase[] = entry.map((c) => ({ ...c, ...(c.when ? { when: { ...c.when } } : {}) }));
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
    const item = itemsAt(answer, entry.items);
    if (item === null) problems.fail(`${field}.items`, `"${entry.items}" is not an array field of the answer`);
    else for (const p of templateProblems(entry.item, item, `an element of ${entry.items}`)) problems.fail(`${field}.item`, p);
  }
}

/** Each `when` field must exist in the answer, and its value must be one the field can take (null: absent). */
function checkWhen(when: When | undefined, answer: JsonSchema | undefined, field: string, problems: Problems): void {
  for (const [path, value] of Object.entries(when ?? {})) {
    const schema = schemaAt(answer, path);
    if (schema === null) problems.fail(`${field}.when.${path}`, `no field "${path}" in the answer`);
    else if (schema && value !== null) {
      const why = checkValue(schema, value);
      if (why) problems.fail(`${field}.when.${path}`, `${JSON.stringify(value)} is never the answer's ${path}: ${why}`);
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
