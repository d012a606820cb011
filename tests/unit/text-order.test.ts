import { describe, expect, it } from "vitest";
import { byCodePoints, byCodeUnits } from "../../src/core/text.ts";

const utf8Order = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

describe("byCodePoints", () => {
  it("orders as UTF-8 bytes do, also past U+FFFF where UTF-16 code units order otherwise", () => {
    const words = ["đ", "d", "dang", "đảng", "da", "", "a", "\u{FF21}", "\u{1F600}", "\u{E000}", "z\u{10000}", "z\u{FFFF}", "hòa", "hoà", "hoa"];
    const sorted = [...words].sort(byCodePoints);
    expect(sorted).toEqual([...words].sort(utf8Order));
    // The case that makes the two orders differ: a surrogate pair against a code unit above it.
    expect(byCodeUnits("\u{1F600}", "\u{FF21}")).toBeLessThan(0);
    expect(byCodePoints("\u{1F600}", "\u{FF21}")).toBeGreaterThan(0);
  });

  it("puts a prefix first and finds equal strings equal", () => {
    expect(byCodePoints("hoa", "hoan")).toBeLessThan(0);
    expect(byCodePoints("hoan", "hoa")).toBeGreaterThan(0);
    expect(byCodePoints("đường", "đường")).toBe(0);
  });
});
