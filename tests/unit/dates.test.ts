import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { isoDateTime, parseArticleDate, vietnamIso, vnDate, ZONE } from "../../src/core/dates.ts";
import { setLanguage } from "../../src/core/messages.ts";

function parse(text: string): string {
  const result = parseArticleDate(text);
  return result.ok ? isoDateTime(result.date) : `error: ${result.reason}`;
}

describe("parseArticleDate", () => {
  it.each([
    ["2011-09-20 09:05", "2011-09-20T09:05:00+07:00"],
    ["2011-09-20 09:05:30", "2011-09-20T09:05:30+07:00"],
    ["2011-09-20", "2011-09-20T00:00:00+07:00"],
    ["2011-09-20 00:30", "2011-09-20T00:30:00+07:00"],
    ["2011-09-20T00:30", "2011-09-20T00:30:00+07:00"],
    ["2011-09-20T09:05:00+07:00", "2011-09-20T09:05:00+07:00"],
    ["2011-09-19T17:30:00Z", "2011-09-20T00:30:00+07:00"],
    ["2011-09-19T17:30:00.000Z", "2011-09-20T00:30:00+07:00"],
    ["2011-09-20T03:30:00+01:00", "2011-09-20T09:30:00+07:00"],
    ["  2011-09-20 09:05  ", "2011-09-20T09:05:00+07:00"],
    ["9999-12-31 23:59", "9999-12-31T23:59:00+07:00"],
  ])("reads %s as %s", (text, iso) => {
    expect(parse(text)).toBe(iso);
  });

  it.each([
    ["2011-02-30", /^error: không phải ngày giờ có thật \(không có ngày 30\)$/],
    ["2011-09-20 24:30", /^error: không phải ngày giờ có thật \(không có giờ 24\)$/],
    ["2011-13-01", /^error: không phải ngày giờ có thật \(không có tháng 13\)$/],
    ["20/09/2011", /^error: không nhận ra dạng ngày giờ$/],
    ["20 Tháng Chín 2011", /^error: không nhận ra dạng ngày giờ$/],
    ["hôm qua", /^error: không nhận ra dạng ngày giờ$/],
    ["2011-09-20T09:05:00+25:00", /^error: không phải ngày giờ có thật/],
    // Years no URL (/YYYY/), feed or <input type="date"> can carry: typos, not articles.
    ["0000-01-01 08:00", /^error: năm 0 nằm ngoài khoảng 1000–9999$/],
    ["0999-12-31 23:59", /^error: năm 999 nằm ngoài khoảng 1000–9999$/],
    ["+099999-01-01T08:00:00+07:00", /^error: năm 99999 nằm ngoài khoảng 1000–9999$/],
    ["-000001-01-01T08:00:00+07:00", /^error: năm -1 nằm ngoài khoảng 1000–9999$/],
    ["9999-12-31T23:00:00Z", /^error: năm 10000 nằm ngoài khoảng 1000–9999$/],
    ["99999-01-01 08:00", /^error: không nhận ra dạng ngày giờ$/],
  ])("refuses %s", (text, message) => {
    expect(parse(text)).toMatch(message);
  });

  it.each([
    ["2011-02-30", "error: not a real date or time (you specified 30 (of type number) as a day, which is invalid)"],
    ["20/09/2011", "error: unknown date format"],
    ["0999-12-31 23:59", "error: year 999 is outside 1000–9999"],
  ])("says why it refuses %s in English when asked", (text, message) => {
    setLanguage("en");
    try {
      expect(parse(text)).toBe(message);
    } finally {
      setLanguage("vi");
    }
  });
});

describe("the range of years", () => {
  it("takes every four-digit year from 1000", () => {
    for (const [text, year] of [["1000-01-01 00:00", 1000], ["2011-09-20", 2011], ["9999-12-31 23:59", 9999]] as const) {
      const result = parseArticleDate(text);
      expect(result.ok && result.date.year, text).toBe(year);
    }
  });
});

describe("storing in Vietnam time", () => {
  it("keeps the Vietnamese day of a time written in another zone", () => {
    expect(isoDateTime(vnDate("2011-09-19T17:30:00Z"))).toBe("2011-09-20T00:30:00+07:00");
  });

  it("writes any ISO date-time as isoDateTime does, stored ones as they are", () => {
    const instants = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) });
    const zones = fc.constantFrom(ZONE, "UTC", "Asia/Tokyo", "America/New_York");
    fc.assert(
      fc.property(instants, zones, (millis, zone) => {
        const iso = DateTime.fromMillis(millis, { zone }).toISO({ suppressMilliseconds: true })!;
        expect(vietnamIso(iso)).toBe(isoDateTime(vnDate(iso)));
      }),
      { numRuns: 2000 },
    );
    // Before 1975 Vietnam's offset was +08:00 at times: a +07:00 time then is converted.
    expect(vietnamIso("1968-01-30T12:00:00+07:00")).toBe(isoDateTime(vnDate("1968-01-30T12:00:00+07:00")));
    expect(vietnamIso("1968-01-30T12:00:00+07:00")).not.toBe("1968-01-30T12:00:00+07:00");
  });
});
