// Reading a content file's bytes: UTF-8 only, and a problem that says where and why otherwise.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeContentFile, firstInvalidUtf8 } from "../../src/content/file-text.ts";
import { setLanguage } from "../../src/core/messages.ts";

// These tests are about what is found, not its wording: they read the messages in English.
beforeAll(() => setLanguage("en"));

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((part) => (typeof part === "string" ? [...utf8(part)] : part)));

/** UTF-16 bytes of a string, in either order, with or without a byte-order mark. */
function utf16(text: string, order: "le" | "be", bom: boolean): Uint8Array {
  const units = [...(bom ? "\uFEFF" : ""), ...text].flatMap((character) => [...character].map((unit) => unit.charCodeAt(0)));
  return new Uint8Array(units.flatMap((unit) => (order === "le" ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff])));
}

const ARTICLE = '---\ntitle: "Tin tức"\n---\nNội dung.\n';

describe("decodeContentFile", () => {
  it("reads UTF-8, with or without a byte-order mark, and keeps tabs and CRLF", () => {
    expect(decodeContentFile(utf8(ARTICLE))).toEqual({ ok: true, text: ARTICLE });
    expect(decodeContentFile(bytes([0xef, 0xbb, 0xbf], ARTICLE))).toEqual({ ok: true, text: ARTICLE });
    expect(decodeContentFile(utf8("---\r\na:\t1\r\n"))).toEqual({ ok: true, text: "---\r\na:\t1\r\n" });
  });

  it.each([
    ["little-endian with a byte-order mark", utf16(ARTICLE, "le", true), "little-endian"],
    ["big-endian with a byte-order mark", utf16(ARTICLE, "be", true), "big-endian"],
    ["little-endian without one", utf16(ARTICLE, "le", false), "little-endian"],
    ["big-endian without one", utf16(ARTICLE, "be", false), "big-endian"],
  ])("says a file is UTF-16 (%s) rather than that it has no front matter", (_kind, input, order) => {
    expect(decodeContentFile(input)).toEqual({ ok: false, message: `saved as UTF-16 (${order}), which bantin does not read; save it as UTF-8 (in the editor: Save with Encoding → UTF-8)` });
  });

  it.each<[string, Uint8Array, number, number, string]>([
    ["a byte that starts nothing", bytes('---\ntitle: "A', [0xff], '"\n'), 2, 13, "FF 22 0A"],
    ["a lone continuation byte", bytes("---\n\n\nab", [0x80]), 4, 8, "80"],
    ["an overlong encoding", bytes("---\n", [0xc0, 0xaf]), 2, 4, "C0 AF"],
    ["an encoded surrogate", bytes("---\n", [0xed, 0xa0, 0x80]), 2, 4, "ED A0 80"],
    ["a sequence cut off by the end of the file", bytes("---\nTin t", [0xe1, 0xbb]), 2, 9, "E1 BB"],
    ["Windows-1258 (ứ is F9 there)", bytes('---\ntitle: "Tin t', [0xf9], 'c"\n'), 2, 17, "F9 63 22 0A"],
    ["a real U+FFFD before the bad byte", bytes("---\n\uFFFD x", [0xfe]), 2, 9, "FE"],
  ])("names the line and byte of invalid UTF-8: %s", (_kind, input, line, offset, found) => {
    expect(decodeContentFile(input)).toEqual({
      ok: false,
      line,
      message: `not valid UTF-8: line ${line} holds bytes that are no UTF-8 character (${found} at byte offset ${offset}); save it as UTF-8 (in the editor: Save with Encoding → UTF-8)`,
    });
  });

  it.each([
    ["NUL", "\u0000", "U+0000"],
    ["a C0 control", "\u0001", "U+0001"],
    ["a form feed", "\f", "U+000C"],
    ["DEL", "\u007f", "U+007F"],
    ["a C1 control (a Windows-1252 quote read as Latin-1)", "\u0093", "U+0093"],
    ["a noncharacter", "\uFFFE", "U+FFFE"],
  ])("refuses %s, which no feed can carry", (_kind, character, name) => {
    expect(decodeContentFile(utf8(`---\ntitle: "A"\n---\n\nx${character}y\n`))).toEqual({
      ok: false,
      line: 5,
      message: `holds the control character ${name} (line 5), which pages and feeds cannot carry; remove it`,
    });
  });
});

describe("firstInvalidUtf8", () => {
  /** The longest prefix that decodes: where the first invalid sequence starts. */
  function reference(input: Uint8Array): number {
    const decodes = (end: number) => {
      try {
        new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(input.subarray(0, end));
        return true;
      } catch {
        return false;
      }
    };
    if (decodes(input.length)) return input.length;
    let longest = 0;
    for (let end = 1; end <= input.length; end++) if (decodes(end)) longest = end;
    return longest;
  }

  it("finds where the first invalid sequence starts, for any bytes", () => {
    // Mostly bytes that take part in UTF-8 (EF BF BD among them), so that valid sequences occur too.
    const byte = fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.constantFrom(0x80, 0xa0, 0xbb, 0xbd, 0xbf, 0xc3, 0xe1, 0xed, 0xef, 0xf0, 0xf4, 0xff));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 24 }), (values) => {
        const input = new Uint8Array(values);
        expect(firstInvalidUtf8(input)).toBe(reference(input));
      }),
      { numRuns: 2000 },
    );
  });
});
