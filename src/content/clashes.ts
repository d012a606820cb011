// Two content files that would take one place of the site: one would silently overwrite the other.
import type { Problem } from "../core/errors.ts";
import { legacyKey } from "../core/legacy-address.ts";
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
      const spelling = sameLegacy.legacyUrl === article.legacyUrl ? "" : ` (written ${sameLegacy.legacyUrl} there, the same address once the host and the case of letters are set aside)`;
      problems.push({
        file: article.file,
        field: "legacy_url",
        message: `same old address ${article.legacyUrl} as ${sameLegacy.file}${spelling}; keep it in the article it belongs to and remove it from the other`,
      });
    } else if (key !== undefined) byLegacyKey.set(key, article);
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
export function videoClashes(videos: readonly { file: string; id: string; url: string }[]): Problem[] {
  const byId = new Map<string, string>();
  const problems: Problem[] = [];
  for (const video of videos) {
    const first = byId.get(video.id);
    if (first !== undefined) problems.push({ file: video.file, message: `same anchor ${video.url} as ${first}; rename one of the two files` });
    else byId.set(video.id, video.file);
  }
  return problems;
}
