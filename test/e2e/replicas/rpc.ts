// Raw MCP requests to one replica (or nginx), and the waits the replica suites share.
import type { Cluster } from "../../../scripts/cluster/cluster.js";

export interface Answer {
  status: number;
  headers: Headers;
  json: any;
}

export async function rpc(url: string, token: string, method: string, params?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream", authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, ...(params ? { params } : {}) }),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, headers: response.headers, json };
}

export const textOf = (answer: Answer): string => (answer.json?.result?.content ?? []).map((part: { text?: string }) => part.text ?? "").join("\n");

/** 120 tools/list with one token, spread round-robin over the replicas: how many got 200, and the rest. */
export async function roundRobin(cluster: Cluster, token: string, count = 120): Promise<Record<number, number>> {
  const statuses: Record<number, number> = {};
  for (let i = 0; i < count; i++) {
    const answer = await rpc(cluster.replicas[i % cluster.replicas.length]!.mcpUrl, token, "tools/list");
    statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
  }
  return statuses;
}

export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 15_000, what = "the condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** /readyz of every replica, as JSON. */
export async function readiness(cluster: Cluster): Promise<Array<{ status: number; body: any }>> {
  return Promise.all(
    cluster.replicas.map(async (replica) => {
      const response = await fetch(`${replica.url}/readyz`);
      return { status: response.status, body: await response.json() };
    }),
  );
}

export const limitOf = (cluster: Cluster, card: string): number => cluster.sandbox.db.prepare("SELECT limit_minor FROM cards WHERE id = ?").pluck().get(card) as number;
