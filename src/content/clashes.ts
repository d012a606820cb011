// Two content files that would take one place of the site: one would silently overwrite the other.
import type { Problem } from "../core/errors.ts";
import { legacyKey } from "../core/legacy-address.ts";
import { say } from "../core/messages.ts";
import { categoryUrl } from "./urls.ts";

interface Placed {
  file: string;
  url: string;
  category: string;
  categorySlug: string;
  legacyUrl?: string;
}

/**
 * Two articles at one URL, or two spellings of one category slug, would overwrite each other; two
 * with one old address would leave that address leading to only one of them.
 */
export function articleClashes(articles: readonly Placed[]): Problem[] {
  const problems: Problem[] = [];
  const byUrl = new Map<string, Placed>();
  const categoryBySlug = new Map<string, Placed>();
  const byLegacyKey = new Map<string, Placed>();
  for (const article of articles) {
    const key = article.legacyUrl === undefined ? undefined : legacyKey(article.legacyUrl);
    const sameLegacy = key === undefined ? undefined : byLegacyKey.get(key);
    if (sameLegacy) {
      // ID=455 and id=455 are one address to the old portal (src/core/legacy-address.ts).
      const spelling = sameLegacy.legacyUrl === article.legacyUrl ? "" : say("legacySpelling", { url: sameLegacy.legacyUrl! });
      problems.push({ file: article.file, field: "legacy_url", message: say("sameLegacyUrl", { url: article.legacyUrl!, file: sameLegacy.file, spelling }) });
    } else if (key !== undefined) byLegacyKey.set(key, article);
    const first = byUrl.get(article.url);
    if (first) {
      problems.push({ file: article.file, field: "slug", message: say("sameUrl", { url: article.url, file: first.file }) });
    } else byUrl.set(article.url, article);
    const sameSlug = categoryBySlug.get(article.categorySlug);
    if (sameSlug && sameSlug.category !== article.category) {
      problems.push({
        file: article.file,
        field: "category",
        message: say("sameCategoryPage", { name: article.category, other: sameSlug.category, file: sameSlug.file, url: categoryUrl(article.categorySlug) }),
      });
    } else if (!sameSlug) categoryBySlug.set(article.categorySlug, article);
  }
  return problems;
}

/** Two video files whose names give one anchor (Clip.md, clip.md) would share one entry of the video page. */
export function videoClashes(videos: readonly { file: string; id: string; url: string }[]): Problem[] {
  const byId = new Map<string, string>();
  const problems: Problem[] = [];
  for (const video of videos) {
    const first = byId.get(video.id);
    if (first !== undefined) problems.push({ file: video.file, message: say("sameVideoAnchor", { url: video.url, file: first }) });
    else byId.set(video.id, video.file);
  }
  return problems;
}
