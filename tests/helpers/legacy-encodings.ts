// Encoders into the Vietnamese 8-bit encodings before Unicode, to make captures a hostile archivist
// could hand over. Nothing in the project decodes these; src/importer/legacy-encodings.ts only
// recognises them. Each table is written from its published standard, a row per vowel.

/** Tone marks in the order of the TCVN3 rows below: none, grave (huyền), hook (hỏi), tilde (ngã), acute (sắc), dot below (nặng). */
const TONES = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"] as const;

/*
 * TCVN 5712:1993, table VN3 ("TCVN3", the ABC fonts): one byte per lower-case letter. Capitals
 * with tone marks have no code in VN3: the ABC fonts draw them from the lower-case codes in a
 * capitals font (.VnTimeH), so that is what a capture in VN3 holds.
 */
const TCVN3_ROWS: [string, number[]][] = [
  ["a", [0x61, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9]],
  ["ă", [0xa8, 0xbb, 0xbc, 0xbd, 0xbe, 0xc6]],
  ["â", [0xa9, 0xc7, 0xc8, 0xc9, 0xca, 0xcb]],
  ["e", [0x65, 0xcc, 0xce, 0xcf, 0xd0, 0xd1]],
  ["ê", [0xaa, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6]],
  ["i", [0x69, 0xd7, 0xd8, 0xdc, 0xdd, 0xde]],
  ["o", [0x6f, 0xdf, 0xe1, 0xe2, 0xe3, 0xe4]],
  ["ô", [0xab, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9]],
  ["ơ", [0xac, 0xea, 0xeb, 0xec, 0xed, 0xee]],
  ["u", [0x75, 0xef, 0xf1, 0xf2, 0xf3, 0xf4]],
  ["ư", [0xad, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9]],
  ["y", [0x79, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe]],
];
const TCVN3 = new Map<string, number>([
  ...TCVN3_ROWS.flatMap(([vowel, codes]) => codes.map((code, tone): [string, number] => [(vowel + TONES[tone]).normalize("NFC"), code])),
  ["đ", 0xae], ["Ă", 0xa1], ["Â", 0xa2], ["Ê", 0xa3], ["Ô", 0xa4], ["Ơ", 0xa5], ["Ư", 0xa6], ["Đ", 0xa7],
]);

/*
 * TCVN 5712:1993, table VN1: the full table also codes capitals with tone marks, some of them in
 * C0 control positions. These are the capitals of VN1 the tests' captures use.
 */
const TCVN_VN1_CAPITALS = new Map<string, number>([
  ["Ú", 0x01], ["Ụ", 0x02], ["Ừ", 0x04], ["Ử", 0x05], ["Ữ", 0x06], ["Ứ", 0x11], ["Ự", 0x12], ["Ỳ", 0x13], ["Ỷ", 0x14], ["Ỹ", 0x15], ["Ý", 0x16], ["Ỵ", 0x17],
  ["À", 0x80], ["Ả", 0x81], ["Ã", 0x82], ["Á", 0x83], ["Ạ", 0x84], ["Ặ", 0x85], ["Ậ", 0x86], ["È", 0x87], ["Ẻ", 0x88], ["Ẽ", 0x89], ["É", 0x8a], ["Ẹ", 0x8b], ["Ệ", 0x8c],
]);

/** `text` in TCVN3: VN3 alone (capitals with marks as lower case), or with VN1's capitals. */
export function tcvn3(text: string, { capitals = "vn3" }: { capitals?: "vn3" | "vn1" } = {}): Buffer {
  const bytes: number[] = [];
  for (const character of text.normalize("NFC")) {
    const code = character.charCodeAt(0);
    const byte = code < 0x80 ? code : ((capitals === "vn1" ? TCVN_VN1_CAPITALS.get(character) : undefined) ?? TCVN3.get(character) ?? TCVN3.get(character.toLowerCase()));
    if (byte === undefined) throw new Error(`no TCVN3 code for "${character}"`);
    bytes.push(byte);
  }
  return Buffer.from(bytes);
}

/*
 * VNI-Windows, the code table of VNI Software's fonts (VNI-Times …): a toned letter is its base
 * letter followed by one byte for its marks; đ, ư, ơ and the toned i and ỵ are bytes of their own.
 * A capital's bytes are those of the lower-case letter less 0x20.
 */
const VNI_TONE: Record<string, number> = { "\u0301": 0xf9, "\u0300": 0xf8, "\u0309": 0xfb, "\u0303": 0xf5, "\u0323": 0xef };
/** â ê ô: the circumflex and the tone in one byte. */
const VNI_CIRCUMFLEX: Record<string, number> = { "": 0xe2, "\u0301": 0xe1, "\u0300": 0xe0, "\u0309": 0xe5, "\u0303": 0xe3, "\u0323": 0xe4 };
/** ă: the breve and the tone in one byte. */
const VNI_BREVE: Record<string, number> = { "": 0xea, "\u0301": 0xe9, "\u0300": 0xe8, "\u0309": 0xfa, "\u0303": 0xfc, "\u0323": 0xeb };
/** i with a tone mark is one byte. */
const VNI_I: Record<string, number> = { "\u0301": 0xed, "\u0300": 0xec, "\u0309": 0xe6, "\u0303": 0xf3, "\u0323": 0xf2 };
const VNI_HORN: Record<string, number> = { o: 0xf4, u: 0xf6 };

/** `text` in VNI-Windows. */
export function vni(text: string): Buffer {
  const bytes: number[] = [];
  for (const character of text.normalize("NFC")) {
    const lower = character.toLowerCase();
    const shift = lower === character ? 0 : 0x20;
    const [base = "", ...marks] = [...lower.normalize("NFD")];
    const tone = marks.find((mark) => mark in VNI_TONE) ?? "";
    const modifier = marks.find((mark) => !(mark in VNI_TONE));
    const letter = (byte: number) => byte - shift;
    const baseByte = (shift ? base.toUpperCase() : base).charCodeAt(0);
    if (character.charCodeAt(0) < 0x80) bytes.push(character.charCodeAt(0));
    else if (lower === "đ") bytes.push(letter(0xf1));
    else if (lower === "ỵ") bytes.push(letter(0xee));
    else if (base === "i" && tone) bytes.push(letter(VNI_I[tone]!));
    else if (modifier === "\u031B") bytes.push(letter(VNI_HORN[base]!), ...(tone ? [letter(VNI_TONE[tone]!)] : []));
    else if (modifier === "\u0302") bytes.push(baseByte, letter(VNI_CIRCUMFLEX[tone]!));
    else if (modifier === "\u0306") bytes.push(baseByte, letter(VNI_BREVE[tone]!));
    else if (modifier === undefined && tone && /^[aeouy]$/.test(base)) bytes.push(baseByte, letter(VNI_TONE[tone]!));
    else throw new Error(`no VNI code for "${character}"`);
  }
  return Buffer.from(bytes);
}
