// CPU time and resident memory of a server and every process it started, read from /proc (Linux).
import { readdirSync, readFileSync } from "node:fs";

// Kernel clock ticks per second for utime/stime; 100 on every mainstream Linux build.
const TICKS_PER_SECOND = 100;
const PAGE_KB = 4;

interface ProcStat {
  ppid: number;
  cpuTicks: number;
  rssKb: number;
}

function readStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined;
  }
  // The command name may hold spaces and parentheses: fields start after the last ")".
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  const num = (index: number): number => Number(fields[index] ?? 0);
  // Field numbers from proc(5), minus the 3 before this slice: ppid 4, utime 14, stime 15, rss 24.
  return { ppid: num(1), cpuTicks: num(11) + num(12), rssKb: num(21) * PAGE_KB };
}

function allPids(): number[] {
  return readdirSync("/proc")
    .filter((name) => /^[0-9]+$/.test(name))
    .map(Number);
}

/** The process and all its descendants. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const pid of allPids()) {
    const stat = readStat(pid);
    if (!stat) continue;
    const list = children.get(stat.ppid) ?? [];
    list.push(pid);
    children.set(stat.ppid, list);
  }
  const tree: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

export interface Usage {
  /** User + system CPU seconds of the whole tree. */
  cpuSeconds: number;
  /** Resident memory of the whole tree, bytes. */
  rssBytes: number;
  /** Resident memory of the root process alone, bytes. */
  rootRssBytes: number;
}

export function usage(root: number): Usage {
  let ticks = 0;
  let rssKb = 0;
  let rootRssKb = 0;
  for (const pid of processTree(root)) {
    const stat = readStat(pid);
    if (!stat) continue;
    ticks += stat.cpuTicks;
    rssKb += stat.rssKb;
    if (pid === root) rootRssKb = stat.rssKb;
  }
  return { cpuSeconds: ticks / TICKS_PER_SECOND, rssBytes: rssKb * 1024, rootRssBytes: rootRssKb * 1024 };
}
