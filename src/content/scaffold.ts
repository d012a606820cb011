import fs from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { dump } from "js-yaml";
import { ZONE } from "../core/dates.ts";
import { say } from "../core/messages.ts";
import { slugify } from "../core/slug.ts";

export interface NewArticle {
  title: string;
  category: string;
  /** Defaults to now, in Vietnam time. */
  date?: DateTime;
}

/** Writes a new article file at content/YYYY/MM/slug.md and returns its path; never overwrites. */
export function scaffoldArticle(contentDir: string, { title, category, date = DateTime.now().setZone(ZONE) }: NewArticle): string {
  const cleanTitle = title.normalize("NFC").trim();
  const slug = slugify(cleanTitle);
  if (!slug) throw new Error(say("newTitleNoSlug", { title }));
  const file = path.join(contentDir, date.toFormat("yyyy"), date.toFormat("MM"), `${slug}.md`);
  const frontMatter = dump(
    { title: cleanTitle, date: date.setZone(ZONE).toFormat("yyyy-MM-dd HH:mm"), category: category.normalize("NFC").trim() },
    { forceQuotes: true, quoteStyle: "double", lineWidth: -1 },
  );
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (fs.existsSync(file)) throw new Error(say("newFileExists", { file }));
  // "wx" also refuses a file that appeared since the check: a new article never replaces one.
  fs.writeFileSync(file, `---\n${frontMatter}---\n\nNội dung bài viết.\n`, { flag: "wx" });
  return file;
}
