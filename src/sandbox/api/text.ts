// Text as searches compare it: lower case, accents removed ("Pérez" → "perez").

export function normalizeText(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

/** A LIKE pattern matching `text` anywhere, with LIKE's wildcards taken literally (ESCAPE '\'). */
export function containsPattern(text: string): string {
  return `%${normalizeText(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
