// A load run judged against the sandbox's own record of what it applied (applied_writes): no write
// applied twice, no answer that says something other than what happened, no dishonest error.
import type { Db } from "../../src/sandbox/db/db.js";
import type { CallRecord, LoadRun } from "./load.js";

/** Every isError text an honest answer may have: unavailable, unknown outcome, nothing changed, the preview. */
const HONEST = /is unavailable right now|did not answer|[Tt]ry again|[Nn]othing was changed|outcome is unknown|Nothing has been changed yet/;

export interface Verdict {
  calls: number;
  /** Results that did what was asked (a write's preview with its code included). */
  ok: number;
  /** isError results other than previews. */
  toolErrors: number;
  /** HTTP error statuses, by status. */
  http: Record<number, number>;
  /** Calls that got no HTTP answer at all. */
  transport: number;
  /** isError texts no honest answer has. */
  dishonest: CallRecord[];
  /** Writes said done, or said not done, that the sandbox disagrees with. */
  disagreements: Array<{ record: CallRecord; why: string }>;
  /** Idempotency keys the sandbox applied more than once. */
  keysAppliedTwice: number;
  /** Limit changes (unique amounts) applied more often than once. */
  writesAppliedTwice: number;
  /** Writes said done. */
  confirmed: number;
  latencies: number[];
}

interface Applied {
  seq: number;
  key: string | null;
  card: string;
  what: "limit" | "lock";
  value: number | boolean;
  at: number;
}

function appliedSince(db: Db, since: number): Applied[] {
  const rows = db.prepare("SELECT seq, idempotency_key, fingerprint, at FROM applied_writes WHERE at >= ? ORDER BY seq").all(since) as Array<{
    seq: number;
    idempotency_key: string | null;
    fingerprint: string;
    at: number;
  }>;
  return rows.flatMap((row): Applied[] => {
    const [operation, card, value] = JSON.parse(row.fingerprint) as [string, string, number | boolean];
    if (operation === "updateCardLimit") return [{ seq: row.seq, key: row.idempotency_key, card, what: "limit", value, at: row.at }];
    if (operation === "toggleCardLock") return [{ seq: row.seq, key: row.idempotency_key, card, what: "lock", value, at: row.at }];
    return [];
  });
}

export function checkRun(db: Db, run: LoadRun): Verdict {
  const applied = appliedSince(db, run.begin - 1_000);
  const verdict: Verdict = {
    calls: run.calls.length,
    ok: 0,
    toolErrors: 0,
    http: {},
    transport: 0,
    dishonest: [],
    disagreements: [],
    keysAppliedTwice: 0,
    writesAppliedTwice: 0,
    confirmed: 0,
    latencies: run.calls.map((call) => call.endedAt - call.startedAt).sort((a, b) => a - b),
  };
  for (const call of run.calls) {
    // A preview with its code is a write that asks doing its job.
    if (call.kind === "ok" || call.preview) verdict.ok++;
    else if (call.kind === "tool-error") {
      verdict.toolErrors++;
      if (!HONEST.test(call.text ?? "")) verdict.dishonest.push(call);
    } else if (call.kind === "http") verdict.http[call.status!] = (verdict.http[call.status!] ?? 0) + 1;
    else verdict.transport++;
  }

  const keys = new Map<string, number>();
  const limits = new Map<string, number>();
  for (const row of applied) {
    if (row.key) keys.set(row.key, (keys.get(row.key) ?? 0) + 1);
    if (row.what === "limit") limits.set(`${row.card}:${row.value}`, (limits.get(`${row.card}:${row.value}`) ?? 0) + 1);
  }
  verdict.keysAppliedTwice = [...keys.values()].filter((count) => count > 1).length;
  verdict.writesAppliedTwice = [...limits.values()].filter((count) => count > 1).length;

  // A client's calls on its card are one after the other, so a lock applied inside a call's own time
  // was that call's (with a little slack for the two clocks' reading order).
  const SLACK_MS = 5;
  for (const call of run.calls) {
    if (!call.write || !call.said || !call.card) continue;
    if (call.said === "done") verdict.confirmed++;
    if (call.said === "unknown") continue;
    const happened =
      call.write.kind === "limit"
        ? (limits.get(`${call.card}:${call.write.amountMinor}`) ?? 0) > 0
        : applied.some((row) => row.what === "lock" && row.card === call.card && row.value === (call.write as { lock: boolean }).lock && row.at >= call.startedAt - SLACK_MS && row.at <= call.endedAt + SLACK_MS);
    if (call.said === "done" && !happened) verdict.disagreements.push({ record: call, why: "said done, but the sandbox never applied it" });
    if (call.said === "nothing-changed" && happened) verdict.disagreements.push({ record: call, why: "said nothing was changed, but the sandbox applied it" });
  }

  // And what each card ended up as is the last change applied to it.
  for (const card of new Set(run.calls.flatMap((call) => (call.card ? [call.card] : [])))) {
    const last = applied.filter((row) => row.card === card && row.what === "limit").at(-1);
    if (!last) continue;
    const now = db.prepare("SELECT limit_minor FROM cards WHERE id = ?").pluck().get(card) as number;
    if (now !== last.value) verdict.disagreements.push({ record: { client: -1, tool: "update_card_limit", startedAt: 0, endedAt: 0, kind: "ok", card }, why: `card's limit ${now} is not its last applied change ${String(last.value)}` });
  }
  return verdict;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
