// Real MCP SDK clients (1.x, the 2025 era) against a cluster for a bounded time, each owning one card
// it locks, unlocks and changes the limit of (asked first: the preview's code, then the write with it),
// besides the reads an assistant makes. Every call is recorded with what it said, so the run can be
// checked against the sandbox's own record of what it applied (see check.ts).
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Db } from "../../src/sandbox/db/db.js";

export interface OwnCard {
  id: string;
  companyId: string;
}

export interface LoadClient {
  token: string;
  card: OwnCard;
}

/** What a write's answer said happened. */
export type Said = "done" | "nothing-changed" | "unknown";

export interface CallRecord {
  client: number;
  tool: string;
  startedAt: number;
  endedAt: number;
  /** ok: a result; tool-error: an isError result; http: an HTTP error status; transport: no HTTP answer. */
  kind: "ok" | "tool-error" | "http" | "transport";
  status?: number;
  text?: string;
  /** The first call of a write that asks: the preview and its code (an isError result by design). */
  preview?: boolean;
  /** For a write's final call: what it said, and what it asked for. */
  said?: Said;
  write?: { kind: "limit"; amountMinor: number } | { kind: "lock"; lock: boolean };
  card?: string;
}

export interface LoadOptions {
  url: string;
  clients: LoadClient[];
  durationMs: number;
  /** No writes: reads only (the plain load of the load test's first table stays comparable). */
  readsOnly?: boolean;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** A pause (ms) between one client's steps, to stay under a rate limit; none by default. */
  pace?: number;
}

export interface LoadRun {
  calls: CallRecord[];
  begin: number;
  end: number;
}

const READS = [
  { name: "list_cards", args: { limit: 10 } },
  { name: "list_cards", args: { status: "LOCKED" } },
  { name: "list_transactions", args: { period: "this_month", limit: 20 } },
  { name: "summarize_spending", args: { groupBy: "category", period: "last_month" } },
  { name: "get_current_user", args: {} },
];

/** What an answer's text says about a write; undefined when it says something no honest answer says. */
export function saidOf(text: string, isError: boolean): Said | undefined {
  if (!isError) return "done";
  if (/The outcome is unknown/.test(text)) return "unknown";
  if (/[Nn]othing was changed|nothing has been changed/i.test(text)) return "nothing-changed";
  return undefined;
}

function textOf(result: Record<string, unknown>): string {
  const content = result.content as Array<{ type: string; text?: string }> | undefined;
  return content?.map((part) => part.text ?? "").join("\n") ?? "";
}

async function connect(url: string, token: string, headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: "cluster-load", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { ...headers, authorization: `Bearer ${token}` } } });
  // initialize goes through the load balancer too: a replica may be down right then, so try a few.
  for (let attempt = 0; ; attempt++) {
    try {
      await client.connect(transport);
      return client;
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

export async function runLoad(opts: LoadOptions): Promise<LoadRun> {
  const calls: CallRecord[] = [];
  const clients = await Promise.all(opts.clients.map((one) => connect(opts.url, one.token, opts.headers)));
  const begin = Date.now();
  const deadline = begin + opts.durationMs;

  async function call(index: number, tool: string, args: Record<string, unknown>, extra: Partial<CallRecord> = {}): Promise<{ record: CallRecord; meta?: Record<string, unknown> }> {
    const record: CallRecord = { client: index, tool, startedAt: Date.now(), endedAt: 0, kind: "ok", ...extra };
    let meta: Record<string, unknown> | undefined;
    try {
      const result = await clients[index]!.callTool({ name: tool, arguments: args });
      record.text = textOf(result);
      record.kind = result.isError ? "tool-error" : "ok";
      meta = result._meta as Record<string, unknown> | undefined;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code === "number" && code >= 100 && code < 600) {
        record.kind = "http";
        record.status = code;
      } else {
        record.kind = "transport";
      }
      record.text = String(error).slice(0, 300);
    }
    record.endedAt = Date.now();
    calls.push(record);
    return { record, ...(meta ? { meta } : {}) };
  }

  await Promise.all(
    clients.map(async (_, index) => {
      const own = opts.clients[index]!.card;
      let seq = 0;
      let locked = false;
      while (Date.now() < deadline) {
        if (seq > 0 && opts.pace) await new Promise((resolve) => setTimeout(resolve, opts.pace));
        const roll = (index * 7919 + seq * 104729) % 100;
        seq++;
        if (opts.readsOnly || roll < 55) {
          const read = READS[seq % READS.length]!;
          await call(index, read.name, read.args);
        } else if (roll < 75) {
          locked = !locked;
          const { record } = await call(index, locked ? "lock_card" : "unlock_card", { card: own.id }, { write: { kind: "lock", lock: locked }, card: own.id });
          record.said = record.kind === "ok" || record.kind === "tool-error" ? saidOf(record.text ?? "", record.kind === "tool-error") : "unknown";
        } else {
          // Unique per client and step, so each change can be found in what the sandbox applied.
          const amount = 100_000 + index * 10_000 + seq;
          const args = { card: own.id, amount: String(amount) };
          const write = { kind: "limit" as const, amountMinor: amount * 100 };
          const asked = await call(index, "update_card_limit", args, { write, card: own.id });
          const confirmation = asked.meta?.["com.clara/confirmation"] as { code?: string; argument?: string } | undefined;
          if (!confirmation?.code) {
            // No code: the preview failed, and said so; nothing was written.
            asked.record.said = asked.record.kind === "tool-error" ? saidOf(asked.record.text ?? "", true) : "unknown";
            continue;
          }
          delete asked.record.write;
          asked.record.preview = true;
          const { record } = await call(index, "update_card_limit", { ...args, [confirmation.argument ?? "confirmation"]: confirmation.code }, { write, card: own.id });
          record.said = record.kind === "ok" || record.kind === "tool-error" ? saidOf(record.text ?? "", record.kind === "tool-error") : "unknown";
        }
      }
    }),
  );
  const end = Date.now();
  await Promise.allSettled(clients.map((client) => client.close()));
  return { calls, begin, end };
}

/** Each client an admin token and a card of its own, spread over the three demo companies. */
export function loadClients(db: Db, count: number, token: (email: string) => string): LoadClient[] {
  const admins: Record<string, string> = { cmp_acme: "admin@acme.example", cmp_brasa: "admin@brasa.example", cmp_andes: "admin@andes.example" };
  const cards = db.prepare("SELECT id, company_id FROM cards WHERE status = 'ACTIVE' ORDER BY company_id, id").all() as Array<{ id: string; company_id: string }>;
  if (cards.length < count) throw new Error(`only ${cards.length} active cards for ${count} clients`);
  // Interleaved by company, so a few clients already cover all three.
  const byCompany = Object.keys(admins).map((company) => cards.filter((card) => card.company_id === company));
  const picked: Array<{ id: string; company_id: string }> = [];
  for (let round = 0; picked.length < count; round++) for (const list of byCompany) if (list[round] && picked.length < count) picked.push(list[round]!);
  return picked.map((card) => ({ token: token(admins[card.company_id]!), card: { id: card.id, companyId: card.company_id } }));
}
