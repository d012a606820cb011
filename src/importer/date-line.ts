// The date line of a capture: `<CATEGORY> <day> Tháng <month> <year> <h>:<mm>:<ss> <SA|CH>`
// (docs/capture-format.md). Pure.
import { fold } from "../core/text.ts";

/*
 * Every spelling of the months in docs/capture-format.md, keyed by their folded form so "THÁNG MƯỜI MỘT",
 * "tháng mười một" and "Thang Muoi Mot" all read the same. The folded forms do not collide.
 */
const MONTHS = new Map<string, number>(
  (
    [
      ["Giêng", 1],
      ["Một", 1],
      ["Hai", 2],
      ["Ba", 3],
      ["Tư", 4],
      ["Bốn", 4],
      ["Năm", 5],
      ["Sáu", 6],
      ["Bảy", 7],
      ["Tám", 8],
      ["Chín", 9],
      ["Mười", 10],
      ["Mười Một", 11],
      ["Mười Hai", 12],
      ["Chạp", 12],
    ] as const
  ).map(([name, month]) => [fold(name), month]),
);

/** Every word spelling of a month (for tests and error messages). */
export const MONTH_SPELLINGS: Readonly<Record<number, readonly string[]>> = {
  1: ["Giêng", "Một"],
  2: ["Hai"],
  3: ["Ba"],
  4: ["Tư", "Bốn"],
  5: ["Năm"],
  6: ["Sáu"],
  7: ["Bảy"],
  8: ["Tám"],
  9: ["Chín"],
  10: ["Mười"],
  11: ["Mười Một"],
  12: ["Mười Hai", "Chạp"],
};

/*
 * The date line, anchored at the end because the category before it is free text that may hold
 * words and digits of its own. The month is whatever stands between "Tháng" and the year, so
 * "Mười Một" is read whole (no risk of stopping at "Mười") and an unknown word gets a precise
 * reason instead of "no date line". Seconds are optional; AM/PM are accepted beside SA/CH.
 */
const DATE_LINE =
  /^(?:(?<category>.*\S)\s+)?(?<day>\d{1,2})\s+th[aá]ng\s+(?<month>\d{1,2}|[^\s\d][^\d]*?)\s*,?\s+(?<year>\d{4})\s*,?\s+(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2}))?\s*(?<period>SA|CH|AM|PM)$/iu;

export type DateLine = { ok: true; category: string; date: string; year: number; month: number } | { ok: false; reason: string };

/**
 * Reads `<CATEGORY> <day> Tháng <month> <year> <h>:<mm>:<ss> <SA|CH>`; undefined when the line
 * does not have that shape, a failure with a reason when it has the shape but not a real date.
 */
export function readDateLine(line: string): DateLine | undefined {
  const clean = line.normalize("NFC").trim();
  const match = DATE_LINE.exec(clean);
  if (!match?.groups) return undefined;
  const { category = "", day, month: monthText = "", year, hour, minute, second = "00", period = "" } = match.groups;
  const written = clean.slice(category.length).trim();
  const month = /^\d+$/.test(monthText) ? Number(monthText) : MONTHS.get(fold(monthText).replace(/\s+/g, " "));
  if (month === undefined) return { ok: false, reason: `unknown month "${monthText}" in "${written}"; expected a number or one of ${Object.values(MONTH_SPELLINGS).flat().join(", ")}` };
  if (month < 1 || month > 12) return { ok: false, reason: `month ${month} does not exist, in "${written}"` };

  const h = Number(hour);
  const pm = /^(CH|PM)$/i.test(period);
  // A 12-hour clock runs 12, 1, …, 11: 12:xx SA is just after midnight and 12:xx CH just after noon.
  // Some exports write midnight as 0:xx SA, which is unambiguous, so it is read too.
  if (h > 12 || (h === 0 && pm)) return { ok: false, reason: `hour ${hour} ${period} is not on a 12-hour clock, in "${written}"` };
  const hour24 = (h % 12) + (pm ? 12 : 0);
  const [m, s] = [Number(minute), Number(second)];
  if (m > 59 || s > 59) return { ok: false, reason: `time ${hour}:${minute}:${second} does not exist, in "${written}"` };

  // Plain calendar arithmetic: Vietnam time has had no daylight saving in the archive's years, so
  // every wall-clock time of a real day exists, and a time-zone lookup per page would only cost time.
  const dayOfMonth = Number(day);
  const days = daysInMonth(Number(year), month);
  if (dayOfMonth < 1 || dayOfMonth > days) return { ok: false, reason: `impossible date "${written}": month ${month} of ${year} has ${days} days` };
  if (!/\p{L}/u.test(category)) return { ok: false, reason: `no category before the date in "${clean}"` };
  const pad = (value: number | string) => String(value).padStart(2, "0");
  return { ok: true, category: category.trim(), date: `${year}-${pad(month)}-${pad(dayOfMonth)} ${pad(hour24)}:${pad(m)}:${pad(s)}`, year: Number(year), month };
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}
