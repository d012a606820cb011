/**
 * `npm run import -- [--out DIR] [--dry-run] [--force] [--json] PATH…`: the I/O side of the
 * importer. Reads captured pages in whatever encoding they came in, writes one article file each
 * at DIR/YYYY/MM/slug.md, never clobbers, and reports every page it could not read.
 * The reading of a page itself is in capture.ts.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import iconv from "iconv-lite";
import { CORE_SCHEMA, dump, load } from "js-yaml";
import { type CapturedPage, categoryName, parseCapture, sentenceCase } from "./capture.ts";
import { parseArticleDate } from "../core/dates.ts";
import { slugify } from "../core/slug.ts";

export type ImportStatus = "imported" | "unchanged" | "conflict" | "failed";

/** One input file and what became of it; every key is always present so the JSON is easy to query. */
export interface ImportResult {
  /** The input as given on the command line, or joined to the folder it was found in. */
  path: string;
  status: ImportStatus;
  /** The article file written, found identical, or in the way (conflict); null when the page failed. */
  output: string | null;
  /** Why the page failed or conflicts; null otherwise. */
  reason: string | null;
  /** The encoding the file was read in; null when it could not be read. */
  encoding: string | null;
  warnings: string[];
}

export interface ImportReport {
  /** True when nothing was written: statuses say what would have happened. */
  dryRun: boolean;
  out: string;
  summary: Record<ImportStatus, number>;
  results: ImportResult[];
}

export interface ImportOptions {
  /** Content folder; relative to `cwd`. */
  out: string;
  cwd?: string;
  dryRun?: boolean;
  force?: boolean;
  /** Called after each input, e.g. for a progress indicator. */
  onProgress?: (done: number, total: number) => void;
}

interface Writer {
  write(text: string): unknown;
}

export interface ImportIO {
  stdout?: Writer;
  stderr?: Writer & { isTTY?: boolean };
  /** Folder that relative paths are read from; defaults to the process's. */
  cwd?: string;
}

const USAGE = `npm run import -- [--out DIR] [--dry-run] [--force] [--json] PATH…

  Turns captured pages of the legacy portal into article files DIR/YYYY/MM/slug.md (default DIR: content).
  PATH is a captured page, or a folder: every file in it and its subfolders, except hidden ones.

  --out DIR   content folder to write into; its _data/site.json may map category names
  --dry-run   write nothing, report what would happen
  --force     replace an existing file of the same article whose content differs
  --json      print a JSON report instead of text

  Exit status: 0 when every page was imported or already there, 1 when a page failed or
  conflicts with an existing file, 2 on wrong usage.
`;

/** A capture is a page of text; anything larger is not one, and reading it whole would waste memory. */
const MAX_CAPTURE_BYTES = 16 * 2 ** 20;
/** Suffixes tried for pages sharing a file name; reaching it means something is wrong with the input. */
const MAX_SUFFIX = 1000;
/** Progress is worth showing only for runs long enough to wonder whether the importer is stuck. */
const PROGRESS_MIN_INPUTS = 50;
const PROGRESS_INTERVAL_MS = 100;

/** The CLI entry: parses arguments, imports, prints the report; resolves to the exit status. */
export async function runImport(args: string[], io: ImportIO = {}): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  let values: { out?: string; "dry-run"?: boolean; force?: boolean; json?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: "string" },
        "dry-run": { type: "boolean" },
        force: { type: "boolean" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    stdout.write(USAGE);
    return 0;
  }
  if (positionals.length === 0) {
    stderr.write(`no PATH given: name captured pages or folders of them\n\n${USAGE}`);
    return 2;
  }

  // Stderr only, and only on a terminal: stdout stays the report, and logs get no control characters.
  const showProgress = stderr.isTTY === true;
  let lastShown = 0;
  const onProgress = (done: number, total: number) => {
    if (!showProgress || total <= PROGRESS_MIN_INPUTS) return;
    const now = Date.now();
    if (done < total && now - lastShown < PROGRESS_INTERVAL_MS) return;
    lastShown = now;
    stderr.write(done < total ? `\rimporting ${done}/${total}` : "\r\x1b[K");
  };

  let report: ImportReport;
  try {
    report = importCaptures(positionals, { out: values.out ?? "content", cwd: io.cwd, dryRun: values["dry-run"], force: values.force, onProgress });
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    stderr.write(`${error.message}\n`);
    return 2;
  }

  if (values.json) stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else stdout.write(formatReport(report));
  return report.summary.failed > 0 || report.summary.conflict > 0 ? 1 : 0;
}

/** Text report: one line per page that needs a look, then the counts. */
export function formatReport(report: ImportReport): string {
  const lines: string[] = [];
  for (const result of report.results) {
    if (result.status === "failed") lines.push(`${result.path}: ${result.reason}`);
    if (result.status === "conflict") lines.push(`${result.path}: conflict: ${result.reason}`);
    for (const warning of result.warnings) lines.push(`${result.path}: warning: ${warning}`);
  }
  const { imported, unchanged, conflict, failed } = report.summary;
  lines.push(`${report.dryRun ? "dry run, nothing written: " : ""}imported ${imported}, unchanged ${unchanged}, conflicts ${conflict}, failed ${failed}`);
  return `${lines.join("\n")}\n`;
}

class SettingsError extends Error {}

/** Imports every captured page under `paths`; the programmatic form of `npm run import`. */
export function importCaptures(paths: readonly string[], options: ImportOptions): ImportReport {
  const cwd = options.cwd ?? process.cwd();
  const outDir = path.resolve(cwd, options.out);
  const categoryNames = readCategoryNames(outDir);
  const items = collectInputs(paths, cwd, outDir);
  const index = new ContentIndex(outDir);
  const placer = new Placer(outDir, options.out, index, options.dryRun === true, options.force === true);

  const results: ImportResult[] = [];
  for (const item of items) {
    results.push("status" in item ? item : importOne(item, placer, index, categoryNames));
    options.onProgress?.(results.length, items.length);
  }
  const summary: Record<ImportStatus, number> = { imported: 0, unchanged: 0, conflict: 0, failed: 0 };
  for (const result of results) summary[result.status]++;
  return { dryRun: options.dryRun === true, out: options.out, summary, results };
}

interface Input {
  /** Path as shown in the report. */
  display: string;
  absolute: string;
}

function importOne(input: Input, placer: Placer, index: ContentIndex, categoryNames: Record<string, string>): ImportResult {
  const failed = (reason: string, encoding: string | null = null, warnings: string[] = []): ImportResult => ({
    path: input.display,
    status: "failed",
    output: null,
    reason,
    encoding,
    warnings,
  });
  let bytes: Buffer;
  try {
    const size = fs.statSync(input.absolute).size;
    if (size > MAX_CAPTURE_BYTES) return failed(`too large for a captured page (${(size / 2 ** 20).toFixed(1)} MiB)`);
    bytes = fs.readFileSync(input.absolute);
  } catch (error) {
    return failed(`could not read the file: ${(error as Error).message}`);
  }
  const decoded = decodeCapture(bytes);
  if (!decoded.ok) return failed(decoded.reason);
  const warnings = decoded.warning ? [decoded.warning] : [];
  const parsed = parseCapture(decoded.text);
  if (!parsed.ok) return failed(parsed.reason, decoded.encoding, warnings);
  warnings.push(...parsed.warnings);

  // Settings decide the display name; otherwise the spelling the archive already uses for that
  // category slug, so the build does not see two spellings of one category page.
  const mapped = categoryName(parsed.page.capturedCategory, categoryNames);
  const fallback = sentenceCase(parsed.page.capturedCategory);
  const category = mapped !== fallback ? mapped : (index.categorySpelling(slugify(fallback)) ?? fallback);

  const placed = placer.place(parsed.page, category, input.display, warnings);
  return { path: input.display, ...placed, encoding: decoded.encoding, warnings };
}

/** The article file for a page: double-quoted YAML (titles with ":" survive, dates stay strings), then the body. */
export function renderArticle(page: CapturedPage, category: string, slug?: string): string {
  const data: Record<string, string | number> = { title: page.title, date: page.date, category };
  if (page.source !== undefined) data.source = page.source;
  if (page.author !== undefined) data.author = page.author;
  if (page.authorTitle !== undefined) data.author_title = page.authorTitle;
  if (page.views !== undefined) data.views = page.views;
  if (slug !== undefined) data.slug = slug;
  const yaml = dump(data, { forceQuotes: true, quoteStyle: "double", lineWidth: -1 });
  return `---\n${yaml}---\n${page.body ? `\n${page.body}` : ""}`;
}

/* ---------- Encodings ---------- */

export type Decoded = { ok: true; text: string; encoding: string; warning?: string } | { ok: false; reason: string };

/**
 * Bytes → text. Order: a byte-order mark decides; then UTF-16 without one, recognised by NUL
 * bytes in every other position (ASCII and most Vietnamese letters with no tone mark are U+00xx);
 * then any other NUL means a binary file; then strict UTF-8; then Windows-1258, the legacy
 * Vietnamese Windows code page, said in a warning. Windows-1258 spells tone marks as combining
 * characters, which parseCapture composes (NFC).
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
  const legacy = iconv.decode(Buffer.from(bytes), "windows1258");
  const unmapped = legacy.indexOf("\uFFFD");
  if (unmapped >= 0) return fail("neither UTF-8 nor Windows-1258: it holds bytes that mean nothing in Windows-1258 (a binary file, or another encoding such as TCVN3 or VNI)");
  return { ok: true, text: legacy, encoding: "Windows-1258", warning: "not valid UTF-8; read as Windows-1258" };
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

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let index = 0; index < bytes.length; ) {
    const length = utf8SequenceLength(bytes, index);
    if (length === 0) return index;
    index += length;
  }
  return bytes.length;
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

/* ---------- Inputs ---------- */

/**
 * Files named on the command line are taken whatever their name; folders give every regular file
 * in them and their subfolders except hidden ones (a name starting with "."), in a stable order.
 * The output folder is never read as input, and a file reached twice is imported once.
 */
function collectInputs(paths: readonly string[], cwd: string, outDir: string): (Input | ImportResult)[] {
  const items: (Input | ImportResult)[] = [];
  const seenFiles = new Set<string>();
  const seenFolders = new Set<string>();
  const outReal = realpath(outDir);
  const missing = (display: string, reason: string): ImportResult => ({ path: display, status: "failed", output: null, reason, encoding: null, warnings: [] });

  const addFile = (absolute: string, display: string) => {
    const real = realpath(absolute) ?? absolute;
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    items.push({ absolute, display });
  };
  const walk = (folder: string, display: string) => {
    const real = realpath(folder) ?? folder;
    // Symbolic links may loop back; the output folder holds articles, not captures.
    if (seenFolders.has(real) || real === outReal) return;
    seenFolders.add(real);
    const entries = fs
      .readdirSync(folder, { withFileTypes: true })
      .filter((entry) => !entry.name.startsWith("."))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const absolute = path.join(folder, entry.name);
      const shown = path.join(display, entry.name);
      const stats = entry.isSymbolicLink() ? statOrUndefined(absolute) : entry;
      if (!stats) items.push(missing(shown, "broken symbolic link"));
      else if (stats.isDirectory()) walk(absolute, shown);
      else if (stats.isFile()) addFile(absolute, shown);
    }
  };

  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    let stats: fs.Stats;
    try {
      stats = fs.statSync(absolute);
    } catch (error) {
      items.push(missing(given, (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or folder" : (error as Error).message));
      continue;
    }
    if (stats.isDirectory()) {
      try {
        walk(absolute, given);
      } catch (error) {
        items.push(missing(given, `could not read the folder: ${(error as Error).message}`));
      }
    } else if (stats.isFile()) addFile(absolute, given);
    else items.push(missing(given, "not a regular file or a folder"));
  }
  return items;
}

function realpath(file: string): string | undefined {
  try {
    return fs.realpathSync(file);
  } catch {
    return undefined;
  }
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

/* ---------- The content folder ---------- */

/** Category display names from `<out>/_data/site.json`, keyed by category slug or captured name. */
function readCategoryNames(outDir: string): Record<string, string> {
  const file = path.join(outDir, "_data", "site.json");
  if (!fs.existsSync(file)) return {};
  let settings: unknown;
  try {
    settings = JSON.parse(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new SettingsError(`${file}: not valid JSON (${(error as Error).message}); fix it so category names can be read`);
  }
  const categories = (settings as { categories?: unknown } | null)?.categories ?? {};
  if (typeof categories !== "object" || categories === null || Array.isArray(categories) || !Object.values(categories).every((value) => typeof value === "string")) {
    throw new SettingsError(`${file}: "categories" must map category slugs or captured names to display names, e.g. {"cac-chuyen-de": "Các chuyên đề"}`);
  }
  return Object.fromEntries(Object.entries(categories as Record<string, string>).map(([key, value]) => [key.normalize("NFC"), value.normalize("NFC").trim()]));
}

interface KnownArticle {
  /** `YYYY-MM-DD HH:mm:ss` in Vietnam time, when the front matter has a readable date. */
  date?: string;
  url?: string;
}

/**
 * The articles already in the output folder, read once per run, as the build will see them: by
 * file, by URL (two articles at one URL stop the build), and the spelling of each category slug.
 */
class ContentIndex {
  private readonly files = new Map<string, KnownArticle>();
  private readonly urls = new Map<string, string>();
  private readonly categories = new Map<string, string>();

  constructor(private readonly outDir: string) {
    if (!fs.existsSync(outDir)) return;
    const files = fs
      .readdirSync(outDir, { recursive: true, encoding: "utf8" })
      .map((file) => file.split(path.sep).join("/"))
      // The same files as the build's loader: Markdown outside _data, hidden folders, node_modules and video/.
      .filter((file) => file.endsWith(".md") && file.split("/")[0] !== "video" && !file.split("/").some((part) => part.startsWith("_") || part.startsWith(".") || part === "node_modules"))
      .sort();
    for (const file of files) this.read(file);
  }

  private read(file: string): void {
    let data: Record<string, unknown>;
    try {
      const text = fs.readFileSync(path.join(this.outDir, file), "utf8").replace(/^\uFEFF/, "");
      const frontMatter = /^---[^\S\r\n]*\r?\n([\s\S]*?)\r?\n---[^\S\r\n]*(?:\r?\n|$)/.exec(text)?.[1];
      const loaded = frontMatter === undefined ? undefined : load(frontMatter, { schema: CORE_SCHEMA });
      if (!loaded || typeof loaded !== "object" || Array.isArray(loaded)) throw new Error("no front matter");
      data = loaded as Record<string, unknown>;
    } catch {
      // Unreadable files are the build's to report; here they only count as occupied paths.
      this.files.set(file, {});
      return;
    }
    const date = typeof data.date === "string" ? parseArticleDate(data.date) : undefined;
    const title = typeof data.title === "string" ? data.title.normalize("NFC") : "";
    const slug = typeof data.slug === "string" ? data.slug : slugify(title);
    const known: KnownArticle = {};
    if (date?.ok) {
      known.date = date.date.toFormat("yyyy-MM-dd HH:mm:ss");
      if (slug && data.draft !== true) known.url = `/${date.date.toFormat("yyyy/MM/dd")}/${slug}/`;
    }
    this.add(file, known);
    if (typeof data.category === "string" && data.draft !== true) {
      const category = data.category.normalize("NFC").trim();
      if (!this.categories.has(slugify(category))) this.categories.set(slugify(category), category);
    }
  }

  add(file: string, article: KnownArticle): void {
    const previous = this.files.get(file);
    if (previous?.url && this.urls.get(previous.url) === file) this.urls.delete(previous.url);
    this.files.set(file, article);
    if (article.url && !this.urls.has(article.url)) this.urls.set(article.url, file);
  }

  article(file: string): KnownArticle | undefined {
    return this.files.get(file);
  }

  urlOwner(url: string): string | undefined {
    return this.urls.get(url);
  }

  categorySpelling(slug: string): string | undefined {
    return this.categories.get(slug);
  }
}

/* ---------- Placing and writing ---------- */

type Placement = Pick<ImportResult, "status" | "output" | "reason">;

/**
 * Decides where each page goes, and writes it. The rules, in order:
 * 1. the page already sits, byte for byte, at its path or a suffixed one: unchanged;
 * 2. a path taken in this run by another page, or holding another article (another date) on
 *    disk, is skipped for the next suffix (`slug-2`, `slug-3`, …) with a warning; the suffixed
 *    file gets `slug:` in its front matter so its URL differs too;
 * 3. a path holding this same article (same date) with other content is a conflict, which only
 *    --force resolves by replacing it; so is another file already at the article's URL (the build
 *    would refuse both), which --force does not touch.
 */
class Placer {
  /** Paths written (or, in a dry run, that would be) in this run, with their content and page. */
  private readonly claims = new Map<string, { input: string; content: string }>();
  private tempCounter = 0;

  constructor(
    private readonly outDir: string,
    private readonly shownOut: string,
    private readonly index: ContentIndex,
    private readonly dryRun: boolean,
    private readonly force: boolean,
  ) {}

  place(page: CapturedPage, category: string, input: string, warnings: string[]): Placement {
    const base = slugify(page.title);
    const folder = `${page.date.slice(0, 4)}/${page.date.slice(5, 7)}`;
    const name = (n: number) => (n === 1 ? base : `${base}-${n}`);
    const file = (n: number) => `${folder}/${name(n)}.md`;
    const content = (n: number) => renderArticle(page, category, n === 1 ? undefined : name(n));
    const shown = (relative: string) => path.join(this.shownOut, relative);
    const occupied = (relative: string) => this.claims.has(relative) || this.index.article(relative) !== undefined || fs.existsSync(path.join(this.outDir, relative));

    for (let n = 1; n <= MAX_SUFFIX && occupied(file(n)); n++) {
      const claim = this.claims.get(file(n));
      const same = claim ? claim.content === content(n) : this.readExisting(file(n)) === content(n);
      if (!same) continue;
      if (claim) warnings.push(`same article as ${claim.input}`);
      return { status: "unchanged", output: shown(file(n)), reason: null };
    }

    const url = (n: number) => `/${page.date.slice(0, 10).replace(/-/g, "/")}/${name(n)}/`;
    for (let n = 1; n <= MAX_SUFFIX; n++) {
      const relative = file(n);
      const claim = this.claims.get(relative);
      if (claim) {
        warnings.push(`${shown(relative)} is taken by ${claim.input}, another page with the same file name`);
        continue;
      }
      const owner = this.index.urlOwner(url(n));
      if (owner !== undefined && owner !== relative) {
        if (this.index.article(owner)?.date === page.date) {
          return { status: "conflict", output: shown(owner), reason: `${shown(owner)} already has this article's URL ${url(n)} and date; it looks like the same article under another file name` };
        }
        warnings.push(`${shown(owner)} already has the URL ${url(n)}`);
        continue;
      }
      const existing = fs.existsSync(path.join(this.outDir, relative)) ? this.index.article(relative) ?? {} : undefined;
      if (existing?.date !== undefined && existing.date !== page.date) {
        warnings.push(`${shown(relative)} holds another article (dated ${existing.date})`);
        continue;
      }
      if (existing && !this.force) {
        return { status: "conflict", output: shown(relative), reason: `${shown(relative)} already exists with different content; --force replaces it` };
      }
      if (n > 1) warnings.push(`wrote ${shown(relative)} with slug "${name(n)}" instead`);
      if (existing) warnings.push(`replaced the different ${shown(relative)} (--force)`);
      return this.write(relative, content(n), existing !== undefined, input, { date: page.date, url: url(n) });
    }
    return { status: "failed", output: null, reason: `more than ${MAX_SUFFIX} articles would be named ${base}.md in ${folder}` };
  }

  private readExisting(relative: string): string | undefined {
    try {
      return fs.readFileSync(path.join(this.outDir, relative), "utf8");
    } catch {
      return undefined;
    }
  }

  private write(relative: string, content: string, replace: boolean, input: string, article: KnownArticle): Placement {
    const shown = path.join(this.shownOut, relative);
    if (!this.dryRun) {
      try {
        this.writeAtomically(path.join(this.outDir, relative), content, replace);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST") return { status: "conflict", output: shown, reason: `${shown} appeared while importing; run again to compare` };
        return { status: "failed", output: null, reason: `could not write ${shown}: ${(error as Error).message}` };
      }
    }
    this.claims.set(relative, { input, content });
    this.index.add(relative, article);
    return { status: "imported", output: shown, reason: null };
  }

  /**
   * Temp file + rename, so a reader or a crash never sees half an article. A new file is linked
   * into place rather than renamed, which fails instead of replacing a file that appeared meanwhile.
   */
  private writeAtomically(target: string, content: string, replace: boolean): void {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // Hidden and not ending in .md: neither the build nor a later import picks up a leftover.
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${this.tempCounter++}.tmp`);
    fs.writeFileSync(temp, content, { flag: "wx" });
    try {
      if (replace) {
        fs.renameSync(temp, target);
        return;
      }
      try {
        fs.linkSync(temp, target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST") throw error;
        // Some network and FAT file systems have no hard links: check, then rename.
        if (fs.existsSync(target)) throw Object.assign(new Error(`${target} exists`), { code: "EEXIST" });
        fs.renameSync(temp, target);
        return;
      }
      fs.rmSync(temp, { force: true });
    } catch (error) {
      fs.rmSync(temp, { force: true });
      throw error;
    }
  }
}
