// generated/api.d.ts: the API's types, from openapi-typescript.
import { isObject, type Doc } from "../load.js";
import { header, type Source } from "./header.js";

export async function emitApiTypes(doc: Doc, source: Source, warn: (message: string) => void): Promise<string> {
  try {
    // Loaded on demand: it brings the TypeScript compiler, the slowest part of a start.
    const { default: openapiTS, astToString } = await import("openapi-typescript");
    const ast = await openapiTS(offline(doc) as Parameters<typeof openapiTS>[0], { silent: true });
    return header(source) + astToString(ast);
  } catch (error) {
    // The client still type-checks paths and methods loosely; the tools themselves do not depend on these types.
    warn(`openapi-typescript could not type this spec (${(error as Error).message.split("\n")[0]}); api.d.ts is untyped`);
    return `${header(source)}export type paths = Record<string, Record<string, any>>;\nexport type operations = Record<string, any>;\nexport type components = Record<string, any>;\n`;
  }
}

/** A copy without external references, so nothing is fetched over the network. */
function offline(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(offline);
  if (!isObject(node)) return node;
  if (typeof node.$ref === "string" && !node.$ref.startsWith("#")) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    // Example data may hold "$ref" keys that are data, not references.
    out[key] = key === "example" || key === "examples" ? stripRefs(value) : offline(value);
  }
  return out;
}

function stripRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripRefs);
  if (!isObject(node)) return node;
  if (typeof node.$ref === "string" && Object.keys(node).length === 1 && node.$ref.startsWith("#/components/examples/")) return node;
  return Object.fromEntries(Object.entries(node).filter(([k]) => k !== "$ref").map(([k, v]) => [k, stripRefs(v)]));
}
