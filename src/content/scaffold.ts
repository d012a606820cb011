// `npm run new`: a new article as a draft, with every field an article may have, the optional ones
// commented out with a word in Vietnamese on what goes there, so that an editor need not look them up.
import fs from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { dump } from "js-yaml";
import { ZONE } from "../core/dates.ts";
import { say } from "../core/messages.ts";
import { findContentError, UserError } from "../core/errors.ts";
import { slugify } from "../core/slug.ts";
import { type CategoryCatalogue, categoryCatalogue, isSiteCategory, notASiteCategory } from "./categories.ts";
import { readContentSource, readSettings } from "./load.ts";
import { type ArticleFrontMatter, articleSchema } from "./schema.ts";
import { contentFiles } from "./sources.ts";

export interface NewArticle {
  title: string;
  category: string;
  /** Defaults to now, in Vietnam time. */
  date?: DateTime;
  /** Accept a category that is none of the site's (categories.ts), starting a new one. */
  newCategory?: boolean;
}

/** The optional fields of the schema, each with an example value (YAML) and what goes there. */
const OPTIONAL_FIELDS: Record<Exclude<keyof ArticleFrontMatter, "title" | "date" | "category" | "draft">, [example: string, hint: string]> = {
  source: ['"Website Thành ủy"', "nguồn tin, hiện thành “Theo …”"],
  author: ['"Nguyễn Văn A"', "người viết, ký dưới bài"],
  author_title: ['"Phóng viên"', "chức vụ của người viết, hiện sau tên"],
  views: ["0", "số lượt xem lưu từ cổng thông tin cũ (số nguyên)"],
  summary: ['"Một hai câu tóm tắt bài."', "tóm tắt trong danh sách tin; bỏ trống thì lấy đầu đoạn đầu tiên"],
  tags: ['["Gò Vấp", "Đảng bộ"]', "từ khóa"],
  slug: ['"tieu-de-ngan"', "phần cuối địa chỉ bài (a-z, 0-9, dấu gạch ngang); bỏ trống thì lấy theo tiêu đề"],
  image: ['"media/anh.jpg"', "ảnh đại diện: tệp trong thư mục static/ hoặc địa chỉ http(s)"],
  legacy_url: ['"http://www.govap.hochiminhcity.gov.vn/tintuc/Lists/Posts/Post.aspx?ID=1"', "địa chỉ của bài trên cổng thông tin cũ"],
};

const UNCOMMENT_HINT = "# Bỏ dấu # ở đầu dòng để dùng một trường dưới đây.";
const PUBLISH_HINT = "bản nháp: xóa dòng này để đăng bài";

/**
 * Writes a new draft at content/YYYY/MM/slug.md and returns its path and the category as written:
 * the spelling the site uses when the one given names the same category page. Refuses a category
 * that is none of the site's unless `newCategory`, and never overwrites a file.
 */
export function scaffoldArticle(contentDir: string, { title, category, date = DateTime.now().setZone(ZONE), newCategory = false }: NewArticle): { file: string; category: string } {
  const cleanTitle = title.normalize("NFC").trim();
  const slug = slugify(cleanTitle);
  if (!slug) throw new Error(say("newTitleNoSlug", { title }));
  const file = path.join(contentDir, date.toFormat("yyyy"), date.toFormat("MM"), `${slug}.md`);
  if (fs.existsSync(file)) throw new Error(say("newFileExists", { file }));
  const given = category.normalize("NFC").trim();
  const catalogue = siteCategories(contentDir);
  const categorySlug = slugify(given);
  const known = isSiteCategory(catalogue, categorySlug) ? catalogue.bySlug.get(categorySlug)!.name : undefined;
  // A wrong argument, as the README counts them: exit status 2.
  if (known === undefined && !newCategory) throw new UserError(say("newUnknownCategory", { problem: notASiteCategory(catalogue, given) }), 2);
  const written = known ?? given;
  const required = dump({ title: cleanTitle, date: date.setZone(ZONE).toFormat("yyyy-MM-dd HH:mm"), category: written }, { forceQuotes: true, quoteStyle: "double", lineWidth: -1 });
  const optional = Object.keys(articleSchema.shape).flatMap((field) => {
    const described = OPTIONAL_FIELDS[field as keyof typeof OPTIONAL_FIELDS];
    return described ? [`# ${field}: ${described[0]}  # ${described[1]}`] : [];
  });
  const frontMatter = `${required}draft: true  # ${PUBLISH_HINT}\n${UNCOMMENT_HINT}\n${optional.join("\n")}\n`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // "wx" also refuses a file that appeared since the check: a new article never replaces one.
  fs.writeFileSync(file, `---\n${frontMatter}---\n\nNội dung bài viết.\n`, { flag: "wx" });
  return { file, category: written };
}

/**
 * The site's categories (categories.ts) as a new article sees them: from the settings, or from the
 * front matter of every article, drafts too, read but not checked (`npm run check` does that).
 */
export function siteCategories(contentDir: string): CategoryCatalogue {
  let names: Record<string, string> = {};
  try {
    names = readSettings(contentDir).categories;
  } catch (error) {
    // Missing or wrong settings name no categories; the check reports them.
    if (!findContentError(error)) throw error;
  }
  const articles = contentFiles(contentDir).articles.flatMap((file) => {
    const category = readContentSource(contentDir, file)?.data.category;
    if (typeof category !== "string" || !slugify(category)) return [];
    return [{ category: category.trim(), categorySlug: slugify(category) }];
  });
  return categoryCatalogue(names, articles);
}
