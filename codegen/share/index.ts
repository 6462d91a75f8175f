// Shared schemas: what several tools' JSON Schemas and validators hold alike, found, named (after the spec) and written once.
import type { GenModel } from "../model.js";
import { shareSchemas, type SharedSchemas } from "./json.js";
import { NameBook } from "./names.js";
import { shareValidators, type SharedValidators } from "./validators.js";

export interface SharedTable {
  schemas: SharedSchemas;
  validators: SharedValidators;
}

export function shareTable(model: Pick<GenModel, "tools" | "named">): SharedTable {
  // One book for both sides: their constants live in one module.
  const book = new NameBook();
  return { schemas: shareSchemas(model.tools, model.named, book), validators: shareValidators(model.tools, model.named, book) };
}
