// --all over a fast subset of the real-world corpus: no crash, every schema compiles (2020-12), every validator builds.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { surveySpec } from "../../codegen/survey.js";

const CORPUS = "../shared/corpus/specs";
const present = existsSync(CORPUS);
if (!present) console.warn(`corpus tests skipped: ${CORPUS} is absent (the shared corpus is not checked out next to the project)`);

const SUBSET = [
  "poemist.com__main__1.0.yaml", // Swagger 2.0
  "authentiq.io__main__1.0.yaml", // Swagger 2.0
  "redocly__museum__1.2.1.yaml", // 3.1
  "readme-oas-examples__schema-types__oas3.1.json", // 3.1 type arrays, circular
  "readme-oas-examples__schema-circular__oas3.0.json", // circular, no operationIds
  "readme-oas-examples__circular-paths__oas3.0.json",
  "readme-oas-examples__file-uploads__oas3.0.yaml", // multipart, no operationIds
  "readme-oas-examples__polymorphism__oas3.0.yaml",
  "readme-oas-examples__parameters-style__oas3.0.json",
  "readme-oas-examples__discriminators__oas3.0.json",
  "readme-oas-examples__train-travel__oas3.1.yaml",
  "xkcd.com__main__1.0.0.yaml",
  "exchangerate-api.com__main__4.yaml",
];

describe.skipIf(!present)("corpus subset (--all)", () => {
  it.each(SUBSET)("%s", async (file) => {
    const survey = await surveySpec(join(CORPUS, file));
    expect(survey.failures).toEqual([]);
    expect(survey.operations).toBeGreaterThan(0);
    expect(survey.tools).toBe(survey.operations);
  });

  it("names operations without operationIds from method and path, and warns about cut recursion", async () => {
    const { buildAll } = await import("../../codegen/build.js");
    const build = await buildAll(join(CORPUS, "readme-oas-examples__schema-circular__oas3.0.json"));
    for (const tool of build.model.tools) expect(tool.name).toMatch(/^(get|put|post|delete|patch)_[a-zA-Z0-9_-]+$/);
    expect(build.model.warnings.some((w) => w.includes("circular $ref"))).toBe(true);
  });
});
