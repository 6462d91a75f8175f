// Period presets ("last_month") turned into the from/to dates the API takes, in the company's zone.
import type { PeriodEntry } from "../../../generated/table.js";
import { isPeriodPreset, resolvePeriod, todayIn } from "../../calendar/index.js";

export interface PeriodInfo {
  /** "" when only an end was given: the range then starts with the oldest data. */
  from: string;
  to: string;
  timeZone: string;
  preset: string | null;
}

export interface PeriodOutcome {
  info: PeriodInfo;
  /** True when no period was asked for and the tool's default preset was used. */
  defaulted: boolean;
}

export interface PeriodSettings {
  timeZone: string;
  statementDay: number;
  now?: Date;
}

/**
 * Fills `args[from]`/`args[to]` from the preset argument (or the default) and removes the preset.
 * Returns the period used, undefined when none applies, or an error sentence.
 */
export function applyPeriod(
  entry: PeriodEntry,
  args: Record<string, unknown>,
  settings: PeriodSettings,
): PeriodOutcome | undefined | { error: string } {
  const asked = args[entry.arg];
  delete args[entry.arg];
  const from = args[entry.from];
  const to = args[entry.to];
  const hasRange = from !== undefined || to !== undefined;
  if (asked !== undefined && hasRange) {
    return { error: `Give either "${entry.arg}" or "${entry.from}"/"${entry.to}", not both.` };
  }
  if (hasRange) {
    // An open end means "through today": sent as such, so the range stated is the range used.
    if (to === undefined) args[entry.to] = todayIn(settings.timeZone, settings.now);
    return {
      info: { from: from === undefined ? "" : String(from), to: String(args[entry.to]), timeZone: settings.timeZone, preset: null },
      defaulted: false,
    };
  }
  const preset = asked ?? entry.default;
  if (preset === undefined) return undefined;
  if (typeof preset !== "string" || !isPeriodPreset(preset)) {
    return { error: `"${entry.arg}" must be a known period preset; "${String(preset)}" is not one.` };
  }
  const range = resolvePeriod(preset, {
    today: todayIn(settings.timeZone, settings.now),
    statementDay: settings.statementDay,
  });
  args[entry.from] = range.from;
  args[entry.to] = range.to;
  return {
    info: { from: range.from, to: range.to, timeZone: settings.timeZone, preset },
    defaulted: asked === undefined,
  };
}

/** "2026-10-06 to 2026-11-05 (America/Mexico_City), the current billing period, used because no period was given." */
export function describePeriod(outcome: PeriodOutcome): string {
  const { from, to, timeZone, preset } = outcome.info;
  const range = !from ? `until ${to}` : from === to ? from : `${from} to ${to}`;
  const named = preset ? `, ${preset.replace(/_/g, " ")}` : "";
  const why = outcome.defaulted ? ", used by default because no period was given" : "";
  return `Period: ${range} (${timeZone})${named}${why}.`;
}
