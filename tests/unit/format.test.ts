import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { isoDateTime, ZONE } from "../../src/core/dates.ts";
import { formatDate, formatDateTime, formatNumber } from "../../src/core/format.ts";
import { strings } from "../../src/core/strings.ts";

describe("formatNumber", () => {
  it.each([
    [0, "0"],
    [999, "999"],
    [9638, "9.638"],
    [1234567, "1.234.567"],
    [12.9, "12"],
  ])("%d → %s", (value, expected) => expect(formatNumber(value)).toBe(expected));
});

describe("formatDateTime and formatDate", () => {
  it("show weekday, day/month/year and 24-hour time of a Vietnam-time ISO date", () => {
    expect(formatDateTime("2011-09-20T09:05:00+07:00")).toBe("Thứ Ba, 20/09/2011 09:05");
    expect(formatDateTime("2011-09-25T22:00:00+07:00")).toBe("Chủ Nhật, 25/09/2011 22:00");
    expect(formatDate("2011-09-20T09:05:00+07:00")).toBe("20/09/2011");
  });

  it("name every weekday of a week, Monday first", () => {
    const week = Array.from({ length: 7 }, (_, index) => formatDateTime(`2011-09-${19 + index}T08:00:00+07:00`).split(",")[0]);
    expect(week).toEqual([...strings.weekdays]);
  });

  it("are empty for text that is not an ISO date-time", () => {
    expect(formatDateTime("20/09/2011")).toBe("");
    expect(formatDate("")).toBe("");
  });

  it("agree with luxon's Vietnam time for any stored date, midnight and other zones included", () => {
    const instants = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) });
    fc.assert(
      fc.property(instants, (millis) => {
        const date = DateTime.fromMillis(millis, { zone: ZONE });
        const iso = isoDateTime(DateTime.fromMillis(millis, { zone: "UTC" }));
        expect(formatDateTime(iso)).toBe(`${strings.weekdays[date.weekday - 1]}, ${date.toFormat("dd/MM/yyyy HH:mm")}`);
        expect(formatDate(iso)).toBe(date.toFormat("dd/MM/yyyy"));
      }),
    );
  });
});
