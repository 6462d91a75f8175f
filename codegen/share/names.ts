// Names of shared constants: the spec's name for the schema when it has one, else the place it is met most; always a free identifier.

/** Words of the language, globals the emitted code uses, and the names generated/tools.ts declares itself. */
const RESERVED = new Set([
  ..."break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await arguments eval undefined NaN Infinity globalThis".split(" "),
  ..."Object Array RegExp JSON Number String Boolean Symbol Error Promise Map Set Math Date".split(" "),
  ..."z api tools table entry once operations numberText referenceText ApiEntry JsonSchema ToolEntry ToolTable".split(" "),
]);

export class NameBook {
  private readonly taken = new Set<string>(RESERVED);

  /** The first of `wanted` that is free, else the first with the smallest number after it that is. */
  claim(wanted: readonly string[]): string {
    const free = wanted.find((name) => !this.taken.has(name));
    let name = free ?? wanted[0]!;
    for (let n = 2; !free && this.taken.has(name); n++) name = `${wanted[0]}${n}`;
    this.taken.add(name);
    return name;
  }
}

/** A component name as an identifier: "Pet.Owner" → "Pet_Owner", "200Response" → "_200Response". */
export function identifier(name: string): string {
  const clean = name.replace(/[^A-Za-z0-9_$]/g, "_") || "_";
  return /^[0-9]/.test(clean) ? `_${clean}` : clean;
}

/** Whether one place accounts for at least half of where a schema was met, so a name made from it fits its uses. */
export function fitsOnePlace(labels: ReadonlyMap<string, number>): boolean {
  let total = 0;
  let most = 0;
  for (const n of labels.values()) {
    total += n;
    most = Math.max(most, n);
  }
  return most * 2 >= total;
}

/** The commonest place a schema was met, alphabetically first among equals, as a PascalCase identifier: "created_at item" → "CreatedAtItem". */
export function placeName(labels: ReadonlyMap<string, number>): string {
  let best = "";
  let most = 0;
  for (const [label, n] of labels) if (n > most || (n === most && label < best)) [best, most] = [label, n];
  const words = best.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return identifier(words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("") || "Schema");
}
