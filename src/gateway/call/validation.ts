// Arguments that fail the tool's schema, described field by field with what is expected.
import type { ZodError } from "zod";

export function invalidArguments(toolName: string, error: ZodError): string {
  const lines = error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "arguments";
    return `- ${field}: ${issue.message}`;
  });
  return `Invalid arguments for ${toolName}; nothing was sent:\n${lines.join("\n")}`;
}
