import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { CORE_SCHEMA, dump, load } from "js-yaml";
import type { z } from "zod";
import { isoDateTime } from "../core/dates.ts";
import { STATIC_DIR } from "../core/project.ts";
import { ContentError, type Problem, suggest } from "../core/errors.ts";
import { createRenderer, excerpt, type RenderedBody } from "./markdown.ts";
import { type ArticleFrontMatter, articleSchema, describe, type Settings, settingsSchema, type VideoFrontMatter, videoSchema } from "./schema.ts";
import { slugify } from "../core/slug.ts";
import { mappedCategoryName } from "./categories.ts";
import { contentFiles, SETTINGS_FILE } from "./sources.ts";
import { articleUrl, categoryUrl, videoUrl } from "./urls.ts";

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

// The usual cause of a YAML error in front matter: an unquoted value with ": " in it.
const QUOTING_HINT = '; quote text that contains ":" or "#", e.g. title: "Tiêu đề: phụ đề"';



const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Path under static/ of a local media value: "./a/b", "/a/b" and "a\\b" all name static/a/b. */
function staticPath(value: string): string {
  return value.replace(/\\/g, "/").replace(/^\.?\//, "");
}

/** Address of a media value on the site: a URL as written, a local file from the site root. */
function mediaSrc(value: string): string {
  return URL_SCHEME.test(value) ? value : `/${staticPath(value)}`;
}

/** A problem when a local path does not name a file under static/; URLs are not checked. */
function missingStaticFile(file: string, field: string, value: string | undefined, lines: Map<string, number>): Problem[] {
  if (value === undefined || URL_SCHEME.test(value)) return [];
  const local = staticPath(value);
  if (!local.split("/").includes("..") && fs.statSync(path.join(STATIC_DIR, local), { throwIfNoEntry: false })?.isFile()) return [];
  return [{ file, field, line: lines.get(field), message: `${JSON.stringify(value)} is not a file under static/ (put it at static/${local}, or give a URL)` }];
}

// CORE_SCHEMA has no timestamp type, so `date: 2011-09-20 00:30` stays the string the editor wrote
// instead of becoming a UTC Date that lands on the wrong day.
const matterOptions = {
  engines: {
    yaml: {
      parse: (source: string) => load(source, { schema: CORE_SCHEMA }) as object,
      stringify: (data: object) => dump(data),
    },
  },
};

/**
 * Reads and checks every file of a content folder. Either returns all of it or throws one
 * ContentError with every problem of every file: nothing is dropped silently.
 */
export function loadContent(contentDir: string): Content {
  const problems: Problem[] = [];
  const settings = loadSettings(contentDir, problems);
  const render = createRenderer(settings?.iframeHosts ?? []);
  const articles: Article[] = [];
  const videos: Video[] = [];

  const files = contentFiles(contentDir);
  for (const file of files.articles) {
    const source = readSource(contentDir, file, problems);
    const data = source && validate(articleSchema, source.data, file, source.lines, problems);
    if (!source || !data || data.draft) continue;
    problems.push(...missingStaticFile(file, "image", data.image, source.lines));
    const slug = data.slug ?? slugify(data.title);
    if (slug) articles.push(toArticle(file, data, slug, render(source.body), settings?.categories ?? {}));
    else problems.push({ file, field: "title", message: "the title gives an empty slug; add a `slug` of a-z, 0-9 and hyphens" });
  }
  for (const file of files.videos) {
    const source = readSource(contentDir, file, problems);
    const data = source && validate(videoSchema, source.data, file, source.lines, problems);
    if (!source || !data || data.draft) continue;
    problems.push(...missingStaticFile(file, "file", data.file, source.lines));
    videos.push(toVideo(file, data, render(source.body).html));
  }

  problems.push(...duplicateProblems(articles), ...duplicateVideoProblems(videos));
  if (problems.length > 0 || !settings) throw new ContentError(problems);
  return { settings, articles, videos };
}

function toArticle(file: string, data: ArticleFrontMatter, slug: string, body: RenderedBody, categoryNames: Record<string, string>): Article {
  const { date } = data;
  const categorySlug = slugify(data.category);
  return {
    file,
    title: data.title,
    date: isoDateTime(date),
    timestamp: date.toMillis(),
    year: date.year,
    month: date.month,
    day: date.day,
    category: mappedCategoryName(categoryNames, [data.category]) ?? data.category,
    categorySlug,
    source: data.source,
    author: data.author,
    authorTitle: data.author_title,
    views: data.views,
    summary: data.summary ?? excerpt(body.firstParagraph),
    tags: data.tags ?? [],
    slug,
    url: articleUrl(date, slug),
    image: data.image === undefined ? undefined : mediaSrc(data.image),
    legacyUrl: data.legacy_url,
    html: body.html,
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

interface Source {
  data: Record<string, unknown>;
  body: string;
  /** Line of each front-matter key in the file. */
  lines: Map<string, number>;
}

function readSource(contentDir: string, file: string, problems: Problem[]): Source | undefined {
  const text = fs.readFileSync(path.join(contentDir, file), "utf8").replace(/^\uFEFF/, "").normalize("NFC");
  if (!/^---[^\S\r\n]*\r?\n/.test(text)) {
    problems.push({ file, line: 1, message: "no front matter: the file must start with a line `---`, then fields such as `title:`, then `---`" });
    return undefined;
  }
  try {
    const parsed = matter(text, matterOptions);
    if (parsed.data === null || typeof parsed.data !== "object" || Array.isArray(parsed.data)) {
      problems.push({ file, line: 2, message: `front matter must be fields (\`title: "…"\`), found ${describe(parsed.data)}` });
      return undefined;
    }
    return { data: parsed.data as Record<string, unknown>, body: parsed.content, lines: keyLines(text) };
  } catch (error) {
    const mark = (error as { mark?: { line: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    problems.push({
      file,
      // gray-matter hands YAML the text from the newline after `---`, so YAML's line 0 is that opening line.
      line: mark ? mark.line + 1 : undefined,
      message: `front matter is not valid YAML: ${reason}${/mapping|indentation/.test(reason) ? QUOTING_HINT : ""}`,
    });
    return undefined;
  }
}

function validate<S extends z.ZodType>(schema: S, data: Record<string, unknown>, file: string, lines: Map<string, number>, problems: Problem[]): z.output<S> | undefined {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const known = Object.keys((schema as unknown as { shape: object }).shape);
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const guess = suggest(key, known);
        problems.push({ file, field: key, line: lines.get(key), message: `unknown field${guess ? ` — did you mean \`${guess}\`?` : `; known fields: ${known.join(", ")}`}` });
      }
      continue;
    }
    const field = issue.path.length > 0 ? issue.path.join(".") : undefined;
    problems.push({ file, field, line: field ? lines.get(String(issue.path[0])) : undefined, message: issue.message });
  }
  return undefined;
}

/** Line of each top-level key in the front matter, so messages point at the line to fix. */
function keyLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const all = text.split(/\r?\n/);
  for (let index = 1; index < all.length && !/^(---|\.\.\.)\s*$/.test(all[index]!); index++) {
    const key = /^([^\s#:][^:]*?)\s*:(\s|$)/.exec(all[index]!)?.[1];
    if (key !== undefined && !lines.has(key)) lines.set(key, index + 1);
  }
  return lines;
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
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(path.join(contentDir, SETTINGS_FILE), "utf8").normalize("NFC"));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    problems.push({ file, message: missing ? "missing: the site settings (title, url) must be in this file" : `not valid JSON: ${(error as Error).message}` });
    return undefined;
  }
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    problems.push({ file, message: `expected a JSON object of settings, found ${describe(raw)}` });
    return undefined;
  }
  return validate(settingsSchema, raw as Record<string, unknown>, file, new Map(), problems);
}

/** Two articles at one URL, or two spellings of one category slug, would overwrite each other. */
function duplicateProblems(articles: Article[]): Problem[] {
  const problems: Problem[] = [];
  const byUrl = new Map<string, Article>();
  const categoryBySlug = new Map<string, Article>();
  for (const article of articles) {
    const first = byUrl.get(article.url);
    if (first) {
      problems.push({
        file: article.file,
        field: "slug",
        message: `same URL ${article.url} as ${first.file}; give one of them a different \`slug\``,
      });
    } else byUrl.set(article.url, article);
    const sameSlug = categoryBySlug.get(article.categorySlug);
    if (sameSlug && sameSlug.category !== article.category) {
      problems.push({
        file: article.file,
        field: "category",
        message: `"${article.category}" and "${sameSlug.category}" (${sameSlug.file}) share the category page ${categoryUrl(article.categorySlug)}; write the category the same way in both`,
      });
    } else if (!sameSlug) categoryBySlug.set(article.categorySlug, article);
  }
  return problems;
}

/** Two video files whose names give one anchor (Clip.md, clip.md) would share one entry of the video page. */
function duplicateVideoProblems(videos: Video[]): Problem[] {
  const byId = new Map<string, Video>();
  const problems: Problem[] = [];
  for (const video of videos) {
    const first = byId.get(video.id);
    if (first) problems.push({ file: video.file, message: `same anchor ${video.url} as ${first.file}; rename one of the two files` });
    else byId.set(video.id, video);
  }
  return problems;
}
