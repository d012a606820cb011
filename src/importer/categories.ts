// The category an imported page is filed under: the site settings' names, the archive's own
// spelling, or the captured name in sentence case.
import fs from "node:fs";
import path from "node:path";
import { slugify } from "../core/slug.ts";
import { mappedCategoryName } from "../content/categories.ts";
import { settingsSchema } from "../content/schema.ts";
import { SETTINGS_FILE } from "../content/sources.ts";
import { sentenceCase } from "./capture.ts";

/** The site settings of the content folder cannot be read: nothing is imported. */
export class SettingsError extends Error {
  override name = "SettingsError";
}

/** Display names by category slug or captured name, from the content folder's site settings. */
export function readCategoryNames(contentDir: string): Record<string, string> {
  const file = path.join(contentDir, SETTINGS_FILE);
  if (!fs.existsSync(file)) return {};
  let settings: unknown;
  try {
    settings = JSON.parse(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "").normalize("NFC"));
  } catch (error) {
    throw new SettingsError(`${file}: not valid JSON (${(error as Error).message}); fix it so category names can be read`);
  }
  // Only `categories` matters here; the build checks the rest.
  const given = typeof settings === "object" && settings !== null ? (settings as { categories?: unknown }).categories : undefined;
  const categories = settingsSchema.shape.categories.safeParse(given);
  if (!categories.success) {
    const issue = categories.error.issues[0];
    const where = issue?.path.length ? ` at "${issue.path.join(".")}"` : "";
    throw new SettingsError(`${file}: "categories" must map category slugs or captured names to display names, e.g. {"cac-chuyen-de": "Các chuyên đề"}${issue ? `; found${where}: ${issue.message}` : ""}`);
  }
  return categories.data;
}

/**
 * The category of a captured page. The settings' name wins; otherwise the spelling the archive
 * already uses for that category slug, so the build does not see two spellings of one category
 * page; otherwise the captured name in sentence case. A name the settings give as exactly the
 * sentence-case form counts as no name: the archive's spelling stays the one the build sees.
 */
export function categoryFor(captured: string, names: Readonly<Record<string, string>>, archiveSpelling: (slug: string) => string | undefined): string {
  const fallback = sentenceCase(captured);
  const mapped = mappedCategoryName(names, [captured, fallback]);
  return mapped !== undefined && mapped !== fallback ? mapped : (archiveSpelling(slugify(fallback)) ?? fallback);
}
