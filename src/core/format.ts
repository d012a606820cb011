// How numbers and dates are written for readers. Pure string code with no Node import: the
// templates (as filters) and the browser bundles (search results) share it.
import { strings } from "./strings.ts";

/** Whole numbers in Vietnamese style: 9638 → "9.638". */
export function formatNumber(value: number): string {
  return String(Math.trunc(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

const VIETNAM_ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;

/**
 * "Thứ Ba, 20/09/2011 09:05", the one style of date-time shown to readers, from an ISO date-time
 * already in Vietnam time (as the content model stores every date): its wall-clock fields are read
 * as written, so no time-zone data is needed here. Empty for anything else.
 */
export function formatDateTime(vietnamIso: string): string {
  const match = VIETNAM_ISO.exec(vietnamIso);
  if (!match) return "";
  const [, year, month, day, hour, minute] = match as unknown as [string, string, string, string, string, string];
  // The weekday depends only on the calendar date; Monday is the first of strings.weekdays.
  const weekday = (new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))).getUTCDay() + 6) % 7;
  return `${strings.weekdays[weekday]}, ${day}/${month}/${year} ${hour}:${minute}`;
}

/** "20/09/2011", from an ISO date-time in Vietnam time. */
export function formatDate(vietnamIso: string): string {
  const match = VIETNAM_ISO.exec(vietnamIso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : "";
}
