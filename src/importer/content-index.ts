// The articles already in the content folder an import writes into, as the build will see them.
import fs from "node:fs";
import path from "node:path";
import { parseArticleDate } from "../core/dates.ts";
import { slugify } from "../core/slug.ts";
import { readSource } from "../content/front-matter.ts";
import { contentFiles } from "../content/sources.ts";
import { articleUrl } from "../content/urls.ts";

export interface KnownArticle {
  /** `YYYY-MM-DD HH:mm:ss` in Vietnam time, when the front matter has a readable date. */
  date?: string;
  url?: string;
}

/**
 * Read once per run: the articles by file, by URL (two articles at one URL stop the build), and
 * the spelling of each category slug. Files the run writes are added as it goes.
 */
export class ContentIndex {
  private readonly files = new Map<string, KnownArticle>();
  private readonly urls = new Map<string, string>();
  private readonly categories = new Map<string, string>();

  constructor(private readonly contentDir: string) {
    for (const file of contentFiles(contentDir).articles) this.read(file);
  }

  private read(file: string): void {
    // Read as the build reads it; unreadable files are the build's to report, here only occupied paths.
    let data: Record<string, unknown> | undefined;
    try {
      data = readSource(file, fs.readFileSync(path.join(this.contentDir, file), "utf8").replace(/^\uFEFF/, ""), [])?.data;
    } catch {
      data = undefined;
    }
    if (!data) {
      this.files.set(file, {});
      return;
    }
    const date = typeof data.date === "string" ? parseArticleDate(data.date) : undefined;
    const title = typeof data.title === "string" ? data.title.normalize("NFC") : "";
    const slug = typeof data.slug === "string" ? data.slug : slugify(title);
    const known: KnownArticle = {};
    if (date?.ok) {
      known.date = date.date.toFormat("yyyy-MM-dd HH:mm:ss");
      if (slug && data.draft !== true) known.url = articleUrl(date.date, slug);
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
