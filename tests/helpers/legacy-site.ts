import fs from "node:fs";
import path from "node:path";
import { copyFixture, writeArticle } from "./site.ts";

/** Articles of the fixture site that carry the address they had on the old portal. */
export const LEGACY_ARTICLES = [
  {
    file: "2011/09/ra-quan-kenh-hy-vong.md",
    title: "Phường 10 ra quân làm sạch kênh Hy Vọng",
    date: "2011-09-21 07:30",
    slug: "ra-quan-kenh-hy-vong",
    url: "/2011/09/21/ra-quan-kenh-hy-vong/",
    legacyUrl: "http://www.govap.hochiminhcity.gov.vn/tintuc/Lists/Posts/Post.aspx?ID=455",
    key: "/tintuc/lists/posts/post.aspx?id=455",
  },
  {
    file: "2012/01/hoi-thi-tieng-hat.md",
    title: "Hội thi tiếng hát công nhân viên chức quận",
    date: "2012-01-05 14:00",
    slug: "hoi-thi-tieng-hat",
    url: "/2012/01/05/hoi-thi-tieng-hat/",
    legacyUrl: "https://govap.hochiminhcity.gov.vn/tintuc/Lists/Posts/Post.aspx?ID=712",
    key: "/tintuc/lists/posts/post.aspx?id=712",
  },
  {
    // Two parameters, in the order the portal wrote them.
    file: "2012/01/lich-tiep-cong-dan.md",
    title: "Lịch tiếp công dân của Chủ tịch UBND quận tháng Giêng",
    date: "2012-01-03 08:00",
    slug: "lich-tiep-cong-dan",
    url: "/2012/01/03/lich-tiep-cong-dan/",
    legacyUrl: "http://www.govap.hochiminhcity.gov.vn/tintuc/Lists/Posts/DispForm.aspx?List=Thong%20bao&ID=88",
    key: "/tintuc/lists/posts/dispform.aspx?id=88&list=Thong+bao",
  },
] as const;

/** A copy of the fixture site with LEGACY_ARTICLES added, its site URL `siteUrl` when given. */
export function legacyFixture(siteUrl?: string): string {
  const contentDir = copyFixture("site");
  for (const article of LEGACY_ARTICLES) {
    writeArticle(
      contentDir,
      article.file,
      `title: "${article.title}"\ndate: "${article.date}"\ncategory: "Tin tức - Sự kiện"\nslug: "${article.slug}"\nlegacy_url: "${article.legacyUrl}"`,
      `${article.title}: bài đăng lại từ cổng thông tin cũ.`,
    );
  }
  if (siteUrl) {
    const settingsFile = path.join(contentDir, "_data/site.json");
    fs.writeFileSync(settingsFile, JSON.stringify({ ...JSON.parse(fs.readFileSync(settingsFile, "utf8")), url: siteUrl }));
  }
  return contentDir;
}
