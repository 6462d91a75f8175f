// Where the CPU went, from a V8 .cpuprofile (node --cpu-prof): self time by area and by function.
// Usage: tsx bench/profile.ts <file.cpuprofile> [top]
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { formatTable } from "./report.js";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The package, project file or runtime part a script URL belongs to. */
export function areaOf(url: string, name: string): string {
  if (!url) return name.startsWith("(") ? name : "(native)";
  const modules = url.lastIndexOf("node_modules/");
  if (modules !== -1) {
    const rest = url.slice(modules + "node_modules/".length).split("/");
    return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  if (url.startsWith("node:")) return url.split("/").slice(0, 2).join("/");
  const project = url.indexOf("/work/");
  const path = project === -1 ? url : url.replace(/^file:\/\/\/work\/[^/]+\//, "");
  return path.replace(/^file:\/\//, "");
}

export interface ProfileSummary {
  totalMs: number;
  areas: [string, number][];
  functions: [string, number][];
}

export function summarise(file: string, top = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  // Samples taken while the profiler itself is being stopped are not the server's work.
  const profiler = new Set<number>();
  for (const node of profile.nodes) {
    if (node.callFrame.url === "node:inspector") for (const child of node.children ?? []) profiler.add(child);
  }
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, index) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === "(idle)" || url === "node:inspector" || profiler.has(id)) continue;
    total += us;
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + us);
    const key = `${functionName || "(anonymous)"} ${area}:${lineNumber + 1}`;
    functions.set(key, (functions.get(key) ?? 0) + us);
  }
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, us]): [string, number] => [k, us / 1000]);
  return { totalMs: total / 1000, areas: sorted(areas), functions: sorted(functions) };
}

export function formatSummary(summary: ProfileSummary): string {
  const share = (ms: number) => `${((ms / summary.totalMs) * 100).toFixed(1)} %`;
  return [
    `busy CPU in profile: ${summary.totalMs.toFixed(0)} ms`,
    formatTable(["area (self time)", "ms", "share"], summary.areas.map(([area, ms]) => [area, ms.toFixed(0), share(ms)])),
    "",
    formatTable(["function (self time)", "ms", "share"], summary.functions.map(([name, ms]) => [name, ms.toFixed(0), share(ms)])),
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    console.error("usage: tsx bench/profile.ts <file.cpuprofile> [top]");
    process.exit(2);
  }
  console.log(formatSummary(summarise(file, Number(top ?? 25))));
}
