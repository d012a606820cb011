// A generated archive for benchmarks that reads, to a site build and a search index, like twenty
// years of a Vietnamese district's news: Zipf-distributed words over thousands of syllables, phrases
// that stay together, names of people and places, uneven categories, busy days and midnight posts.
// Article i depends only on its index: 1,000 articles are the first 1,000 of 10,000, byte for byte.
import fs from "node:fs";
import path from "node:path";
import * as words from "./vocabulary.ts";

export interface ArchiveOptions {
  /** Another seed gives another archive from the same vocabulary. */
  seed?: number;
  /**
   * How many people sign the articles, a few of whom write most, as a district's reporters do
   * (150 unless given). 0 gives each signed article a name of its own, as in the archive the
   * search-ranking golden was recorded on; it also gives each its own author page.
   */
  staff?: number;
}

export interface ArchiveStats {
  articles: number;
  /** Words of all bodies (headings included), counted as runs of letters and digits. */
  words: number;
  /** Distinct words of all bodies, ignoring case. */
  distinctWords: number;
  averageWords: number;
}

type Random = () => number;

/** sfc32 seeded through splitmix32: 128 bits of state, so the streams of two articles never overlap in practice. */
function randomFor(seed: number, index: number): Random {
  let s = (Math.imul(seed, 0x27d4eb2d) ^ index) | 0;
  const mix = () => {
    s = (s + 0x9e3779b9) | 0;
    let z = Math.imul(s ^ (s >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let [a, b, c, d] = [mix(), mix(), mix(), mix()];
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(random: Random, items: readonly T[]) => items[Math.floor(random() * items.length)]!;
const chance = (random: Random, p: number) => random() < p;

/**
 * Draws items by weight. A guide table, one entry a bucket of equal probability, starts the search
 * for the cumulative weight at most a few items short of it: O(1) a draw on average.
 */
function weighted<T>(items: readonly T[], weight: (item: T, rank: number) => number): (random: Random) => T {
  const cumulative = new Float64Array(items.length);
  let total = 0;
  items.forEach((item, rank) => (cumulative[rank] = total += weight(item, rank)));
  const guide = new Uint32Array(items.length);
  for (let bucket = 0, index = 0; bucket < items.length; bucket++) {
    while (cumulative[index]! <= (bucket / items.length) * total) index++;
    guide[bucket] = index;
  }
  return (random) => {
    const u = random();
    let index = guide[Math.floor(u * items.length)]!;
    while (cumulative[index]! <= u * total) index++;
    return items[index]!;
  };
}

/** What a sentence is made of: its text and the lower-case words in it (for the statistics). */
interface Unit {
  text: string;
  words: readonly string[];
  /** Its place in VOCABULARY, whose words are counted by flags rather than in a set, for speed; else -1. */
  id: number;
}

// Every unit has the same shape, which keeps the hot loop in phrase() fast.
const unit = (text: string): Unit => ({ text, words: text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [], id: -1 });

/** Distinct words seen: vocabulary words by flag, the others by name. */
interface Seen {
  flags: Uint8Array;
  others: Set<string>;
}

/** A random sequence of the same vocabulary on every run, for the long tail's order and the busy days. */
const fixed = randomFor(2004, -1);

// Common syllables first, then the spelled tail in a fixed shuffled order. Weights 1/(rank + 5)^1.2
// (Zipf–Mandelbrot) give the top word about 5% of the words and the 400 common ones three quarters,
// as in news prose, and leave a tail word on a few dozen of 10,000 articles.
const common = new Set(words.COMMON_WORDS);
const tail = words.spelledSyllables().filter((syllable) => !common.has(syllable));
for (let i = tail.length - 1; i > 0; i--) {
  const j = Math.floor(fixed() * (i + 1));
  [tail[i], tail[j]] = [tail[j]!, tail[i]!];
}
const VOCABULARY = [...words.COMMON_WORDS, ...tail].map((word, id) => Object.assign(unit(word), { id }));
const WORDS = weighted(VOCABULARY, (_, rank) => 1 / (rank + 5) ** 1.2);
/** Tail words an article repeats: real articles return to their own rare terms. */
const RARE = VOCABULARY.slice(words.COMMON_WORDS.length);
const PHRASES = weighted(words.PHRASES.map(unit), (_, rank) => 1 / (rank + 2));
const CATEGORIES = weighted(
  words.CATEGORIES.map((category) => ({ ...category, topics: category.topics.map(unit) })),
  (category) => category.weight,
);
const FAMILY_NAMES = weighted(words.FAMILY_NAMES, ([, weight]) => weight);

const START = Date.UTC(2004, 0, 1);
const DAYS = Math.round((Date.UTC(2023, 11, 31) - START) / 86_400_000) + 1;
/** Days when the ward posts many articles: a congress, Tết, a campaign. */
const BUSY_DAYS = Array.from({ length: 40 }, () => Math.floor(fixed() * DAYS));

function personName(random: Random): string {
  const family = FAMILY_NAMES(random)[0];
  const given = pick(random, words.GIVEN_NAMES);
  // Most people carry one middle name; some none, some two (Nguyễn Thị Ngọc Anh).
  const middles = chance(random, 0.08) ? [] : chance(random, 0.1) ? [pick(random, words.MIDDLE_NAMES), pick(random, words.MIDDLE_NAMES)] : [pick(random, words.MIDDLE_NAMES)];
  return [family, ...middles, given].join(" ");
}

function place(random: Random): string {
  const roll = random();
  if (roll < 0.35) return `Phường ${int(random, 1, 17)}`;
  if (roll < 0.5) return `khu phố ${int(random, 1, 12)}`;
  if (roll < 0.7) return `đường ${pick(random, words.STREETS)}`;
  if (roll < 0.78) return `số ${int(random, 1, 999)} đường ${pick(random, words.STREETS)}`;
  if (roll < 0.82) return `đường số ${int(random, 1, 59)}`;
  if (roll < 0.92) return pick(random, words.DISTRICTS);
  return `tỉnh ${pick(random, words.PROVINCES)}`;
}

/** Amounts and years as the bulletins write them, without thousands separators. */
function number(random: Random): string {
  const roll = random();
  if (roll < 0.3) return String(int(random, 2004, 2023));
  if (roll < 0.45) return `${int(random, 1, 100)}%`;
  return String(Math.floor(10 ** (random() * 4)));
}

/** One article's source of units: its category's topics and a few rare words of its own. */
function unitSource(random: Random, topics: readonly Unit[]) {
  const keywords = Array.from({ length: int(random, 3, 6) }, () => pick(random, RARE));
  return (first: boolean): Unit => {
    const roll = random();
    if (roll < 0.07) return PHRASES(random);
    if (roll < 0.1) return pick(random, topics);
    if (roll < 0.125) return keywords[Math.floor(random() * keywords.length)]!;
    if (roll < 0.14) return unit(`${pick(random, words.PERSON_TITLES)} ${personName(random)}`);
    if (roll < 0.16) return unit(place(random));
    // A line that starts with a number and a full stop would be a Markdown list.
    if (roll < 0.17 && !first) return unit(number(random));
    return WORDS(random);
  };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Exactly `count` words of units, first letter capitalised; a unit that does not fit is replaced by
 * a single word. Words are also added to `seen`, for the body's statistics.
 */
function phrase(random: Random, next: (first: boolean) => Unit, count: number, seen: Seen | undefined, commas: boolean, lead?: Unit): string {
  const parts: string[] = [];
  let left = count;
  const add = (item: Unit) => {
    if (seen && item.id >= 0) seen.flags[item.id] = 1;
    else if (seen) for (const word of item.words) seen.others.add(word);
    left -= item.words.length;
    parts.push(commas && left > 2 && !item.text.endsWith(",") && chance(random, 0.06) ? `${item.text},` : item.text);
  };
  if (lead) add(lead);
  while (left > 0) {
    let item = next(parts.length === 0);
    if (item.words.length > left || item.words.length === 0) item = WORDS(random);
    add(item);
  }
  parts[0] = capitalise(parts[0]!);
  return parts.join(" ");
}

/** Splits `total` into pieces of min…max (total ≥ min), the last piece taking what is left. */
function split(random: Random, total: number, min: number, max: number): number[] {
  const pieces: number[] = [];
  for (let left = total; left > 0; ) {
    let piece = int(random, min, max);
    if (left - piece < min) piece = left <= max ? left : left - min;
    pieces.push(piece);
    left -= piece;
  }
  return pieces;
}

/** 400–1,200 words: a triangular distribution with its mode at 710 averages 770. */
function bodyLength(random: Random): number {
  const [low, mode, high] = [400, 710, 1200];
  const u = random();
  const cut = (mode - low) / (high - low);
  return Math.round(u < cut ? low + Math.sqrt(u * (high - low) * (mode - low)) : high - Math.sqrt((1 - u) * (high - low) * (high - mode)));
}

/** Minutes since 2004-01-01 00:00, Vietnam time (+07:00 all along, so calendar arithmetic in UTC is exact). */
function publishedAt(random: Random): number {
  // More articles in later years, as the portal grew; some on a few busy days.
  const day = chance(random, 0.06) ? pick(random, BUSY_DAYS) : Math.floor(DAYS * random() ** 0.75);
  const roll = random();
  // About 2% between 23:30 and 00:30, for the day boundaries; else office hours and evenings.
  const minute = roll < 0.02 ? 1410 + int(random, 0, 59) : roll < 0.87 ? int(random, 7 * 60, 18 * 60 - 1) : int(random, 18 * 60, 1409);
  return Math.min(day * 1440 + minute, DAYS * 1440 - 1);
}

const two = (value: number) => String(value).padStart(2, "0");

/** Who signs an article: one of `staff` people, the first of them most often; or, for 0, anyone. */
function signers(seed: number, staff: number): (random: Random) => string {
  if (staff === 0) return personName;
  const roster = randomFor(seed, -2);
  return weighted(
    Array.from({ length: staff }, () => personName(roster)),
    (_, rank) => 1 / (rank + 3),
  );
}

function article(seed: number, index: number, seen: Seen, signer: (random: Random) => string): { year: string; month: string; text: string; words: number } {
  const random = randomFor(seed, index);
  const category = CATEGORIES(random);
  const next = unitSource(random, category.topics);
  const at = new Date(START + publishedAt(random) * 60_000);
  const [year, month, day] = [String(at.getUTCFullYear()), two(at.getUTCMonth() + 1), at.getUTCDate()];

  const title = phrase(random, next, int(random, 8, 20), undefined, false);
  const fields: [string, unknown][] = [
    ["title", title],
    ["date", `${year}-${month}-${two(day)} ${two(at.getUTCHours())}:${two(at.getUTCMinutes())}`],
    ["category", category.name],
  ];
  if (chance(random, 0.6)) {
    fields.push(["author", signer(random)]);
    if (chance(random, 0.25)) fields.push(["author_title", pick(random, words.AUTHOR_TITLES)]);
  }
  if (chance(random, 0.4)) fields.push(["source", pick(random, words.SOURCES)]);
  if (chance(random, 0.9)) fields.push(["views", Math.floor(20_000 ** random())]);
  if (chance(random, 0.3)) {
    const pool = [...category.topics.map((topic) => topic.text), "Gò Vấp", pick(random, words.PHRASES), place(random)];
    const tags = new Set(Array.from({ length: int(random, 1, 4) }, () => capitalise(pick(random, pool))));
    fields.push(["tags", [...tags]]);
  }
  if (chance(random, 0.2)) fields.push(["summary", `${phrase(random, next, int(random, 20, 40), undefined, true)}.`]);

  const total = bodyLength(random);
  // Most articles have one to three section headings, never before the lead paragraph.
  const headings = chance(random, 0.2) ? [] : Array.from({ length: int(random, 1, 3) }, () => int(random, 3, 8));
  const paragraphs = split(random, total - headings.reduce((sum, n) => sum + n, 0), 40, 120);
  const headingAt = new Map(headings.map((length, j) => [Math.max(1, Math.round(((j + 1) * paragraphs.length) / (headings.length + 1))), length]));
  const blocks: string[] = [];
  paragraphs.forEach((length, p) => {
    const heading = headingAt.get(p);
    if (heading) blocks.push(`## ${phrase(random, next, heading, seen, false)}`);
    // The lead opens with the day, as bulletins do: "Sáng ngày 20/9, …".
    const lead = p === 0 && chance(random, 0.5) ? unit(`${pick(random, ["Sáng", "Chiều", "Tối"])} ngày ${day}/${Number(month)},`) : undefined;
    const sentences = split(random, length, 6, 28).map((n, s) => `${phrase(random, next, n, seen, true, s === 0 ? lead : undefined)}.`);
    blocks.push(sentences.join(" "));
  });
  const frontMatter = fields.map(([name, value]) => `${name}: ${JSON.stringify(value)}`).join("\n");
  return { year, month, text: `---\n${frontMatter}\n---\n${blocks.join("\n\n")}\n`, words: total };
}

/** Writes `count` articles and the site settings into `dir`; the same files on every run. */
export function generateArchive(dir: string, count: number, options: ArchiveOptions = {}): ArchiveStats {
  const seed = options.seed ?? 42;
  fs.mkdirSync(path.join(dir, "_data"), { recursive: true });
  fs.writeFileSync(path.join(dir, "_data", "site.json"), JSON.stringify({ title: "Bản tin thử tải", url: "https://bench.example.org" }));
  const folders = new Set<string>();
  const seen: Seen = { flags: new Uint8Array(VOCABULARY.length), others: new Set() };
  let total = 0;
  const signer = signers(seed, options.staff ?? 150);
  for (let index = 0; index < count; index++) {
    const { year, month, text, words } = article(seed, index, seen, signer);
    const folder = path.join(dir, year, month);
    if (!folders.has(folder)) fs.mkdirSync(folder, { recursive: true });
    folders.add(folder);
    fs.writeFileSync(path.join(folder, `bai-${index + 1}.md`), text);
    total += words;
  }
  VOCABULARY.forEach((item, id) => seen.flags[id] && seen.others.add(item.text));
  return { articles: count, words: total, distinctWords: seen.others.size, averageWords: count ? Math.round(total / count) : 0 };
}
