// Elements made from data: text is always set as text, so an API value can never become markup.

type Child = Node | string | false | null | undefined;
type Attributes = Record<string, string | number | boolean | undefined>;

function fill<E extends Element>(element: E, attributes: Attributes, children: Child[]): E {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) if (child !== false && child !== null && child !== undefined) element.append(child);
  return element;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  return fill(document.createElement(tag), attributes, children);
}

// The SVG namespace, read from the parser rather than written out, so a page names no URL at all.
let svgNamespace: string | undefined;
function namespace(): string {
  if (!svgNamespace) {
    const probe = document.createElement("div");
    probe.innerHTML = "<svg></svg>";
    svgNamespace = probe.firstElementChild!.namespaceURI!;
  }
  return svgNamespace;
}

export function s(tag: string, attributes: Attributes = {}, ...children: Child[]): SVGElement {
  return fill(document.createElementNS(namespace(), tag) as SVGElement, attributes, children);
}

/** Replaces what the view shows. */
export function show(...children: Child[]): void {
  document.getElementById("view")!.replaceChildren(...children.filter((c): c is Node | string => Boolean(c)));
}

/** What a view shows before its data comes, when the call was cancelled, or when it failed. */
export function waiting(state: { result?: { isError?: boolean; content?: { type: string; text?: string }[]; structuredContent?: unknown }; cancelled?: boolean }): Node | undefined {
  if (state.cancelled && !state.result) return h("p", { class: "note" }, "The call was cancelled.");
  if (!state.result) return h("p", { class: "note", role: "status" }, "Waiting for the result…");
  if (state.result.isError || !state.result.structuredContent) {
    const text = (state.result.content ?? []).filter((c) => c.type === "text").map((c) => c.text).join("\n");
    return h("p", { class: "problem", role: "alert" }, text || "The call answered nothing to show.");
  }
  return undefined;
}
