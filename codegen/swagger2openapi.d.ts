// The converter ships no types; this is the part codegen calls.
declare module "swagger2openapi" {
  interface ConvertOptions {
    patch?: boolean;
    warnOnly?: boolean;
    resolve?: boolean;
    resolveInternal?: boolean;
    direct?: boolean;
    refSiblings?: "remove" | "preserve" | "allOf";
  }
  const converter: {
    convertObj(swagger: object, options: ConvertOptions): Promise<{ openapi: Record<string, unknown> }>;
  };
  export default converter;
}
