// A card's status as a coloured badge; a locked card carries a padlock too, so it reads without colour.
import { h, s } from "./dom.js";
import { capitalised } from "./format.js";

export function statusBadge(status: unknown): HTMLElement {
  const kind = typeof status === "string" ? status.toLowerCase() : "unknown";
  const padlock = status === "LOCKED" ? s("svg", { viewBox: "0 0 16 16", "aria-hidden": "true" }, s("path", { d: "M4 7V5a4 4 0 1 1 8 0v2h1v8H3V7h1zm2 0h4V5a2 2 0 1 0-4 0v2z" })) : undefined;
  return h("span", { class: `badge ${kind}` }, padlock, capitalised(status));
}
