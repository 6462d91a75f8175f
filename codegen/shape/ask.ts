// A tool's `ask`: the write is confirmed with the user first, from a preview of the API's current state.
import type { ManifestTool } from "../manifest.js";
import type { OperationModel, SpecModel } from "../model.js";
import type { AskEntry, JsonSchema } from "../table.js";
import { shapeCases } from "./cases.js";
import { placeholders } from "./fields.js";
import { operationParams, type InputShape } from "./input.js";
import { answerSchema } from "./output.js";
import type { Problems } from "./problems.js";

export const DEFAULT_ARGUMENT = "confirmation";
const READS = new Set(["get", "head", "options", "trace"]);

type FindOperation = (spec: SpecModel, operationId: string, field: string, problems: Problems) => OperationModel | undefined;

/** Checks the entry against the spec and adds the confirmation argument to the tool's input. */
export function shapeAsk(
  ask: NonNullable<ManifestTool["ask"]>,
  op: OperationModel,
  spec: SpecModel,
  input: InputShape,
  find: FindOperation,
  problems: Problems,
): AskEntry {
  if (READS.has(op.method)) problems.fail("ask", `operation ${op.operationId} is a ${op.method.toUpperCase()}: only writes ask first`);
  const read = find(spec, ask.read.operationId, "ask.read.operationId", problems);
  let current: JsonSchema | undefined;
  if (read) {
    if (!READS.has(read.method)) problems.fail("ask.read.operationId", `operation ${read.operationId} is a ${read.method.toUpperCase()}: the preview must only read`);
    const readParams = new Set(operationParams(read).map((p) => p.name));
    const ownParams = new Set(operationParams(op).map((p) => p.name));
    for (const [name, template] of Object.entries(ask.read.args)) {
      if (!readParams.has(name)) problems.fail(`ask.read.args.${name}`, `operation ${read.operationId} has no parameter "${name}"`);
      for (const { path } of placeholders(template)) {
        if (!ownParams.has(path)) problems.fail(`ask.read.args.${name}`, `{${path}}: operation ${op.operationId} has no parameter "${path}"`);
      }
    }
    for (const param of read.params) {
      if (param.required && param.in === "path" && !(param.name in ask.read.args)) {
        problems.fail("ask.read.args", `operation ${read.operationId} needs its path parameter "${param.name}"`);
      }
    }
    current = answerSchema(read).outputSchema;
  }
  const argument = ask.argument ?? DEFAULT_ARGUMENT;
  const props = (input.inputSchema.properties ??= {}) as Record<string, JsonSchema>;
  if (Object.hasOwn(props, argument)) problems.fail("ask.argument", `the tool already has an argument "${argument}"; name another with ask.argument`);
  else {
    props[argument] = {
      type: "string",
      minLength: 1,
      maxLength: 4096,
      description:
        "Only for clients that cannot ask the user themselves: the confirmation code a first call without it answered with its preview, after the user agreed. Single-use, valid 5 minutes, for exactly the same arguments.",
    };
  }
  const previewData: JsonSchema = {
    type: "object",
    properties: { current: current ?? {}, args: input.inputSchema },
    required: ["current", "args"],
  };
  const preview = shapeCases(ask.preview, previewData, "ask.preview", "the preview's { current, args }", problems);
  return {
    read: { operationId: ask.read.operationId, args: { ...ask.read.args } },
    preview,
    unconfirmed: ask.unconfirmed,
    argument,
  };
}
