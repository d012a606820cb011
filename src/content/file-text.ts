// Content files are UTF-8. A lenient read turns a damaged or differently encoded file into text
// full of U+FFFD (or, for UTF-16, into "no front matter") without a word; reading strictly turns
// it into a problem that says where the file goes wrong and how to save it.
import { say } from "../core/messages.ts";

export type FileText = { ok: true; text: string } | { ok: false; line?: number; message: string };

/**
 * Characters no page or feed may carry: C0 controls other than tab, line feed and carriage return,
 * DEL, C1 controls (often Windows-1252 quotes read as Latin-1), and the noncharacters U+FFFE/U+FFFF.
 * XML 1.0 forbids them, so one would break the Atom feeds; HTML parsers report them as errors.
 */
export const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/;

/** U+0001, as messages name a character. */
export function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The bytes of a content file as text: UTF-8 with or without a byte-order mark, nothing else. */
export function decodeContentFile(bytes: Uint8Array): FileText {
  const utf16 = utf16Order(bytes);
  if (utf16) return { ok: false, message: say("savedAsUtf16", { order: utf16, advice: say("saveAsUtf8") }) };
  let text: string;
  try {
    // The decoder drops a leading byte-order mark, which some Windows editors write.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const line = lineAt(bytes, offset);
    const found = [...bytes.subarray(offset, offset + 4)].map((byte) => byte.toString(16).toUpperCase().padStart(2, "0")).join(" ");
    return { ok: false, line, message: say("notUtf8", { line: String(line), bytes: found, offset: String(offset), advice: say("saveAsUtf8") }) };
  }
  const forbidden = FORBIDDEN_CHARACTER.exec(text);
  if (forbidden) {
    const line = text.slice(0, forbidden.index).split("\n").length;
    return { ok: false, line, message: say("controlCharacterInFile", { codePoint: codePoint(forbidden[0]), line: String(line) }) };
  }
  return { ok: true, text };
}

/**
 * "little-endian" or "big-endian" for UTF-16: a byte-order mark, or NUL in every other byte of the
 * first two characters (a content file starts with `---`, whose UTF-16 bytes are `2D 00 2D 00`).
 */
function utf16Order(bytes: Uint8Array): string | undefined {
  const [b0, b1, b2, b3] = bytes;
  if ((b0 === 0xff && b1 === 0xfe) || (b0 !== 0 && b1 === 0 && b2 !== 0 && b3 === 0)) return "little-endian";
  if ((b0 === 0xfe && b1 === 0xff) || (b0 === 0 && b1 !== 0 && b2 === 0 && b3 !== 0)) return "big-endian";
  return undefined;
}

/**
 * Byte offset of the first sequence that is not UTF-8. A lenient decode puts U+FFFD in its place;
 * everything before it is valid UTF-8 and encodes back to the same bytes, which gives the offset.
 * A U+FFFD the file really holds (EF BF BD) is passed over.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  const encoder = new TextEncoder();
  let offset = 0;
  let from = 0;
  for (let index = text.indexOf("\uFFFD"); index >= 0; index = text.indexOf("\uFFFD", index + 1)) {
    offset += encoder.encode(text.slice(from, index)).length;
    if (bytes[offset] !== 0xef || bytes[offset + 1] !== 0xbf || bytes[offset + 2] !== 0xbd) return offset;
    offset += 3;
    from = index + 1;
  }
  return bytes.length;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index++) if (bytes[index] === 0x0a) line++;
  return line;
}
