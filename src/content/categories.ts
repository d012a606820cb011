import { slugify } from "../core/slug.ts";

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
