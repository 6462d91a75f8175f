// The cards table (list_cards): last 4 digits, cardholder, status as a badge (a locked card's row
// marked too), limit and what was spent in the current limit period.
import "../shared/base.css";
import "./style.css";
import { statusBadge } from "../shared/badge.js";
import { startView, type ViewState } from "../shared/bridge.js";
import { h, show, waiting } from "../shared/dom.js";
import { count, formatMoney, MISSING, words } from "../shared/format.js";

interface Money {
  value: string;
  currency: string;
}

interface Card {
  id: string;
  last4: string;
  cardholder: { name: string };
  status: string;
  spendingLimit?: { amount: Money; period: string };
  spentThisPeriod?: Money;
}

interface CardList {
  data: Card[];
  returned: number;
  totalItems?: number;
}

function row(card: Card): HTMLTableRowElement {
  const limit = card.spendingLimit;
  // Explicit roles: on narrow screens the rows are laid out as blocks, and must stay a table to a screen reader.
  return h(
    "tr",
    { role: "row", class: card.status === "LOCKED" ? "locked" : undefined, "data-card": card.id },
    h("th", { role: "rowheader", scope: "row", class: "last4" }, `•••• ${card.last4}`),
    h("td", { role: "cell", class: "holder" }, card.cardholder.name),
    h("td", { role: "cell", class: "status" }, statusBadge(card.status)),
    h("td", { role: "cell", class: "money limit", "data-label": "Limit" }, limit ? h("span", { class: "amount" }, formatMoney(limit.amount)) : MISSING, limit ? h("span", { class: "period" }, words(limit.period)) : undefined),
    h("td", { role: "cell", class: "money spent", "data-label": "Spent this period" }, h("span", { class: "amount" }, card.spentThisPeriod ? formatMoney(card.spentThisPeriod) : MISSING)),
  );
}

function draw(state: ViewState): void {
  const pending = waiting(state);
  if (pending) return show(pending);
  const list = state.result!.structuredContent as unknown as CardList;
  const locked = list.data.filter((c) => c.status === "LOCKED").length;
  const shown = list.totalItems !== undefined && list.totalItems !== list.returned ? `${list.returned} of ${count(list.totalItems, "card")}` : count(list.returned, "card");
  const summary = `${shown}${locked > 0 ? ` · ${locked} locked` : ""}`;
  if (list.data.length === 0) return show(h("h1", {}, "Cards"), h("p", { class: "note" }, "No card matches."));
  const head = h("thead", { role: "rowgroup" }, h("tr", { role: "row" }, ...["Card", "Cardholder", "Status", "Limit", "Spent this period"].map((name) => h("th", { role: "columnheader", scope: "col" }, name))));
  show(
    h("h1", {}, "Cards"),
    h("p", { class: "caption", id: "caption" }, summary),
    h("div", { class: "scroll" }, h("table", { role: "table", "aria-describedby": "caption" }, h("caption", { class: "visually-hidden" }, "Cards"), head, h("tbody", { role: "rowgroup" }, ...list.data.map(row)))),
  );
}

startView("clara-cards-table", draw);
