// Bytes of a captured page → text. A capture keeps the encoding it was saved in, whatever that
// was: this decides which it is, and says so when it is not UTF-8.
import iconv from "iconv-lite";
import { firstInvalidUtf8 } from "../content/file-text.ts";
import { legacyEncodingReason, legacyVietnameseEncoding } from "./legacy-encodings.ts";

export type Decoded = { ok: true; text: string; encoding: string; warning?: string } | { ok: false; reason: string };

/**
 * Bytes → text. Order: a byte-order mark decides; then UTF-16 without one, recognised by NUL
 * bytes in every other position (ASCII and most Vietnamese letters with no tone mark are U+00xx);
 * then any other NUL means a binary file; then strict UTF-8; then TCVN3 and VNI, refused by name;
 * then Windows-1258, the legacy Vietnamese Windows code page, said in a warning. Windows-1258
 * spells tone marks as combining characters, which parseCapture composes (NFC).
 */
export function decodeCapture(bytes: Uint8Array): Decoded {
  const fail = (reason: string): Decoded => ({ ok: false, reason });
  if (bytes.length === 0) return fail("empty file");
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    const text = strictDecode("utf-8", bytes.subarray(3));
    if (text === undefined) return fail(`invalid UTF-8 at byte ${firstInvalidUtf8(bytes)}, although the file starts with a UTF-8 byte-order mark`);
    return { ok: true, text, encoding: "UTF-8 with BOM" };
  }
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const encoding = b0 === 0xff ? "utf-16le" : "utf-16be";
    return utf16(bytes.subarray(2), encoding, "byte-order mark");
  }
  const sniffed = sniffUtf16(bytes);
  if (sniffed) return utf16(bytes, sniffed, "no byte-order mark; every other byte is NUL");
  if (bytes.includes(0)) return fail("binary file (contains NUL bytes), not a captured page");

  const text = strictDecode("utf-8", bytes);
  if (text !== undefined) return { ok: true, text, encoding: "UTF-8" };
  const { valid, invalid } = utf8Sequences(bytes);
  // Windows-1258 text almost never forms a valid multi-byte UTF-8 sequence by chance; a file full
  // of them with a few broken ones is damaged UTF-8, and reading it as Windows-1258 would garble it.
  if (valid > invalid) return fail(`invalid UTF-8 at byte ${firstInvalidUtf8(bytes)}; the rest of the file is UTF-8, so it looks damaged (fix or re-save it as UTF-8)`);
  // Windows-1258 reads TCVN3 and VNI as garbled text without an error: name them before trying it.
  const legacy = legacyVietnameseEncoding(bytes);
  if (legacy) return fail(legacyEncodingReason(legacy));
  const text1258 = iconv.decode(Buffer.from(bytes), "windows1258");
  if (text1258.includes("\uFFFD")) return fail("neither UTF-8 nor Windows-1258: it holds bytes that mean nothing in Windows-1258 (a binary file, or another encoding)");
  return { ok: true, text: text1258, encoding: "Windows-1258", warning: "not valid UTF-8; read as Windows-1258" };
}

function utf16(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be", why: string): Decoded {
  const name = encoding === "utf-16le" ? "UTF-16LE" : "UTF-16BE";
  const text = strictDecode(encoding, bytes);
  if (text === undefined) return { ok: false, reason: `invalid ${name} (${why})` };
  return { ok: true, text, encoding: name, warning: `read as ${name} (${why})` };
}

function strictDecode(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    // ignoreBOM keeps a BOM in the text rather than silently dropping it; normalisation removes it.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * UTF-16 without a byte-order mark: in Vietnamese text most characters are U+00xx, so one byte of
 * each pair is NUL and the other almost never is (only U+xx00 characters such as the combining
 * grave accent of NFD text). A binary file has NULs scattered over both positions.
 */
function sniffUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < bytes.length; index += 2) {
    if (bytes[index] === 0) evenZeros++;
    if (bytes[index + 1] === 0) oddZeros++;
  }
  const pairs = bytes.length / 2;
  if (oddZeros >= pairs * 0.25 && evenZeros * 10 <= oddZeros) return "utf-16le";
  if (evenZeros >= pairs * 0.25 && oddZeros * 10 <= evenZeros) return "utf-16be";
  return undefined;
}

/** Counts well-formed multi-byte UTF-8 sequences and bytes that start none. */
function utf8Sequences(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let index = 0; index < bytes.length; ) {
    const length = utf8SequenceLength(bytes, index);
    if (length > 1) valid++;
    else if (length === 0) invalid++;
    index += Math.max(length, 1);
  }
  return { valid, invalid };
}

/** Length of the well-formed UTF-8 sequence at `index`, 0 when there is none. */
function utf8SequenceLength(bytes: Uint8Array, index: number): number {
  const lead = bytes[index]!;
  if (lead < 0x80) return 1;
  const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (length === 0) return 0;
  const second = bytes[index + 1];
  if (second === undefined) return 0;
  // The second byte's range excludes overlong forms, surrogates and code points above U+10FFFF.
  const [low, high] = lead === 0xe0 ? [0xa0, 0xbf] : lead === 0xed ? [0x80, 0x9f] : lead === 0xf0 ? [0x90, 0xbf] : lead === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
  if (second < low || second > high) return 0;
  for (let offset = 2; offset < length; offset++) {
    const next = bytes[index + offset];
    if (next === undefined || next < 0x80 || next > 0xbf) return 0;
  }
  return length;
}
