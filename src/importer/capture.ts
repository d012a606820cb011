/**
 * Reading a captured page of the legacy portal (text → article fields). Pure: no I/O, so every
 * rule here can be tested on strings; decoding bytes is in decode.ts, writing files in placer.ts.
 *
 * The shape of a capture (docs/capture-format.md):
 *   chrome (visit counter, address) · date line · title · [Theo source] · body · [signature] · Số lượt người xem: n · chrome
 */
import { slugify } from "../core/slug.ts";
import { fold } from "../core/text.ts";
import { type DateLine, readDateLine } from "./date-line.ts";
import { escapeHeading, escapeMarkdownLine } from "./markdown-escape.ts";

/** The fields of one captured article, ready to be written as front matter and Markdown. */
export interface CapturedPage {
  title: string;
  /** Vietnam time as `YYYY-MM-DD HH:mm:ss`, the form the schema reads without any conversion. */
  date: string;
  /** The category exactly as captured on the date line, e.g. "CÁC CHUYÊN ĐỀ". */
  capturedCategory: string;
  /** Display form of the category: sentence case per " - " part when captured in capitals. */
  category: string;
  source?: string;
  author?: string;
  authorTitle?: string;
  views?: number;
  /** The page's own address on the legacy portal, when the capture recorded it. */
  legacyUrl?: string;
  /** Section headings in order, as text (they are `## ` lines of the body). */
  headings: string[];
  /** The article body as Markdown; empty, or ending with a newline. */
  body: string;
}

export type CaptureResult = { ok: true; page: CapturedPage; warnings: string[] } | { ok: false; reason: string };

/*
 * Limits of the layout rules. A section heading or a signature in the legacy portal is one short
 * line; 120 characters is about 25 Vietnamese words, longer than any heading seen and far shorter
 * than a paragraph. The signer, a person or an office, is at most 12 words and 60 characters:
 * names have 2–5 words (two co-authors joined by "và" or "-" fit), the district's offices up to
 * about 11 ("Trung tâm Văn hóa - Thể dục thể thao quận"); a line of running text is longer.
 */
export const MAX_HEADING_LENGTH = 120;
export const MAX_SIGNATURE_LENGTH = 120;
const MAX_SIGNER_LENGTH = 60;
const MAX_SIGNER_WORDS = 12;
const MAX_SOURCE_LENGTH = 120;

/*
 * A line ending with one of these finishes a sentence, a quotation or an aside, so it is running
 * text, never a heading: . , ! ? … : ; closing quotes “” " ’ ' » and closing brackets ) ].
 */
const HEADING_END = /[.,!?…:;”"’'»)\]]$/u;
/* A source or a signature may end with a bracket ("Trần Văn A (Phòng Văn hóa)") but not with a sentence mark. */
const SENTENCE_END = /[.,!?…:;]$/u;
/* A line that starts with a bullet or a dash is a list item, not a heading nor a signature. */
const LIST_ITEM = /^[-–—•·*+>]/u;
/* Words that join two names in a signature without being names themselves. */
const NAME_JOINERS = new Set(["và", "-", "–", "—", "&", "/"]);
/*
 * Short last lines that are not a signature: a source credit ("Theo …", "Nguồn: …"), a date
 * ("Gò Vấp, ngày 20 tháng 9 năm 2011", "20/9/2011"; the portal's date line is told by
 * readDateLine), a web address, a photo caption ("Ảnh: …",
 * "Ảnh minh họa"), a numbered heading ("II. Kế hoạch") and a closing formula ("Xin cảm ơn").
 */
const NOT_A_SIGNATURE = [
  /^(?:theo|nguồn)[\s:]/iu,
  /(?:^|\s)ngày\s+\d|tháng\s+\d{1,2}\s+năm\s+\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/iu,
  /https?:\/\/|www\./iu,
  /^(?:ảnh|hình)(?:[\s:]|$)/iu,
  /^(?:\d+|[IVX]+)[.)]\s/u,
  /^(?:xin |chân thành )*cảm ơn|^trân trọng/iu,
];

/**
 * "TIN TỨC - SỰ KIỆN" → "Tin tức - Sự kiện": sentence case per " - " part. Only text captured in
 * capitals is changed: a category already written in mixed case ("Thông tin UBND") keeps its acronyms.
 */
export function sentenceCase(category: string): string {
  if (category !== category.toUpperCase()) return category;
  return category
    .split(/(\s+[-–—]\s+)/u)
    .map((part, index) => (index % 2 === 1 ? part : part.toLowerCase().replace(/\p{L}/u, (letter) => letter.toUpperCase())))
    .join("");
}

/**
 * Plain-text clean-up every capture gets first: byte-order mark, CRLF/CR, NFD → NFC, non-breaking
 * and other exotic spaces, zero-width characters, runs of spaces and trailing spaces.
 */
export function normaliseCaptureText(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?|\u2028/g, "\n")
    .replace(/\u2029/g, "\n\n")
    .normalize("NFC")
    .replace(/[\u200B\u2060\uFEFF\u00AD]/g, "")
    .replace(/[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, " ")
    .split("\n")
    .map((line) => line.replace(/ {2,}/g, " ").trim())
    .join("\n");
}

/* Control characters never occur in a text capture; finding one means a binary file or a wrong encoding. */
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F]/;

/* The page's own address, which a capture may record before the date line: a line holding only an http(s) URL. */
const ADDRESS_LINE = /^https?:\/\/[^\s/]+\S*$/iu;

/* Labels of the portal's page chrome, folded. Only used when a page lacks its "Số lượt người xem" line. */
const VIEWS_LABEL = "so luot nguoi xem";
const CHROME_AFTER = ["tin moi hon", "tin da dua", "xem tiep", "xem theo ngay", "thu vien video", "go search"];
const CHROME_BEFORE = "so luot truy cap";
/* Labels are short lines; folding only those keeps a long page fast. */
const MAX_LABEL_LINE = 60;
const isViewsLine = (line: string) => line.length <= MAX_LABEL_LINE && fold(line).startsWith(VIEWS_LABEL);
const isChromeAfter = (line: string) => {
  if (line.length > MAX_LABEL_LINE) return false;
  const folded = fold(line);
  return CHROME_AFTER.some((label) => folded.startsWith(label));
};

/** Reads one captured page. Fails with a reason a person can act on; never guesses a date or a title. */
export function parseCapture(raw: string): CaptureResult {
  const fail = (reason: string): CaptureResult => ({ ok: false, reason });
  if (CONTROL.test(raw)) return fail("contains control characters: a binary file, not a captured page");
  const text = normaliseCaptureText(raw);
  if (text.trim() === "") return fail("empty file");
  const lines = text.split("\n");
  const warnings: string[] = [];

  let dateIndex = -1;
  let dateLine: DateLine | undefined;
  for (let index = 0; index < lines.length && !dateLine; index++) {
    dateLine = readDateLine(lines[index]!);
    if (dateLine) dateIndex = index;
  }
  if (!dateLine) return fail('no date line ("<CATEGORY> <day> Tháng <month> <year> <h>:<mm>:<ss> <SA|CH>")');
  if (!dateLine.ok) return fail(`line ${dateIndex + 1}: ${dateLine.reason}`);

  const before = lines.slice(0, dateIndex);
  const legacyUrl = before.find((line) => ADDRESS_LINE.test(line));
  const skipped = before.filter((line) => line !== "" && line !== legacyUrl && !/^\d+$/.test(line) && (line.length > MAX_LABEL_LINE || fold(line) !== CHROME_BEFORE));
  if (skipped.length > 0) warnings.push(`ignored ${skipped.length} line(s) before the date line, starting "${shorten(skipped[0]!)}"`);

  const titleIndex = lines.findIndex((line, index) => index > dateIndex && line !== "");
  if (titleIndex < 0 || isViewsLine(lines[titleIndex]!)) return fail(`no title after the date line (line ${dateIndex + 1})`);
  const title = lines[titleIndex]!;
  if (!slugify(title)) return fail(`the title "${title}" has no letter or digit to make a file name from`);

  // The article ends at "Số lượt người xem"; without it, at the first label of the chrome after the article.
  let end = lines.findIndex((line, index) => index > titleIndex && isViewsLine(line));
  let views: number | undefined;
  if (end >= 0) {
    views = readViews(lines, end);
    if (views === undefined) warnings.push(`line ${end + 1}: could not read the view count in "${shorten(lines[end]!)}"; views left out`);
  } else {
    end = lines.findIndex((line, index) => index > titleIndex && isChromeAfter(line));
    warnings.push(`no "Số lượt người xem" line; views left out${end < 0 ? ", and the body runs to the end of the file" : ""}`);
    if (end < 0) end = lines.length;
  }

  const blocks = toBlocks(lines.slice(titleIndex + 1, end));
  let source: string | undefined;
  const first = blocks[0];
  if (first?.length === 1 && /^Theo\s+\S/iu.test(first[0]!) && first[0]!.length <= MAX_SOURCE_LENGTH && !SENTENCE_END.test(first[0]!)) {
    source = first[0]!.replace(/^Theo\s+/iu, "");
    blocks.shift();
  }

  // The signature is the last line of the article, after at least one paragraph, whatever the signer's shape.
  let signature: Signature | undefined;
  const last = blocks.at(-1);
  if (last && (blocks.length > 1 || last.length > 1)) signature = readSignature(last.at(-1)!);
  if (signature) {
    last!.pop();
    if (last!.length === 0) blocks.pop();
  }

  const headings: string[] = [];
  const markdown = blocks.map((block, index) => {
    const between = index > 0 && index < blocks.length - 1;
    if (block.length === 1 && between && isHeading(block[0]!)) {
      headings.push(block[0]!);
      return `## ${escapeHeading(block[0]!)}`;
    }
    // A line break inside a paragraph was a <br> on the legacy page: keep it as a hard break.
    return block.map(escapeMarkdownLine).join("\\\n");
  });
  if (markdown.length === 0) warnings.push("the article has no body text");

  const page: CapturedPage = {
    title,
    date: dateLine.date,
    capturedCategory: dateLine.category,
    category: sentenceCase(dateLine.category),
    ...(source !== undefined && { source }),
    ...(signature?.author !== undefined && { author: signature.author }),
    ...(signature?.authorTitle !== undefined && { authorTitle: signature.authorTitle }),
    ...(views !== undefined && { views }),
    ...(legacyUrl !== undefined && { legacyUrl }),
    headings,
    body: markdown.length > 0 ? `${markdown.join("\n\n")}\n` : "",
  };
  return { ok: true, page, warnings };
}

/** Groups lines into blocks separated by blank lines. */
function toBlocks(lines: string[]): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line === "") {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

/** "Số lượt người xem: 9638" (also "9.638", or the figure alone on the next line). */
function readViews(lines: string[], index: number): number | undefined {
  let value = lines[index]!.replace(/^[^:]*?xem\s*:?/iu, "").trim();
  if (value === "") value = lines.slice(index + 1).find((line) => line !== "") ?? "";
  // Thousands may be grouped with "." or "," (Vietnamese or English style) or spaces.
  if (!/^(?:\d{1,3}(?:[.,\s]\d{3})+|\d+)$/u.test(value)) return undefined;
  const views = Number(value.replace(/\D/g, ""));
  return Number.isSafeInteger(views) ? views : undefined;
}

/** A short line standing alone, with no closing punctuation, starting with a capital or a number. */
export function isHeading(line: string): boolean {
  return line.length <= MAX_HEADING_LENGTH && /^[\p{Lu}\p{N}]/u.test(line) && /\p{L}/u.test(line) && !HEADING_END.test(line) && !LIST_ITEM.test(line);
}

interface Signature {
  author: string;
  authorTitle?: string;
}

/**
 * The signature: a short line starting with a capital, without a sentence mark at its end, that is
 * none of NOT_A_SIGNATURE nor a date line. Without a comma the whole line is the signer, a person ("Nguyễn Văn A")
 * or an office ("Ban Tuyên giáo Quận ủy"). With one it is `Name, position` when the part before
 * the comma reads as a person's name (every word capitalised, joiners aside), and not a signature
 * otherwise: "Trong năm 2012, phường …" is a sentence that lost its period.
 */
export function readSignature(line: string): Signature | undefined {
  if (line.length > MAX_SIGNATURE_LENGTH || SENTENCE_END.test(line) || !/^\p{Lu}/u.test(line)) return undefined;
  if (NOT_A_SIGNATURE.some((pattern) => pattern.test(line)) || readDateLine(line) !== undefined) return undefined;
  const comma = line.indexOf(",");
  if (comma < 0) return isShortSigner(line) ? { author: line } : undefined;
  const author = line.slice(0, comma).trim();
  const authorTitle = line.slice(comma + 1).trim();
  if (!isShortSigner(author) || !readsAsName(author)) return undefined;
  return authorTitle ? { author, authorTitle } : { author };
}

function isShortSigner(signer: string): boolean {
  return signer.length <= MAX_SIGNER_LENGTH && signer.split(" ").length <= MAX_SIGNER_WORDS;
}

/** Every word capitalised, as Vietnamese names are; a closing aside in brackets, "(Phòng Y tế)", is written in ordinary case. */
function readsAsName(text: string): boolean {
  const words = text.replace(/\s*\([^()]*\)$/u, "").split(" ");
  return !NAME_JOINERS.has(words[0]!) && words.every((word) => NAME_JOINERS.has(word) || /^\p{Lu}/u.test(word));
}

function shorten(text: string, length = 40): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
