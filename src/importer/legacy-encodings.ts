// The Vietnamese 8-bit encodings of the fonts before Unicode, TCVN3 and VNI, recognised so that a
// capture saved in one is refused with its name. They are not decoded: a capture is never guessed
// at (docs/capture-format.md), and Windows-1258 would read either as garbled text without an error.

export type LegacyEncoding = "TCVN3" | "VNI";

/*
 * TCVN3 (ABC), the VN3 table of TCVN 5712:1993, writes the letters of Vietnamese with a single
 * byte each in 0xA1–0xFE: ă â ê ô ơ ư đ, their capitals and most toned letters (à 0xB5, á 0xB8, …)
 * are in 0xA1–0xBF, where Windows-1258 has only symbols (¡ ¢ … ¿) that text never puts inside a
 * word. Its full table (VN1) puts capitals with tone marks (Ú Ứ Ý …) in C0 control positions.
 */
const TCVN_CAPITALS_IN_C0 = new Set([0x01, 0x02, 0x04, 0x05, 0x06, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17]);
const isTcvnLetter = (byte: number) => (byte >= 0xa1 && byte <= 0xbf) || TCVN_CAPITALS_IN_C0.has(byte);

/*
 * VNI-Windows writes a toned letter as its base letter followed by bytes for the marks ("Tháng" is
 * "Tha" 0xF9 "ng"), and đ, ư, ơ as bytes of their own. These of its bytes are, in Windows-1258,
 * Latin letters that Vietnamese never uses: ñ (đ), ö (ư), ø û ï (grave, hook and dot below tones),
 * ä å ë ü (marks of â ê ô ă), and their capitals.
 */
const VNI_MARKS = new Set([0xf1, 0xf6, 0xf8, 0xfb, 0xef, 0xe4, 0xe5, 0xeb, 0xfc, 0xd1, 0xd6, 0xd8, 0xdb, 0xcf, 0xc4, 0xc5, 0xcb, 0xdc]);

/** Letters of ASCII, or any byte above it (a letter in all three encodings, or part of one). */
const isWordByte = (byte: number | undefined) => byte !== undefined && (byte >= 0x80 || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a));

/*
 * How much evidence names an encoding: a few such bytes inside words, and at least a tenth of the
 * bytes above ASCII. A Windows-1258 page may hold a stray "m²" or "Citroën"; a page in TCVN3 or VNI
 * has them in most lines.
 */
const MIN_EVIDENCE = 3;
const MIN_SHARE = 0.1;

/**
 * The legacy encoding that `bytes` (not valid UTF-8) are most likely in, or undefined when they
 * look like neither. TCVN3 is tried first: its bytes in 0xA1–0xBF never occur in VNI, while some
 * of its toned letters are bytes that VNI uses for marks.
 */
export function legacyVietnameseEncoding(bytes: Uint8Array): LegacyEncoding | undefined {
  let tcvn = 0;
  let vni = 0;
  let high = 0;
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index]!;
    if (byte >= 0x80) high++;
    if (!isWordByte(bytes[index - 1]) && !isWordByte(bytes[index + 1])) continue;
    if (isTcvnLetter(byte)) tcvn++;
    else if (VNI_MARKS.has(byte)) vni++;
  }
  const enough = (evidence: number) => evidence >= MIN_EVIDENCE && evidence >= high * MIN_SHARE;
  if (enough(tcvn)) return "TCVN3";
  if (enough(vni)) return "VNI";
  return undefined;
}

/** The one-line reason a capture in a legacy encoding is refused. */
export function legacyEncodingReason(encoding: LegacyEncoding): string {
  const name = encoding === "TCVN3" ? "TCVN3 (ABC)" : "VNI-Windows";
  return `looks like ${name}, a Vietnamese encoding older than Unicode: convert it to UTF-8 (e.g. with UniKey's converter) and import it again`;
}
