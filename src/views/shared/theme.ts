// The host's look: its theme (light or dark) and, when it gives them, its CSS variables, which the
// views' style sheets read before their own defaults (shared/base.css).
import type { McpUiHostContext } from "@modelcontextprotocol/ext-apps";

export function applyContext(context: McpUiHostContext): void {
  const root = document.documentElement;
  const theme = context.theme === "dark" ? "dark" : "light";
  root.dataset.theme = theme;
  root.style.colorScheme = theme;
  for (const [name, value] of Object.entries(context.styles?.variables ?? {})) {
    if (name.startsWith("--") && typeof value === "string") root.style.setProperty(name, value);
  }
  if (context.locale) root.lang = context.locale;
}

/** The host's time zone when it names a valid one, so times read as the user's clock does. */
export function hostTimeZone(context: McpUiHostContext): string | undefined {
  if (!context.timeZone) return undefined;
  try {
    new Intl.DateTimeFormat("en", { timeZone: context.timeZone });
    return context.timeZone;
  } catch {
    return undefined;
  }
}
