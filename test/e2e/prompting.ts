// Helpers for the end-to-end prompt tests: a real SDK client per user, and the sandbox's own answers.
import type { McpClient, Stack } from "./harness.js";

export interface Answer {
  isError: boolean;
  text: string;
  structured: any;
}

export interface Session {
  token: string;
  client: McpClient;
  /** Calls a tool through the gateway; the SDK client checks structuredContent against the outputSchema. */
  call(name: string, args?: Record<string, unknown>): Promise<Answer>;
  /** The sandbox's REST answer for the same user. */
  rest(path: string): Promise<any>;
}

export async function session(stack: Stack, email: string): Promise<Session> {
  const token = stack.token(email);
  const client = await stack.client(token);
  // Listing the tools first makes the SDK client validate every structured result against its schema.
  await client.listTools();
  return {
    token,
    client,
    async call(name, args = {}) {
      const result = await client.callTool({ name, arguments: args });
      const content = result.content as { type: string; text?: string }[];
      return { isError: result.isError === true, text: content.flatMap((part) => (part.type === "text" ? [part.text ?? ""] : [])).join("\n"), structured: result.structuredContent };
    },
    async rest(path) {
      const answer = await stack.sandboxFetch(token, path);
      if (answer.status !== 200) throw new Error(`GET ${path} → ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body;
    },
  };
}

/** Every item of a paged REST list, walking all pages. */
export async function restAll(user: Session, path: string): Promise<{ items: any[]; totalItems: number }> {
  const items: any[] = [];
  let totalItems = 0;
  for (let page = 1; ; page++) {
    const sep = path.includes("?") ? "&" : "?";
    const body = await user.rest(`${path}${sep}page=${page}&size=100`);
    items.push(...body.data);
    totalItems = body.totalItems;
    if (page >= body.totalPages || body.data.length === 0) break;
  }
  return { items, totalItems };
}

/** Exact decimal strings ("5000.10") as integer cents, for comparisons without floats. */
export function cents(value: string): bigint {
  const [whole, fraction = ""] = value.replace("-", "").split(".");
  const abs = BigInt(whole!) * 100n + BigInt((fraction + "00").slice(0, 2));
  return value.startsWith("-") ? -abs : abs;
}

/** The requests the sandbox received on a path prefix since `from` (an index into its request log). */
export function requestsSince(stack: Stack, from: number, prefix: string) {
  return stack.sandbox.requestLog.slice(from).filter((entry) => entry.path.startsWith(prefix));
}

/** A list answer's table as objects (`{ "amount.value": "…", … }`), for lists whose structured answer is one (pages.table). */
export function tableItems(structured: { columns: string[]; data: unknown[][] }): Record<string, unknown>[] {
  return structured.data.map((row) => Object.fromEntries(structured.columns.map((column, i) => [column, row[i]])));
}

/** REST items as the rows of a table answer with these columns. */
export function asRows(items: any[], columns: string[]): unknown[][] {
  return items.map((item) => columns.map((column) => column.split(".").reduce((value, key) => value?.[key], item) ?? null));
}
