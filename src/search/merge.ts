// Several Pagefind bundles made into one, as if Pagefind had indexed all their pages at once. The
// archive is indexed in shards (shards.ts) so that a build re-indexes only the shards whose articles
// changed, and so that each Pagefind process holds one shard at a time: Pagefind's `mergeIndex`
// would combine shards in the browser instead, but it ranks each shard by its own word statistics
// (how many pages hold a word, the average page length), so the same query would order articles
// differently. One merged index keeps the statistics of the whole archive, and the ranking with them.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { byCodePoints } from "../core/text.ts";
import {
  encodeMeta,
  encodePagefindFile,
  encodePagefindFileAsync,
  type FilterChunk,
  metaFile,
  type PackedWord,
  type PagefindEntry,
  type PagefindMeta,
  type Posting,
  readEntry,
  readMeta,
  readPagefindFile,
  uncompressedFile,
  type WordChunk,
} from "./pagefind-files.ts";

/**
 * Size of a word chunk, in Pagefind 1.6's unit: for each page of a word or of one of its spellings,
 * one plus its positions in the text and in metadata; and one per spelling. Pagefind's own is 20,000,
 * and the chunks must be cut where Pagefind cuts them: a search extends a word only to the words of
 * the chunks it loaded ("nha" to "nhau"), so other cuts would find other pages.
 */
export const CHUNK_SIZE = 20_000;

interface Shard {
  dir: string;
  entry: PagefindEntry;
  language: string;
  meta: PagefindMeta;
  /** Number of this shard's first page in the merged index. */
  offset: number;
  /** This shard's metadata field indexes in the merged list, or null when the lists are the same. */
  fieldMap: number[] | null;
}

export interface MergeResult {
  pages: number;
  chunks: number;
}

/**
 * Writes into `outputPath` (a folder that does not exist yet or is empty) the bundle of all pages of
 * `bundles`, in that order. The bundles must be of one Pagefind version and language, and in the
 * order of every sort key (year shards for a date sort): sorted page lists are joined, not re-sorted.
 * `onWord` sees each word of the merged index, in order.
 */
export async function mergeBundles(bundles: string[], outputPath: string, { chunkSize = CHUNK_SIZE, onWord }: { chunkSize?: number; onWord?: (word: PackedWord) => void } = {}): Promise<MergeResult> {
  if (bundles.length === 0) throw new Error("search index: no bundle to merge");
  const shards = readShards(bundles);
  const { language, entry } = shards[0]!;
  const fields = union(shards.map((shard) => shard.meta.fields));
  for (const shard of shards) shard.fieldMap = sameList(shard.meta.fields, fields) ? null : shard.meta.fields.map((field) => fields.indexOf(field));

  for (const folder of ["fragment", "index", "filter"]) fs.mkdirSync(path.join(outputPath, folder), { recursive: true });
  const names = new NameSet(language);
  const meta: PagefindMeta = {
    version: shards[0]!.meta.version,
    pages: copyFragments(shards, outputPath),
    chunks: await writeWordChunks(shards, outputPath, names, chunkSize, onWord),
    filters: writeFilters(shards, outputPath, names),
    sorts: joinSorts(shards),
    fields,
  };
  const metaBytes = encodeMeta(meta);
  const metaHash = `${language}_${sha256(metaBytes).slice(0, 10)}`;
  fs.writeFileSync(metaFile(outputPath, metaHash), metaBytes);
  const languageEntry = { ...entry.languages[language]!, hash: metaHash, page_count: meta.pages.length };
  fs.writeFileSync(path.join(outputPath, "pagefind-entry.json"), JSON.stringify({ ...entry, languages: { [language]: languageEntry } }));
  // Pagefind's scripts, WebAssembly and styles are the same in every bundle of one version.
  for (const file of fs.readdirSync(shards[0]!.dir, { withFileTypes: true })) {
    if (file.isFile() && file.name !== "pagefind-entry.json" && !file.name.endsWith(".pf_meta")) {
      fs.copyFileSync(path.join(shards[0]!.dir, file.name), path.join(outputPath, file.name));
    }
  }
  return { pages: meta.pages.length, chunks: meta.chunks.length };
}

function readShards(bundles: string[]): Shard[] {
  let offset = 0;
  return bundles.map((dir) => {
    const entry = readEntry(dir);
    const languages = Object.keys(entry.languages);
    if (languages.length !== 1) throw new Error(`search index: ${dir} holds ${languages.length} languages, not one`);
    const language = languages[0]!;
    const meta = readMeta(metaFile(dir, entry.languages[language]!.hash));
    const shard: Shard = { dir, entry, language, meta, offset, fieldMap: null };
    offset += meta.pages.length;
    return shard;
  }).map((shard, _, all) => {
    const first = all[0]!;
    if (shard.language !== first.language || shard.meta.version !== first.meta.version) {
      throw new Error(`search index: ${shard.dir} (${shard.meta.version}, ${shard.language}) and ${first.dir} (${first.meta.version}, ${first.language}) cannot be merged`);
    }
    return shard;
  });
}

/** Puts each page's fragment into the bundle, renaming one whose name another shard already used for a different page. */
function copyFragments(shards: Shard[], outputPath: string): PagefindMeta["pages"] {
  const taken = new Set<string>();
  const pages: PagefindMeta["pages"] = [];
  for (const shard of shards) {
    // Pagefind gives identical pages of one shard one fragment: they keep sharing it.
    const renamed = new Map<string, string>();
    for (const [fragment, words, extra] of shard.meta.pages) {
      let name = renamed.get(fragment);
      if (name === undefined) {
        name = fragment;
        for (let n = 0; taken.has(name); n++) name = `${fragment}x${n}`;
        taken.add(name);
        renamed.set(fragment, name);
        linkOrCopy(path.join(shard.dir, "fragment", `${fragment}.pf_fragment`), path.join(outputPath, "fragment", `${name}.pf_fragment`));
      }
      pages.push([name, words, extra]);
    }
  }
  return pages;
}

/**
 * A fragment of a cached shard, linked into the site rather than copied: ten times faster for
 * thousands of small files. Nothing writes into either afterwards (a build writes new files and
 * deletes old ones), so the two names stay the same bytes. Copied where links cannot be made.
 */
function linkOrCopy(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
  } catch {
    fs.writeFileSync(to, fs.readFileSync(from));
  }
}

/** A word's postings being joined, with the number of the last page in them. */
interface PostingList {
  postings: Posting[];
  last: number;
}

/** Appends one shard's postings, their page gaps recounted from the list's last page; returns their size in chunk units. */
function appendPostings(into: PostingList, list: Posting[], shard: Shard): number {
  let page = shard.offset;
  let size = 0;
  for (let i = 0; i < list.length; i++) {
    const posting = list[i]!;
    page += posting[0];
    const fieldLocations = shard.fieldMap ? posting[2].map((value) => (value < 0 ? -1 - shard.fieldMap![-1 - value]! : value)) : posting[2];
    const gap = i === 0 ? page - into.last : posting[0];
    into.postings.push(gap === posting[0] && fieldLocations === posting[2] ? posting : [gap, posting[1], fieldLocations]);
    size += posting[1].length + posting[2].length + 1;
  }
  if (list.length > 0) into.last = page;
  return size;
}

/** A shard's words in order, one chunk file read at a time. */
class WordReader {
  private chunk = 0;
  private words: PackedWord[] = [];
  private position = 0;

  constructor(readonly shard: Shard) {
    this.load();
  }

  get current(): PackedWord | undefined {
    return this.words[this.position];
  }

  advance(): void {
    this.position++;
    if (this.position >= this.words.length) this.load();
  }

  private load(): void {
    this.words = [];
    this.position = 0;
    while (this.words.length === 0 && this.chunk < this.shard.meta.chunks.length) {
      const file = path.join(this.shard.dir, "index", `${this.shard.meta.chunks[this.chunk++]![2]}.pf_index`);
      this.words = (readPagefindFile(file) as WordChunk)[0];
    }
  }
}

/** Chunks compressed at once, on libuv's four threads. */
const CHUNKS_IN_FLIGHT = 4;

/** Joins the shards' words in code point order into chunks of about `chunkSize`, the way Pagefind cuts its own. */
async function writeWordChunks(shards: Shard[], outputPath: string, names: NameSet, chunkSize: number, onWord?: (word: PackedWord) => void): Promise<PagefindMeta["chunks"]> {
  const readers = shards.map((shard) => new WordReader(shard));
  const chunks: PagefindMeta["chunks"] = [];
  const writing: Promise<void>[] = [];
  let words: PackedWord[] = [];
  let size = 0;
  const flush = async () => {
    const raw = uncompressedFile([words]);
    const name = names.claim(raw);
    chunks.push([words[0]![0], words.at(-1)![0], name]);
    words = [];
    size = 0;
    writing.push(encodePagefindFileAsync(raw).then((bytes) => fs.promises.writeFile(path.join(outputPath, "index", `${name}.pf_index`), bytes)));
    if (writing.length >= CHUNKS_IN_FLIGHT) await writing[writing.length - CHUNKS_IN_FLIGHT];
  };
  for (;;) {
    let word: string | undefined;
    for (const reader of readers) {
      const current = reader.current?.[0];
      if (current !== undefined && (word === undefined || byCodePoints(current, word) < 0)) word = current;
    }
    if (word === undefined) break;
    const own: PostingList = { postings: [], last: 0 };
    const variants = new Map<string, PostingList>();
    for (const reader of readers) {
      const current = reader.current;
      if (current?.[0] !== word) continue;
      size += appendPostings(own, current[1], reader.shard);
      for (const [spelling, postings] of current[2]) {
        let list = variants.get(spelling);
        if (!list) variants.set(spelling, (list = { postings: [], last: 0 }));
        size += appendPostings(list, postings, reader.shard);
      }
      reader.advance();
    }
    size += variants.size;
    const merged: PackedWord = [word, own.postings, [...variants].map(([spelling, list]) => [spelling, list.postings])];
    onWord?.(merged);
    words.push(merged);
    if (size >= chunkSize) await flush();
  }
  if (words.length > 0) await flush();
  await Promise.all(writing);
  // A search finds a word's chunk by these bounds: each is cut to the shortest prefix that still tells
  // neighbours apart, as Pagefind cuts them, except an end that would fall before its chunk's start.
  for (let i = 0; i + 1 < chunks.length; i++) {
    const [end, start] = distinctPrefixes(chunks[i]![1], chunks[i + 1]![0]);
    if (byCodePoints(end, chunks[i]![0]) >= 0) chunks[i]![1] = end;
    chunks[i + 1]![0] = start;
  }
  return chunks;
}

/** The prefixes of the last word of one chunk and the first of the next, one character past what they share. */
export function distinctPrefixes(last: string, first: string): [string, string] {
  const a = Array.from(last);
  const b = Array.from(first);
  let shared = 0;
  while (shared < a.length && shared < b.length && a[shared] === b[shared]) shared++;
  return [a.slice(0, shared + 1).join(""), b.slice(0, shared + 1).join("")];
}

function writeFilters(shards: Shard[], outputPath: string, names: NameSet): PagefindMeta["filters"] {
  const filters = new Map<string, Map<string, number[]>>();
  for (const shard of shards) {
    for (const [, file] of shard.meta.filters) {
      const [filter, values] = readPagefindFile(path.join(shard.dir, "filter", `${file}.pf_filter`)) as FilterChunk;
      let merged = filters.get(filter);
      if (!merged) filters.set(filter, (merged = new Map()));
      for (const [value, pages] of values) {
        let list = merged.get(value);
        if (!list) merged.set(value, (list = []));
        for (const page of pages) list.push(page + shard.offset);
      }
    }
  }
  return [...filters.keys()].sort(byCodePoints).map((filter) => {
    const bytes = encodePagefindFile([filter, [...filters.get(filter)!]]);
    const name = names.claim(bytes);
    fs.writeFileSync(path.join(outputPath, "filter", `${name}.pf_filter`), bytes);
    return [filter, name];
  });
}

function joinSorts(shards: Shard[]): PagefindMeta["sorts"] {
  const sorts = new Map<string, number[]>();
  for (const shard of shards) {
    for (const [key, pages] of shard.meta.sorts) {
      let list = sorts.get(key);
      if (!list) sorts.set(key, (list = []));
      for (const page of pages) list.push(page + shard.offset);
    }
  }
  return [...sorts.keys()].sort(byCodePoints).map((key) => [key, sorts.get(key)!]);
}

/** File names of chunks and filters: the language and the start of the content's hash, longer when two would clash. */
class NameSet {
  private readonly taken = new Set<string>();
  constructor(private readonly language: string) {}

  claim(bytes: Buffer): string {
    const hash = sha256(bytes);
    let length = 7;
    while (this.taken.has(`${this.language}_${hash.slice(0, length)}`)) length++;
    const name = `${this.language}_${hash.slice(0, length)}`;
    this.taken.add(name);
    return name;
  }
}

function sha256(bytes: Buffer): string {
  return crypto.createHash("sha256").update(bytes).digest("hex");
}

function union(lists: string[][]): string[] {
  return [...new Set(lists.flat())].sort(byCodePoints);
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
