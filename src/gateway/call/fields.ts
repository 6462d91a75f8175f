// Dotted paths ("owner.address.city") into JSON answers, split once and read many times.
export type FieldReader = (value: unknown) => unknown;

export function fieldReader(path: string): FieldReader {
  if (path === "") return (value) => value;
  const keys = path.split(".");
  if (keys.length === 1) {
    const key = keys[0]!;
    return (value) => (value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined);
  }
  return (value) => {
    let current = value;
    for (const key of keys) {
      if (current === null || typeof current !== "object") return undefined;
      current = (current as Record<string, unknown>)[key];
    }
    return current;
  };
}

export function readField(value: unknown, path: string): unknown {
  return fieldReader(path)(value);
}

/** Sets a dotted path, creating plain objects on the way. */
export function writeField(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".");
  let current = target;
  for (let i = 0; i < keys.length - 1; i++) {
    const key = keys[i]!;
    const next = current[key];
    if (next === null || typeof next !== "object") current[key] = {};
    current = current[key] as Record<string, unknown>;
  }
  current[keys[keys.length - 1]!] = value;
}
