import { closest } from "../core/errors.ts";
import { slugify } from "../core/slug.ts";
import { fold } from "../core/text.ts";
import { say } from "../core/messages.ts";

/**
 * The display name the site settings' `categories` map gives a category, looked up by each
 * spelling in turn, then by the slug of the first: { "tin-tuc": "Tin tức" } names every spelling
 * of that category page. Undefined when the settings do not name it.
 */
export function mappedCategoryName(names: Readonly<Record<string, string>>, spellings: readonly string[]): string | undefined {
  const own = (key: string) => (Object.hasOwn(names, key) ? names[key] : undefined);
  for (const spelling of spellings) {
    const name = own(spelling);
    if (name !== undefined) return name;
  }
  return spellings[0] === undefined ? undefined : own(slugify(spellings[0]));
}

/**
 * How many other articles must have a category, when the site settings name none, for it to be one
 * of the site's. One: an editor who mistypes a category in a new article is told at once, and two
 * articles with the same new category are taken to start it on purpose (the first was warned about).
 */
export const CATEGORY_IN_USE_FROM = 1;

/** The categories of a site, by slug (the category page), with the name to write in `category`. */
export interface CategoryCatalogue {
  /** True when the site settings name the categories; otherwise the articles do. */
  fromSettings: boolean;
  bySlug: Map<string, { name: string; articles: number }>;
}

/**
 * The site's categories: those its settings' `categories` name, if it names any (a key is a slug or
 * a name; what to write is its display name when that gives the same page, else the key); else
 * those of `articles` (drafts too), each under the spelling most of them write.
 */
export function categoryCatalogue(names: Readonly<Record<string, string>>, articles: readonly { category: string; categorySlug: string }[]): CategoryCatalogue {
  const bySlug: CategoryCatalogue["bySlug"] = new Map();
  const fromSettings = Object.keys(names).length > 0;
  if (fromSettings) {
    for (const [key, name] of Object.entries(names)) {
      const slug = slugify(key);
      if (slug && !bySlug.has(slug)) bySlug.set(slug, { name: slugify(name) === slug ? name : key, articles: 0 });
    }
  }
  const spellings = new Map<string, Map<string, number>>();
  for (const { category, categorySlug } of articles) {
    const uses = spellings.get(categorySlug) ?? new Map<string, number>();
    spellings.set(categorySlug, uses.set(category, (uses.get(category) ?? 0) + 1));
    const known = bySlug.get(categorySlug);
    if (known) known.articles++;
  }
  if (!fromSettings) {
    for (const [slug, uses] of spellings) {
      const [name] = [...uses].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1))[0]!;
      bySlug.set(slug, { name, articles: [...uses.values()].reduce((sum, count) => sum + count, 0) });
    }
  }
  return { fromSettings, bySlug };
}

/** Whether a category (by slug) is one of the site's, for an article that is itself counted `own` times among the articles. */
export function isSiteCategory({ fromSettings, bySlug }: CategoryCatalogue, slug: string, own = 0): boolean {
  const known = bySlug.get(slug);
  return known !== undefined && (fromSettings || known.articles - own >= CATEGORY_IN_USE_FROM);
}

/**
 * The site category whose name is fewest edits from `name`, tone marks aside, for an article that
 * is itself counted `own` times among the articles; undefined when the site has none.
 */
export function nearestCategory(catalogue: CategoryCatalogue, name: string, own = 0): string | undefined {
  const nameSlug = slugify(name);
  const names = [...catalogue.bySlug].filter(([slug]) => isSiteCategory(catalogue, slug, slug === nameSlug ? own : 0)).map(([, category]) => category.name);
  const best = closest(fold(name), names.map(fold));
  return best && names[best.index];
}

/** What is wrong with a category that is none of the site's (before what to do about it, which depends on the command); `own` as for nearestCategory. */
export function notASiteCategory(catalogue: CategoryCatalogue, name: string, own = 0): string {
  const nearest = nearestCategory(catalogue, name, own);
  const which = say(catalogue.fromSettings ? "categoriesOfSettings" : "categoriesOfArticles");
  return say("notSiteCategory", { name: JSON.stringify(name), which, nearest: nearest === undefined ? say("noCategoriesYet") : say("nearestCategory", { nearest: JSON.stringify(nearest) }) });
}
