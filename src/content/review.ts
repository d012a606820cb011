// What `npm run check` finds in a content folder: every problem a build stops on, and what a build
// passes over but a reader would see broken (a link to no page, a missing image, text not in NFC),
// as errors; what an editor should look at (one word with its tone mark in two places, a new
// category), as warnings; and the drafts, which are checked like the rest but not published.
import { findContentError, type Problem } from "../core/errors.ts";
import { buildArchive } from "./archive.ts";
import { categoryCatalogue, isSiteCategory, notASiteCategory } from "./categories.ts";
import { fieldAtLine } from "./front-matter.ts";
import { bodyLinks, brokenLinks, type LinkedSite, locateLinks, nearestAddress, siteAddresses } from "./links.ts";
import { reviewContentInParallel } from "./load-parallel.ts";
import { type Article, type FileReview, readContentSource, type ReviewedContent, type Video } from "./load.ts";
import { placementVariants, type SpellingUse } from "./tone-placement.ts";
import { ROUTES } from "./urls.ts";
import { say } from "../core/messages.ts";

/** A problem, a warning or a draft: a Problem whose kind is always said. */
export type Finding = Problem & { kind: string };

export interface Review {
  /** Each fails the check. */
  errors: Finding[];
  /** Worth a look; the check still passes. */
  warnings: Finding[];
  /** Drafts, for information. */
  drafts: Finding[];
  /** Published articles and videos read. */
  articles: number;
  videos: number;
}

/** The review of a content folder; files in the findings are relative to it, each list in file order. */
export async function reviewFolder(contentDir: string): Promise<Review> {
  let content: ReviewedContent;
  try {
    content = await reviewContentInParallel(contentDir);
  } catch (error) {
    // No folder to read: that is the one error.
    const contentError = findContentError(error);
    if (!contentError) throw error;
    return { errors: contentError.problems.map(finding), warnings: [], drafts: [], articles: 0, videos: 0 };
  }
  const reviews = new Map(content.reviews.map((review) => [review.file, review]));
  const lineOf = (file: string, field: string) => reviews.get(file)?.lines.get(field);
  return {
    errors: inFileOrder([...content.problems.map(finding), ...linkProblems(contentDir, content)]),
    warnings: inFileOrder([...placementWarnings(content.reviews, reviews), ...categoryWarnings(content, lineOf)]),
    drafts: inFileOrder([...content.drafts.articles, ...content.drafts.videos].map((draft) => draftNote(draft, lineOf(draft.file, "draft")))),
    articles: content.articles.length,
    videos: content.videos.length,
  };
}

const finding = (problem: Problem): Finding => ({ ...problem, kind: problem.kind ?? "content" });

/** By file, then line; the order found within a line. */
function inFileOrder(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
}

/**
 * Links of every body, drafts' too, that lead to no page or file of the site. Without settings
 * (their problem is reported) the site's address is unknown, and links are not checked.
 */
function linkProblems(contentDir: string, { settings, articles, videos, drafts, unplaced }: ReviewedContent): Finding[] {
  if (!settings) return [];
  const archive = buildArchive({ settings, articles, videos });
  const addresses = siteAddresses(archive);
  const site: LinkedSite = { url: settings.url, addresses, drafts: new Map(drafts.articles.map((draft) => [draft.url, draft.file])) };
  const nearest = nearestAddress(addresses);
  const pages: { file: string; path?: string; html: string }[] = [
    ...[...articles, ...drafts.articles].map((article) => ({ file: article.file, path: article.url, html: article.html })),
    ...[...videos, ...drafts.videos].map((video) => ({ file: video.file, path: ROUTES.videos, html: video.html })),
    ...unplaced.map((body) => ({ file: body.file, path: body.page, html: body.html })),
  ];
  const problems: Finding[] = [];
  for (const page of pages) {
    const broken = brokenLinks(page.html, page.path, site, nearest);
    if (broken.length === 0) continue;
    // Lines are looked for only in files with a broken link: the body is read again for them.
    const source = readContentSource(contentDir, page.file);
    const lines = source ? locateLinks(bodyLinks(page.html), source.body, source.bodyLine) : [];
    for (const { index, kind, message } of broken) problems.push({ file: page.file, line: lines[index], kind, message });
  }
  return problems;
}

/** One warning for each word spelled with its tone mark on either vowel, at the first use of the rarer spelling. */
function placementWarnings(reviews: readonly FileReview[], byFile: ReadonlyMap<string, FileReview>): Finding[] {
  return placementVariants(reviews).map(({ spellings: [rarer, other] }) => {
    const { file, line } = rarer.files[0]!;
    const review = byFile.get(file);
    return {
      file,
      line,
      field: review && fieldAtLine(review, line),
      kind: "tone-marks",
      message: say("toneVariants", { rarer: spellingUse(rarer), other: spellingUse(other) }),
    };
  });
}

/** `"hoà" (3 times in 2 files: a.md, b.md)` */
function spellingUse({ spelling, count, files }: SpellingUse): string {
  return say("spellingUse", { spelling: JSON.stringify(spelling), times: count, files: files.length, examples: examples(files.map((use) => use.file)) });
}

/** Files a message names as examples, at most this many. */
const EXAMPLE_FILES = 3;

/** "a.md, b.md, c.md and 4 more" */
function examples(files: readonly string[]): string {
  const more = files.length > EXAMPLE_FILES ? ` and ${files.length - EXAMPLE_FILES} more` : "";
  return `${files.slice(0, EXAMPLE_FILES).join(", ")}${more}`;
}

/**
 * One warning for each category that is none of the site's (categories.ts), at the first article
 * that has it. A new category makes a new section of the site, so a mistyped one is worth a look.
 */
function categoryWarnings({ settings, articles, drafts }: ReviewedContent, lineOf: (file: string, field: string) => number | undefined): Finding[] {
  const all = [...articles, ...drafts.articles].sort((a, b) => (a.file < b.file ? -1 : 1));
  const catalogue = categoryCatalogue(settings?.categories ?? {}, all);
  const warned = new Set<string>();
  const warnings: Finding[] = [];
  for (const article of all) {
    if (warned.has(article.categorySlug) || isSiteCategory(catalogue, article.categorySlug, 1)) continue;
    warned.add(article.categorySlug);
    const others = all.filter((other) => other !== article && other.categorySlug === article.categorySlug).map((other) => other.file);
    warnings.push({
      file: article.file,
      line: lineOf(article.file, "category"),
      field: "category",
      kind: "category",
      message: say("newCategoryWarning", { problem: notASiteCategory(catalogue, article.category, 1), also: others.length ? say("alsoIn", { examples: examples(others) }) : "" }),
    });
  }
  return warnings;
}

function draftNote(draft: Article | Video, line: number | undefined): Finding {
  return { file: draft.file, line, field: "draft", kind: "draft", message: say("draftNote", { title: JSON.stringify(draft.title) }) };
}
