// Picks the media type codegen works with from a `content` map: JSON first, then forms.
import { isObject } from "../load.js";

export function isJsonType(type: string): boolean {
  const base = type.split(";")[0]!.trim().toLowerCase();
  return base === "application/json" || base.endsWith("+json") || base === "*/*" || base === "application/*" || base === "text/json";
}

const FORM_TYPES = ["multipart/form-data", "application/x-www-form-urlencoded"];

/** The chosen media type and its entry, or undefined when nothing usable is declared. */
export function pickMediaType(content: unknown, withForms: boolean): { type: string; media: Record<string, unknown> } | undefined {
  if (!isObject(content)) return undefined;
  const entries = Object.entries(content).filter((e): e is [string, Record<string, unknown>] => isObject(e[1]));
  const json = entries.find(([type]) => isJsonType(type));
  if (json) return { type: json[0], media: json[1] };
  if (withForms) {
    for (const form of FORM_TYPES) {
      const hit = entries.find(([type]) => type.split(";")[0]!.trim().toLowerCase() === form);
      if (hit) return { type: hit[0], media: hit[1] };
    }
  }
  return undefined;
}
