// Bars, largest first as the API gives them: each bar one list item, its label and exact amount in
// words (and as its tooltip), its length the share of the largest group.
import { h } from "../shared/dom.js";
import { count, formatMoney, magnitude } from "../shared/format.js";
import { groupText, type Summary } from "./summary.js";

export function bars(summary: Summary, title: string): HTMLElement {
  const largest = Math.max(...summary.groups.map((g) => magnitude(g.total.value)), 0);
  const items = summary.groups.map((group) => {
    const share = largest > 0 ? Math.max(0.5, (magnitude(group.total.value) / largest) * 100) : 0;
    const said = groupText(group);
    return h(
      "li",
      { class: "bar", title: said, tabindex: 0, "aria-label": said },
      h("span", { class: "label" }, group.label),
      h("span", { class: "value amount" }, formatMoney(group.total)),
      h("span", { class: "track", "aria-hidden": "true" }, h("span", { class: "fill", style: `width: ${share.toFixed(2)}%` })),
      h("span", { class: "count" }, count(group.count, "transaction")),
    );
  });
  return h("ol", { class: "bars", "aria-label": title, "aria-describedby": "caption" }, ...items);
}
