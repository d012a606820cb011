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
import { readSource, type Source, validate } from "./front-matter.ts";
import { createRenderer, excerpt, type RenderedBody } from "./markdown.ts";
import { mediaProblems, mediaSrc } from "./media.ts";
import { type ArticleFrontMatter, articleSchema, describe, type Settings, settingsSchema, type VideoFrontMatter, videoSchema } from "./schema.ts";
import { contentFiles, SETTINGS_FILE } from "./sources.ts";
import { articleUrl, videoUrl } from "./urls.ts";

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
}

/** The first step of loadContent: the folder, its settings, its list of files. */
export function beginLoading(contentDir: string): LoadStart {
  const folder = folderProblem(contentDir);
  if (folder) throw new ContentError([folder]);
  const problems: Problem[] = [];
  const settings = loadSettings(contentDir, problems);
  const files = contentFiles(contentDir);
  problems.push(...files.problems);
  return { settings, files, problems };
}

/** Articles read from some of the files, in their order, and the problems found in them. */
export interface ArticleBatch {
  articles: Article[];
  problems: Problem[];
}

/** The articles of `files` (paths in the content folder), each read and checked on its own. */
export function readArticles(contentDir: string, files: readonly string[], settings: Settings | undefined): ArticleBatch {
  const render = createRenderer(settings?.iframeHosts ?? []);
  const problems: Problem[] = [];
  const articles: Article[] = [];
  for (const file of files) {
    const source = readContentFile(contentDir, file, problems);
    const data = source && validate(articleSchema, source.data, file, source.lines, problems);
    if (!source || !data || data.draft) continue;
    const body = render(source.body);
    problems.push(...mediaProblems(file, "image", data.image, source.lines), ...bodyIdProblems(file, bodyIds(source, body.html)));
    const slug = data.slug ?? slugify(data.title);
    if (!slug) problems.push({ file, field: "title", line: source.lines.get("title"), message: say("noSlugFromTitle") });
    if (!slugify(data.category)) problems.push({ file, field: "category", line: source.lines.get("category"), message: say("noCategoryUrl", { name: JSON.stringify(data.category) }) });
    // An article with no URL or no category page would only add clashes at those empty places.
    else if (slug) articles.push(toArticle(file, data, slug, body, settings?.categories ?? {}));
  }
  return { articles, problems };
}

/**
 * The last step of loadContent, given the articles of all files in `batches`, in order: the videos,
 * then what only the whole archive shows (two articles at one URL); throws one ContentError for all.
 */
export function finishLoading(contentDir: string, { settings, files, problems: found }: LoadStart, batches: readonly ArticleBatch[]): Content {
  const problems = [...found, ...batches.flatMap((batch) => batch.problems)];
  const articles = batches.flatMap((batch) => batch.articles);
  const render = createRenderer(settings?.iframeHosts ?? []);
  const videos: Video[] = [];
  const videoIds: VideoIds[] = [];
  for (const file of files.videos) {
    const source = readContentFile(contentDir, file, problems);
    const data = source && validate(videoSchema, source.data, file, source.lines, problems);
    if (!source || !data || data.draft) continue;
    const video = toVideo(file, data, render(source.body).html);
    const ids = bodyIds(source, video.html);
    problems.push(...mediaProblems(file, "file", data.file, source.lines), ...bodyIdProblems(file, ids), ...anchorProblems(video));
    if (!video.id) continue;
    videos.push(video);
    videoIds.push({ file, id: video.id, bodyIds: ids });
  }

  problems.push(...articleClashes(articles), ...videoClashes(videos), ...videoPageIdProblems(videoIds));
  if (problems.length > 0 || !settings) throw new ContentError(problems);
  return { settings, articles, videos };
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

function readContentFile(contentDir: string, file: string, problems: Problem[]): Source | undefined {
  const text = readText(contentDir, file, problems);
  return text === undefined ? undefined : readSource(file, text, problems);
}

/** A content file as NFC text, or undefined with a problem saying why it cannot be read. */
function readText(contentDir: string, file: string, problems: Problem[]): string | undefined {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(path.join(contentDir, file));
  } catch (error) {
    problems.push({ file, message: say("cannotRead", { reason: (error as Error).message }) });
    return undefined;
  }
  const decoded = decodeContentFile(bytes);
  if (decoded.ok) return decoded.text.normalize("NFC");
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

function loadSettings(contentDir: string, problems: Problem[]): Settings | undefined {
  const file = SETTINGS_FILE;
  if (!fs.existsSync(path.join(contentDir, file))) {
    problems.push({ file, message: say("settingsMissing") });
    return undefined;
  }
  const text = readText(contentDir, file, problems);
  if (text === undefined) return undefined;
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
