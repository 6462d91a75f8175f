// The write confirmation card (lock_card, unlock_card, update_card_limit): what changed on which
// card, before → after, and when. Two shapes of answer: a status change or a limit change.
import "../shared/base.css";
import "./style.css";
import { statusBadge } from "../shared/badge.js";
import { startView, type ViewState } from "../shared/bridge.js";
import { h, show, waiting } from "../shared/dom.js";
import { formatMoney, words } from "../shared/format.js";
import { hostTimeZone } from "../shared/theme.js";

interface Money {
  value: string;
  currency: string;
}

interface Limit {
  amount: Money;
  period: string;
}

interface Change {
  card: { last4: string; cardholder: { name: string }; status: string };
  changedAt?: string;
  previousStatus?: string;
  pending?: boolean;
  before?: Limit;
  after?: Limit;
  changed?: { amount: boolean; period: boolean };
}

function limit(value: Limit): HTMLElement {
  return h("span", {}, h("span", { class: "amount" }, formatMoney(value.amount)), " ", words(value.period));
}

/** The heading and the two sides of the change. */
function describe(change: Change): { heading: string; before: Node; after: Node; kind: string } {
  if (change.before && change.after) {
    const same = change.changed ? !change.changed.amount && !change.changed.period : false;
    return { heading: same ? "Limit unchanged" : "Limit changed", before: limit(change.before), after: limit(change.after), kind: same ? "same" : "done" };
  }
  const before = change.previousStatus;
  const now = change.card.status;
  if (change.pending) return { heading: "Change requested, not applied yet", before: statusBadge(before), after: statusBadge(now), kind: "pending" };
  const heading = before === now ? `Already ${words(now)}; nothing changed` : now === "LOCKED" ? "Card locked" : now === "ACTIVE" ? "Card unlocked" : `Card ${words(now)}`;
  return { heading, before: statusBadge(before), after: statusBadge(now), kind: before === now ? "same" : "done" };
}

function when(iso: string | undefined, timeZone: string | undefined, locale: string | undefined): Node {
  if (!iso) return document.createTextNode("—");
  const format = new Intl.DateTimeFormat(locale ?? "en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short", ...(timeZone ? { timeZone } : {}) });
  return h("time", { datetime: iso }, format.format(new Date(iso)));
}

function draw(state: ViewState): void {
  const pending = waiting(state);
  if (pending) return show(pending);
  const change = state.result!.structuredContent as unknown as Change;
  const said = describe(change);
  show(
    h("article", { class: `confirmation ${said.kind}`, "aria-labelledby": "heading" },
      h("h1", { id: "heading" }, said.heading),
      h("p", { class: "card" }, h("strong", {}, `•••• ${change.card.last4}`), ` · ${change.card.cardholder.name}`),
      h("dl", { class: "change" },
        h("div", {}, h("dt", {}, "Before"), h("dd", {}, said.before)),
        h("div", { class: "arrow", "aria-hidden": "true" }, "→"),
        h("div", {}, h("dt", {}, "After"), h("dd", {}, said.after))),
      h("p", { class: "caption" }, "When: ", when(change.changedAt, hostTimeZone(state.context), state.context.locale))),
  );
}

startView("clara-write-confirmation", draw);
