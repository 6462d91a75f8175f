// Responses Object → the success answers (2xx) and their JSON schemas.
import type { Refs } from "../load.js";
import type { SuccessModel } from "../model.js";
import { pickMediaType } from "./media-type-object.js";
import type { SchemaTransformer } from "./schema-object.js";

export function transformResponses(raw: unknown, where: string, refs: Refs, schemas: SchemaTransformer): SuccessModel[] {
  if (typeof raw !== "object" || raw === null) return [];
  const out: SuccessModel[] = [];
  for (const [status, value] of Object.entries(raw)) {
    if (!/^2(\d\d|xx)$/i.test(status)) continue;
    const response = refs.deref(value, where);
    const picked = response ? pickMediaType(response.content, false) : undefined;
    if (!picked) {
      out.push({ status });
      continue;
    }
    // A JSON answer without a schema can hold anything.
    out.push({ status, schema: schemas.convert(picked.media.schema ?? {}, "output", where) });
  }
  return out.sort((a, b) => a.status.localeCompare(b.status));
}
