// HTML built by one tagged template: every interpolated value is escaped unless it is itself
// markup made by `html`, so no page can forget to escape a name, an email or a token.

/** Markup that is already safe to send: only `html` makes it. */
export class Html {
  private constructor(readonly text: string) {}

  /** @internal Only `html` calls this. */
  static fromTemplate(text: string): Html {
    return new Html(text);
  }

  toString(): string {
    return this.text;
  }
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text for element content and for double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

type Value = Html | string | number | null | undefined | false | readonly Value[];

function render(value: Value): string {
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join("");
  if (value === null || value === undefined || value === false) return "";
  return escapeHtml(String(value));
}

/** html`<p>${name}</p>`: strings and numbers are escaped, Html and arrays of it are kept, null/false are dropped. */
export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? "");
  });
  return Html.fromTemplate(out);
}
