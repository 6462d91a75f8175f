// The spending chart (summarize_spending): bars by category, merchant, cardholder or card; a line
// by day or month. Every amount is the API's exact decimal with its currency; the caption says the
// period and the company's time zone.
import "../shared/base.css";
import "./style.css";
import { startView, type ViewState } from "../shared/bridge.js";
import { h, show, waiting } from "../shared/dom.js";
import { count, day, formatMoney } from "../shared/format.js";
import { bars } from "./bars.js";
import { line } from "./line.js";
import type { Summary } from "./summary.js";

function draw(state: ViewState): void {
  const pending = waiting(state);
  if (pending) return show(pending);
  const summary = state.result!.structuredContent as unknown as Summary;
  const locale = state.context.locale;
  const title = `Spending by ${summary.groupBy}`;
  const caption = h(
    "p",
    { class: "caption", id: "caption" },
    `${day(summary.from, locale)} – ${day(summary.to, locale)} · time zone ${summary.timeZone} · `,
    h("span", { class: "amount" }, `${formatMoney(summary.totals.total)}`),
    ` in ${count(summary.totals.count, "transaction")}`,
  );
  const chart = summary.groups.length === 0
    ? h("p", { class: "note" }, "No spending in this period.")
    : summary.groupBy === "day" || summary.groupBy === "month"
      ? line(summary, title, locale)
      : bars(summary, title);
  show(h("h1", {}, title), caption, chart);
}

startView("clara-spending-chart", draw);
