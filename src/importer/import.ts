/**
 * The importer as a library: reads captured pages in whatever encoding they came in, writes one
 * article file each at <content>/YYYY/MM/slug.md, never clobbers, and returns a report with every
 * page it could not read. It never reads argv nor prints: `npm run import` is src/cli/import.ts.
 */
import fs from "node:fs";
import path from "node:path";
import { dump } from "js-yaml";
import { slugify } from "../core/slug.ts";
import { type CapturedPage, parseCapture } from "./capture.ts";
import { categoryFor, readCategoryNames } from "./categories.ts";
import { ContentIndex } from "./content-index.ts";
import { decodeCapture } from "./decode.ts";
import { collectInputs, type Input } from "./inputs.ts";
import { ImportLedger, LEDGER_FILE, pageIdentity } from "./ledger.ts";
import { checkContentFolder } from "./out-folder.ts";
import { Placer } from "./placer.ts";
import { failedResult, type ImportReport, type ImportResult, type ImportStatus } from "./report.ts";
import { removeEmptyFolders } from "../core/folders.ts";

export interface ImportOptions {
  /** Content folder to write into; relative to `cwd`. Its site settings may name categories. */
  out: string;
  /** Folder that relative paths are read from; defaults to the process's. */
  cwd?: string;
  /** Write nothing: the report says what would happen. */
  dryRun?: boolean;
  /** Replace an existing file of the same article whose content differs. */
  force?: boolean;
  /** Called after each input, e.g. for a progress indicator. */
  onProgress?: (done: number, total: number) => void;
}

/** A capture is a page of text; anything larger is not one, and reading it whole would waste memory. */
const MAX_CAPTURE_BYTES = 16 * 2 ** 20;

/**
 * Imports every captured page under `paths`. Before reading any page, throws a UserError when the
 * content folder cannot be written or its record of imported pages cannot be read, and a
 * SettingsError when its site settings cannot be read; every other problem is in the report.
 */
export function importCaptures(paths: readonly string[], options: ImportOptions): ImportReport {
  const cwd = options.cwd ?? process.cwd();
  const contentDir = path.resolve(cwd, options.out);
  const dryRun = options.dryRun === true;
  const createdFolders = checkContentFolder(contentDir, options.out, { write: !dryRun });
  const categoryNames = readCategoryNames(contentDir);
  const ledger = ImportLedger.read(contentDir);
  const items = collectInputs(paths, cwd, contentDir);
  const index = new ContentIndex(contentDir);
  const placer = new Placer(contentDir, options.out, index, ledger, { dryRun, force: options.force === true });
  const category = (captured: string) => categoryFor(captured, categoryNames, (slug) => index.categorySpelling(slug));

  const results: ImportResult[] = [];
  for (const item of items) {
    results.push("status" in item ? item : importOne(item, placer, category));
    options.onProgress?.(results.length, items.length);
  }
  const errors: string[] = [];
  if (!dryRun) {
    try {
      ledger.save();
    } catch (error) {
      errors.push(`could not record the imported pages in ${path.join(options.out, LEDGER_FILE)}: ${(error as Error).message}; import the same pages again to record them`);
    }
  }
  // A content folder made for a run that wrote nothing into it is not left behind.
  removeEmptyFolders(createdFolders);
  const summary: Record<ImportStatus, number> = { imported: 0, unchanged: 0, conflict: 0, failed: 0 };
  for (const result of results) summary[result.status]++;
  return { dryRun, out: options.out, summary, results, errors };
}

function importOne(input: Input, placer: Placer, category: (captured: string) => string): ImportResult {
  let bytes: Buffer;
  try {
    const size = fs.statSync(input.absolute).size;
    if (size > MAX_CAPTURE_BYTES) return failedResult(input.display, `too large for a captured page (${(size / 2 ** 20).toFixed(1)} MiB)`);
    bytes = fs.readFileSync(input.absolute);
  } catch (error) {
    return failedResult(input.display, `could not read the file: ${(error as Error).message}`);
  }
  const decoded = decodeCapture(bytes);
  if (!decoded.ok) return failedResult(input.display, decoded.reason);
  const warnings = decoded.warning ? [decoded.warning] : [];
  const parsed = parseCapture(decoded.text);
  if (!parsed.ok) return failedResult(input.display, parsed.reason, decoded.encoding, warnings);
  warnings.push(...parsed.warnings);

  const { page } = parsed;
  const name = category(page.capturedCategory);
  const candidate = { date: page.date, slug: slugify(page.title), render: (slug?: string) => renderArticle(page, name, slug), input: input.display, identity: pageIdentity(page) };
  const placed = placer.place(candidate, warnings);
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
  if (page.legacyUrl !== undefined) data.legacy_url = page.legacyUrl;
  const yaml = dump(data, { forceQuotes: true, quoteStyle: "double", lineWidth: -1 });
  return `---\n${yaml}---\n${page.body ? `\n${page.body}` : ""}`;
}
