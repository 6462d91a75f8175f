// generated/tools.contract.json: the stable surface --diff compares.
import { buildContract } from "../contract.js";
import type { ToolModel } from "../model.js";

export function emitContract(tools: readonly ToolModel[]): string {
  return `${JSON.stringify(buildContract(tools), null, 2)}\n`;
}
