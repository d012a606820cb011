import fs from "node:fs";
import path from "node:path";
import { isoDateTime } from "../core/dates.ts";
import { ContentError, type Problem } from "../core/errors.ts";
import { say } from "../core/messages.ts";
import { slugify } from "../core/slug.ts";
import { bodyIdProblems, htmlIds, LAYOUT_IDS, locateIds, videoPageIdProblems, type VideoIds } from "./body-ids.ts";
import { mappedCategoryName } from "./categories.ts";
import { articleClashes, videoClashes } from "./clashes.ts";
import { decodeContentFile } from "./file-text.ts";
import { fieldAtLine, readSource, type Source, validate } from "./front-matter.ts";
import { createRenderer, excerpt, type RenderedBody } from "./markdown.ts";
import { mediaProblems, mediaSrc } from "./media.ts";
import { nfcProblem } from "./nfc.ts";
import { type ArticleFrontMatter, articleSchema, describe, type Settings, settingsSchema, type VideoFrontMatter, videoSchema } from "./schema.ts";
import { contentFiles, SETTINGS_FILE } from "./sources.ts";
import { placedWordUses, type WordUse } from "./tone-placement.ts";
import { articleUrl, ROUTES, videoUrl } from "./urls.ts";

/** An article as the templates see it: plain data, dates as ISO strings in +07:00. */
export interface Article {
  /** Source file, relative to the content folder. */
  file: string;
  title: string;
  /** ISO 8601 in Vietnam time, e.g. 2011-09-20T09:05:00+07:00. */
  date: string;
  timestamp: number;
  year: number;
  month: number;
  day: number;
  category: string;
  categorySlug: string;
  source?: string;
  author?: string;
  authorTitle?: string;
  views?: number;
  summary: string;
  tags: string[];
  slug: string;
  /** Site-relative URL, /YYYY/MM/DD/slug/. */
  url: string;
  image?: string;
  legacyUrl?: string;
  html: string;
}

export interface Video {
  file: string;
  /** Anchor on the video page, from the file name. */
  id: string;
  /** Its entry on the video page, /video/#id. */
  url: string;
  title: string;
  date: string;
  timestamp: number;
  /** Site path of a local file (under static/), or an external URL. */
  src: string;
  external: boolean;
  summary?: string;
  html: string;
}

export interface Content {
  settings: Settings;
  articles: Article[];
  videos: Video[];
}

/**
 * How a content folder is read. `review` is for `npm run check`, which looks further than a build
 * needs: drafts are read and checked like the rest (and kept apart), the body of a file whose
 * front matter is wrong is still rendered (for its links), each file's text is looked at for what a
 * build passes over (text not in NFC, words with a tone mark that could sit on another vowel:
 * nfc.ts, tone-placement.ts), and the lines of its front-matter fields are kept.
 */
export interface ReadOptions {
  review?: boolean;
}

/** What a review notes of one file's text. */
export interface FileReview {
  file: string;
  /** Line of each front-matter field, and where the body starts (as in Source). */
  lines: Map<string, number>;
  bodyLine: number;
  /** Words whose tone mark could sit on either vowel of oa, oe or uy. */
  words: WordUse[];
}

/**
 * The body of a file a review reads although it has no place on the site (its front matter is
 * wrong), so that its links are checked in the same run: its page is known only for a video.
 */
export interface UnplacedBody {
  file: string;
  html: string;
  page?: string;
}

/** Everything read from a content folder, problems included, for a review (load-parallel.ts: reviewContentInParallel). */
export interface ReviewedContent {
  /** Undefined when the settings file is missing or wrong (a problem says why). */
  settings: Settings | undefined;
  articles: Article[];
  videos: Video[];
  drafts: { articles: Article[]; videos: Video[] };
  unplaced: UnplacedBody[];
  problems: Problem[];
  /** Every file that could be read, settings first. */
  reviews: FileReview[];
}

/**
 * Reads and checks every file of a content folder. Either returns all of it or throws one
 * ContentError with every problem of every file: nothing is dropped silently.
 */
export function loadContent(contentDir: string): Content {
  const begun = beginLoading(contentDir);
  return finishLoading(contentDir, begun, [readArticles(contentDir, begun.files.articles, begun.settings)]);
}

/** A content folder's settings and list of files, and the problems found in them. */
export interface LoadStart {
  settings: Settings | undefined;
  files: ReturnType<typeof contentFiles>;
  problems: Problem[];
  /** The settings file's, when reviewing. */
  reviews: FileReview[];
}

/** The first step of loadContent: the folder, its settings, its list of files. */
export function beginLoading(contentDir: string, { review = false }: ReadOptions = {}): LoadStart {
  const folder = folderProblem(contentDir);
  if (folder) throw new ContentError([folder]);
  const problems: Problem[] = [];
  const reviews: FileReview[] = [];
  const settings = loadSettings(contentDir, problems, review ? reviews : undefined);
  const files = contentFiles(contentDir);
  problems.push(...files.problems);
  return { settings, files, problems, reviews };
}

/** Articles read from some of the files, in their order, and the problems found in them. */
export interface ArticleBatch {
  articles: Article[];
  /** When reviewing: drafts, and bodies of articles with no place on the site. */
  drafts: Article[];
  unplaced: UnplacedBody[];
  problems: Problem[];
  reviews: FileReview[];
}

/** The articles of `files` (paths in the content folder), each read and checked on its own. */
export function readArticles(contentDir: string, files: readonly string[], settings: Settings | undefined, { review = false }: ReadOptions = {}): ArticleBatch {
  const render = createRenderer(settings?.iframeHosts ?? []);
  const problems: Problem[] = [];
  const articles: Article[] = [];
  const drafts: Article[] = [];
  const unplaced: UnplacedBody[] = [];
  const reviews: FileReview[] = [];
  for (const file of files) {
    const source = readContentFile(contentDir, file, problems, review ? reviews : undefined);
    const data = source && validate(articleSchema, source.data, file, source.lines, problems);
    if (source && !data && review) unplaced.push({ file, html: render(source.body).html });
    if (!source || !data || (data.draft && !review)) continue;
    const body = render(source.body);
    problems.push(...mediaProblems(file, "image", data.image, source.lines), ...bodyIdProblems(file, bodyIds(source, body.html)));
    const slug = data.slug ?? slugify(data.title);
    if (!slug) problems.push({ file, field: "title", line: source.lines.get("title"), message: say("noSlugFromTitle") });
    if (!slugify(data.category)) problems.push({ file, field: "category", line: source.lines.get("category"), message: say("noCategoryUrl", { name: JSON.stringify(data.category) }) });
    // An article with no URL or no category page would only add clashes at those empty places.
    if (slug && slugify(data.category)) (data.draft ? drafts : articles).push(toArticle(file, data, slug, body, settings?.categories ?? {}));
    else if (review) unplaced.push({ file, html: body.html });
  }
  return { articles, drafts, unplaced, problems, reviews };
}

/**
 * The last step of loadContent, given the articles of all files in `batches`, in order: the videos,
 * then what only the whole archive shows (two articles at one URL); throws one ContentError for all.
 */
export function finishLoading(contentDir: string, begun: LoadStart, batches: readonly ArticleBatch[]): Content {
  const { settings, articles, videos, problems } = collectContent(contentDir, begun, batches);
  if (problems.length > 0 || !settings) throw new ContentError(problems);
  return { settings, articles, videos };
}

/** finishLoading without the throw: everything read, and every problem found. */
export function collectContent(contentDir: string, { settings, files, problems: found, reviews: settingsReviews }: LoadStart, batches: readonly ArticleBatch[], { review = false }: ReadOptions = {}): ReviewedContent {
  const problems = [...found, ...batches.flatMap((batch) => batch.problems)];
  const articles = batches.flatMap((batch) => batch.articles);
  const reviews = [...settingsReviews, ...batches.flatMap((batch) => batch.reviews)];
  const render = createRenderer(settings?.iframeHosts ?? []);
  const videos: Video[] = [];
  const draftVideos: Video[] = [];
  const unplaced = batches.flatMap((batch) => batch.unplaced);
  const videoIds: VideoIds[] = [];
  for (const file of files.videos) {
    const source = readContentFile(contentDir, file, problems, review ? reviews : undefined);
    const data = source && validate(videoSchema, source.data, file, source.lines, problems);
    if (source && !data && review) unplaced.push({ file, html: render(source.body).html, page: ROUTES.videos });
    if (!source || !data || (data.draft && !review)) continue;
    const video = toVideo(file, data, render(source.body).html);
    const ids = bodyIds(source, video.html);
    problems.push(...mediaProblems(file, "file", data.file, source.lines), ...bodyIdProblems(file, ids), ...anchorProblems(video));
    if (!video.id) continue;
    if (data.draft) {
      draftVideos.push(video);
      continue;
    }
    videos.push(video);
    videoIds.push({ file, id: video.id, bodyIds: ids });
  }

  problems.push(...articleClashes(articles), ...videoClashes(videos), ...videoPageIdProblems(videoIds));
  return { settings, articles, videos, drafts: { articles: batches.flatMap((batch) => batch.drafts), videos: draftVideos }, unplaced, problems, reviews };
}

/** The content folder itself: one problem, rather than every file "missing", when it is not there. */
function folderProblem(contentDir: string): Problem | undefined {
  const stat = fs.statSync(contentDir, { throwIfNoEntry: false });
  if (stat?.isDirectory()) return undefined;
  return { file: ".", message: say(stat ? "contentFolderIsFile" : "contentFolderMissing", { path: contentDir, settings: SETTINGS_FILE }) };
}

/** A video's anchor must name it: not be empty, nor an id the page layout uses. */
function anchorProblems(video: Video): Problem[] {
  if (!video.id) return [{ file: video.file, message: say("videoNoAnchor") }];
  if (LAYOUT_IDS.has(video.id)) return [{ file: video.file, message: say("videoAnchorOfLayout", { id: video.id }) }];
  return [];
}

function bodyIds(source: Source, html: string) {
  return locateIds(htmlIds(html), source.body, source.bodyLine);
}

/** A content file's front matter and body, from its text in NFC; with `reviews`, its review is added to them. */
function readContentFile(contentDir: string, file: string, problems: Problem[], reviews?: FileReview[]): Source | undefined {
  const decoded = readText(contentDir, file, problems);
  if (decoded === undefined) return undefined;
  const text = decoded.normalize("NFC");
  const source = readSource(file, text, problems);
  if (reviews) reviews.push(reviewText(file, decoded, text, source ?? { lines: new Map(), bodyLine: 1 }, problems));
  return source;
}

/** Only the front matter and body of a content file, or undefined when it cannot be read. */
export function readContentSource(contentDir: string, file: string): Source | undefined {
  return readContentFile(contentDir, file, []);
}

/** A file's review, and a problem when its text (`decoded`, before it became `text` in NFC) was not NFC. */
function reviewText(file: string, decoded: string, text: string, { lines, bodyLine }: Pick<Source, "lines" | "bodyLine">, problems: Problem[]): FileReview {
  const notNfc = nfcProblem(file, decoded, text, (line) => fieldAtLine({ lines, bodyLine }, line));
  if (notNfc) problems.push(notNfc);
  return { file, lines, bodyLine, words: placedWordUses(text) };
}

/** A content file as it decodes (UTF-8, not yet normalised), or undefined with a problem saying why it cannot be read. */
function readText(contentDir: string, file: string, problems: Problem[]): string | undefined {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(path.join(contentDir, file));
  } catch (error) {
    problems.push({ file, message: say("cannotRead", { reason: (error as Error).message }) });
    return undefined;
  }
  const decoded = decodeContentFile(bytes);
  if (decoded.ok) return decoded.text;
  problems.push({ file, line: decoded.line, message: decoded.message });
  return undefined;
}

/**
 * A copy of `text` that holds nothing else in memory. V8 keeps a substring as a view of the string it
 * was cut from: a title parsed from YAML, or a summary cut from the body, would keep its whole file
 * alive as long as the archive lives (1.4 GiB of source text at 100,000 articles).
 */
function own<T extends string | undefined>(text: T): T {
  return (text === undefined ? text : (` ${text}`.slice(1) as T));
}

function toArticle(file: string, data: ArticleFrontMatter, slug: string, body: RenderedBody, categoryNames: Record<string, string>): Article {
  const { date } = data;
  const categorySlug = slugify(data.category);
  return {
    file,
    title: own(data.title),
    date: isoDateTime(date),
    timestamp: date.toMillis(),
    year: date.year,
    month: date.month,
    day: date.day,
    category: own(mappedCategoryName(categoryNames, [data.category]) ?? data.category),
    categorySlug,
    source: own(data.source),
    author: own(data.author),
    authorTitle: own(data.author_title),
    views: data.views,
    summary: own(data.summary ?? excerpt(body.firstParagraph)),
    tags: (data.tags ?? []).map(own),
    slug: own(slug),
    url: articleUrl(date, slug),
    image: data.image === undefined ? undefined : mediaSrc(data.image),
    legacyUrl: own(data.legacy_url),
    html: own(body.html),
  };
}

function toVideo(file: string, data: VideoFrontMatter, html: string): Video {
  const id = slugify(path.posix.basename(file, ".md"));
  return {
    file,
    id,
    url: videoUrl(id),
    title: data.title,
    date: isoDateTime(data.date),
    timestamp: data.date.toMillis(),
    src: mediaSrc(data.file ?? data.url!),
    external: !data.file,
    summary: data.summary,
    html,
  };
}

/** Only the site settings of a content folder; throws a ContentError when they are wrong. */
export function readSettings(contentDir: string): Settings {
  const problems: Problem[] = [];
  const settings = loadSettings(contentDir, problems);
  if (!settings) throw new ContentError(problems);
  return settings;
}

function loadSettings(contentDir: string, problems: Problem[], reviews?: FileReview[]): Settings | undefined {
  const file = SETTINGS_FILE;
  if (!fs.existsSync(path.join(contentDir, file))) {
    problems.push({ file, message: say("settingsMissing") });
    return undefined;
  }
  const decoded = readText(contentDir, file, problems);
  if (decoded === undefined) return undefined;
  const text = decoded.normalize("NFC");
  if (reviews) reviews.push(reviewText(file, decoded, text, { lines: new Map(), bodyLine: 1 }, problems));
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    problems.push({ file, message: say("settingsNotJson", { reason: (error as Error).message }) });
    return undefined;
  }
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    problems.push({ file, message: say("settingsNotObject", { found: describe(raw) }) });
    return undefined;
  }
  return validate(settingsSchema, raw as Record<string, unknown>, file, new Map(), problems);
}
