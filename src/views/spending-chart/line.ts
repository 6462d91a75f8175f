// A line by day or month, in calendar order. When the groups are every transaction of the period,
// a day or month without one is a zero; when only the top ones came back (limit), gaps stay gaps.
import { h, s } from "../shared/dom.js";
import { day, formatMoney, magnitude } from "../shared/format.js";
import { groupText, type Group, type Summary } from "./summary.js";

const WIDTH = 600;
const HEIGHT = 220;
const PAD = { left: 8, right: 8, top: 16, bottom: 28 };

/** Day number (or month number) of a key, so points sit at their place in the period. */
function ordinal(key: string): number {
  const [y, m, d] = key.split("-").map(Number);
  return d === undefined ? y! * 12 + m! : Date.UTC(y!, m! - 1, d) / 86_400_000;
}

function steps(summary: Summary): { key: string; group?: Group }[] {
  const byKey = new Map(summary.groups.map((g) => [g.key, g]));
  const keys = [...byKey.keys()].sort();
  const complete = summary.groups.reduce((n, g) => n + g.count, 0) === summary.totals.count;
  if (!complete || keys.length === 0) return keys.map((key) => ({ key, group: byKey.get(key) }));
  const monthly = summary.groupBy === "month";
  const first = ordinal(monthly ? summary.from.slice(0, 7) : summary.from);
  const last = ordinal(monthly ? summary.to.slice(0, 7) : summary.to);
  const all: { key: string; group?: Group }[] = [];
  for (let n = first; n <= last; n++) {
    const key = monthly ? `${Math.floor((n - 1) / 12)}-${String(((n - 1) % 12) + 1).padStart(2, "0")}` : new Date(n * 86_400_000).toISOString().slice(0, 10);
    all.push({ key, group: byKey.get(key) });
  }
  return all;
}

export function line(summary: Summary, title: string, locale?: string): HTMLElement {
  const points = steps(summary);
  const largest = summary.groups.reduce((top, g) => (magnitude(g.total.value) > magnitude(top.total.value) ? g : top), summary.groups[0]!);
  const max = magnitude(largest.total.value) || 1;
  const first = ordinal(points[0]!.key);
  const span = Math.max(1, ordinal(points[points.length - 1]!.key) - first);
  const x = (key: string) => PAD.left + ((ordinal(key) - first) / span) * (WIDTH - PAD.left - PAD.right);
  const y = (value: string | undefined) => PAD.top + (1 - magnitude(value ?? "0") / max) * (HEIGHT - PAD.top - PAD.bottom);
  const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(p.key).toFixed(1)},${y(p.group?.total.value).toFixed(1)}`).join(" ");
  const marks = summary.groups.map((g) =>
    s("g", { class: "point", role: "listitem", "aria-label": groupText(g), tabindex: 0 },
      s("title", {}, groupText(g)),
      s("circle", { cx: x(g.key).toFixed(1), cy: y(g.total.value).toFixed(1), r: 4 })),
  );
  const svg = s("svg", { class: "line", viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "list", "aria-label": title, "aria-describedby": "caption" },
    s("line", { class: "axis", x1: PAD.left, x2: WIDTH - PAD.right, y1: HEIGHT - PAD.bottom, y2: HEIGHT - PAD.bottom, "aria-hidden": "true" }),
    s("path", { class: "trace", d: path, "aria-hidden": "true" }),
    ...marks,
    s("text", { class: "tick", x: PAD.left, y: HEIGHT - 8, "aria-hidden": "true" }, day(points[0]!.key, locale)),
    s("text", { class: "tick end", x: WIDTH - PAD.right, y: HEIGHT - 8, "aria-hidden": "true" }, day(points[points.length - 1]!.key, locale)),
  );
  const highest = h("p", { class: "caption" }, "Highest: ", h("span", { class: "amount" }, formatMoney(largest.total)), ` on ${day(largest.key, locale)}`);
  // The same numbers as a table, for reading them all exactly or with a screen reader.
  const rows = [...summary.groups].sort((a, b) => (a.key < b.key ? -1 : 1)).map((g) =>
    h("tr", {}, h("th", { scope: "row" }, day(g.key, locale)), h("td", { class: "amount" }, formatMoney(g.total)), h("td", { class: "amount" }, String(g.count))),
  );
  const table = h("details", {}, h("summary", {}, "Show the values"),
    h("table", {}, h("caption", { class: "visually-hidden" }, title),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, summary.groupBy === "day" ? "Day" : "Month"), h("th", { scope: "col", class: "number" }, "Total"), h("th", { scope: "col", class: "number" }, "Transactions"))),
      h("tbody", {}, ...rows)));
  return h("figure", { class: "chart" }, svg, highest, table);
}
