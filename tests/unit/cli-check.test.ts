// `npm run check` and `npm run new`, run in-process on fixture content folders: what an editor sees,
// the exit status, --fix and --json.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bantin, bantinInEnglish } from "../helpers/cli.ts";

// The wording of these tests is English (LANG=en); the first test reads the Vietnamese editors see.
import { changes, NO_CHANGE, snapshot } from "../helpers/folder-state.ts";
import { copyFixture, tempDir, writeArticle } from "../helpers/site.ts";

const nfd = (text: string) => text.normalize("NFD");

/** The fixture site with its one-article category named by a second article: nothing to warn about. */
function quietSite(): string {
  const site = copyFixture("site");
  writeArticle(site, "2011/09/tin-them.md", 'title: "Tin thêm"\ndate: "2011-09-22 08:00"\ncategory: "Tin tức - Sự kiện"');
  return site;
}

/** The lines of a report's section, "heading:" up to the next heading or the summary line. */
function section(stdout: string, heading: RegExp): string[] {
  const lines = stdout.trimEnd().split("\n");
  const start = lines.findIndex((line) => heading.test(line));
  if (start < 0) return [];
  const end = lines.findIndex((line, index) => index > start && !line.startsWith("  "));
  return lines.slice(start, end);
}

describe("npm run check", () => {
  it("gives an editor who mistypes a date, misspells a field and links to a missing article all three in one run, with file and line", async () => {
    const site = quietSite();
    writeArticle(
      site,
      "2011/09/tin-moi.md",
      'title: "Tin mới"\ndate: "2011-09-31 08:00"\ncategory: "Thông báo"\nautor: "Lê Văn Tám"',
      "Đoạn đầu.\n\nXem thêm [tin nửa đêm](/2011/09/20/tin-luc-nua-dem/) và [tin cũ](/2011/09/25/chuyen-de-sau-dó/).",
    );
    const given = path.basename(site);
    const { code, stdout, stderr } = await bantin(["check", "--content", given], { cwd: path.dirname(site) });
    expect({ code, stderr }).toEqual({ code: 1, stderr: "" });
    const file = path.join(given, "2011/09/tin-moi.md");
    // In Vietnamese, the editors' language, unless they ask for English.
    expect(section(stdout, /^\d+ lỗi trong/)).toEqual([
      "3 lỗi trong 1 tệp:",
      expect.stringMatching(new RegExp(`^  ${file}:3: \`date\`: không phải ngày giờ có thật`)),
      `  ${file}:5: \`autor\`: trường không có trong mẫu — có phải ý bạn là \`author\`?`,
      `  ${file}:9: liên kết "/2011/09/25/chuyen-de-sau-dó/" không dẫn tới trang nào của trang web; có phải ý bạn là /2011/09/25/chuyen-de-sau-do/?`,
    ]);
    expect(stdout.trimEnd().split("\n").at(-1)).toBe(`3 lỗi: 8 bài viết, 1 video, 1 bản nháp trong ${given}/`);
  });

  it("lists errors, then warnings, then drafts, one line each, then a summary; warnings alone exit 0", async () => {
    const site = quietSite();
    writeArticle(site, "2011/09/hoa-giai.md", 'title: "Hoà giải ở cơ sở"\ndate: "2011-09-23 08:00"\ncategory: "Thong bao moi"', "Tổ hoà giải phường 5.");
    writeArticle(site, "2011/09/hoa-hop.md", 'title: "Hòa hợp"\ndate: "2011-09-24 08:00"\ncategory: "Thông báo"', "Hòa hợp, hòa thuận.");
    const { code, stdout, stderr } = await bantinInEnglish(["check", "--content", site]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout.split("\n")).toEqual([
      "2 warnings:",
      `  ${site}/2011/09/hoa-giai.md:2: \`title\`: "hoà" (2 times in 1 file: 2011/09/hoa-giai.md) and "hòa" (3 times in 1 file: 2011/09/hoa-hop.md) are one word with its tone mark on different vowels; write it one way across the archive`,
      `  ${site}/2011/09/hoa-giai.md:4: \`category\`: "Thong bao moi" is none of the categories other articles have; the nearest is "Thông báo"; a new category makes a new section of the site: keep it only if that is what you mean`,
      "1 draft:",
      `  ${site}/2012/01/ban-nhap.md:5: \`draft\`: "Bản nháp chưa đăng" is a draft: checked, but neither built nor indexed until \`draft: true\` is removed`,
      `No errors, 2 warnings: 10 articles, 1 video, 1 draft in ${site}/`,
      "",
    ]);
  });

  it("checks images and files of bodies and drafts against static/, relative links from their page, and absolute ones under the site's sub-path", async () => {
    const site = quietSite();
    const settings = path.join(site, "_data/site.json");
    fs.writeFileSync(settings, fs.readFileSync(settings, "utf8").replace('"https://example.org"', '"https://example.org/ban-tin/"'));
    writeArticle(
      site,
      "2011/09/anh.md",
      'title: "Ảnh"\ndate: "2011-09-22 09:00"\ncategory: "Thông báo"',
      [
        "![Có](/media/placeholder.svg) ![Thiếu](/media/thieu.jpg)",
        "",
        '<img src="/media/placeholdr.svg" alt="">',
        "",
        "[Cùng ngày](../../20/) [Không có](../khong-co/) [Tuyệt đối](https://example.org/ban-tin/luu-tru/) [Ngoài](https://example.org/luu-tru-cu/)",
      ].join("\n"),
    );
    writeArticle(site, "2012/01/nhap-2.md", 'title: "Nháp hai"\ndate: "2012-01-06 10:00"\ncategory: "Thông báo"\ndraft: true', "[Bản nháp khác](/2012/01/05/ban-nhap-chua-dang/)");
    const { code, stdout } = await bantinInEnglish(["check", "--content", site]);
    expect(code).toBe(1);
    expect(section(stdout, /^\d+ errors? in/)).toEqual([
      "4 errors in 2 files:",
      `  ${site}/2011/09/anh.md:6: the image "/media/thieu.jpg" is not a file under static/ (put it at static/media/thieu.jpg, or give a URL)`,
      `  ${site}/2011/09/anh.md:8: the image "/media/placeholdr.svg" is not a file under static/ (put it at static/media/placeholdr.svg, or give a URL); did you mean /media/placeholder.svg?`,
      `  ${site}/2011/09/anh.md:10: the link "../khong-co/" leads to no page of the site`,
      `  ${site}/2012/01/nhap-2.md:7: the link "/2012/01/05/ban-nhap-chua-dang/" leads to a draft (2012/01/ban-nhap.md), which is not published; publish it, or remove the link`,
    ]);
  });

  it("names text not in NFC as an error; --fix rewrites those files composed, changing nothing else, and says which", async () => {
    const site = quietSite();
    const file = path.join(site, "2011/09/phan-ra.md");
    const text = `---\r\ntitle: "${nfd("Hội nghị")}"\r\ndate: "2011-09-22 08:00"\r\ncategory: "Thông báo"\r\n---\r\nDòng một.\r\n${nfd("Đảng bộ phường")}\r\n`;
    fs.writeFileSync(file, `\uFEFF${text}`);
    const before = snapshot(site);

    const checked = await bantinInEnglish(["check", "--content", site]);
    expect(checked.code).toBe(1);
    expect(section(checked.stdout, /^\d+ errors? in/)).toEqual([
      "1 error in 1 file:",
      `  ${site}/2011/09/phan-ra.md:2: \`title\`: text is not in Unicode NFC (and 1 more line): letters are written decomposed (a letter, then its marks), as some programs save them; run npm run check -- --fix to rewrite the file composed`,
    ]);
    expect(changes(before, snapshot(site))).toEqual(NO_CHANGE);

    const fixed = await bantinInEnglish(["check", "--content", site, "--fix"]);
    expect({ code: fixed.code, stderr: fixed.stderr }).toEqual({ code: 0, stderr: "" });
    expect(fixed.stdout.split("\n").slice(0, 2)).toEqual([`Normalised to NFC: ${site}/2011/09/phan-ra.md`, "1 draft:"]);
    expect(changes(before, snapshot(site))).toEqual({ added: [], removed: [], changed: [file] });
    expect(fs.readFileSync(file, "utf8")).toBe(`\uFEFF${text.normalize("NFC")}`);
  });

  it("--json prints one JSON document and nothing else, with the same findings, and the same exit status", async () => {
    const site = copyFixture("site");
    writeArticle(site, "2011/09/tin-moi.md", 'title: "Tin mới"\ndate: "2011-09-22 08:00"\ncategory: "Thông báo"', "[Mất](/khong-co/)");
    const { code, stdout, stderr } = await bantinInEnglish(["check", "--content", site, "--json"]);
    expect({ code, stderr }).toEqual({ code: 1, stderr: "" });
    expect(JSON.parse(stdout)).toEqual({
      content: site,
      articles: 8,
      videos: 1,
      fixed: [],
      errors: [{ file: `${site}/2011/09/tin-moi.md`, line: 6, field: null, message: 'the link "/khong-co/" leads to no page of the site', kind: "link" }],
      warnings: [
        {
          file: `${site}/2011/09/nua-dem.md`,
          line: 4,
          field: "category",
          message: expect.stringMatching(/^"Tin tức - Sự kiện" is none of the categories other articles have/),
          kind: "category",
        },
      ],
      drafts: [{ file: `${site}/2012/01/ban-nhap.md`, line: 5, field: "draft", message: expect.any(String), kind: "draft" }],
    });
  });

  it("--json --fix with a missing folder, or a file, gives that one error as JSON", async () => {
    const missing = path.join(tempDir("gone"), "noi-dung");
    const file = path.join(tempDir("file"), "site.json");
    fs.writeFileSync(file, "{}");
    for (const [folder, message] of [[missing, /^no such folder/], [file, /^not a folder/]] as const) {
      const { code, stdout, stderr } = await bantinInEnglish(["check", "--content", folder, "--json", "--fix"]);
      expect({ code, stderr }).toEqual({ code: 1, stderr: "" });
      expect(JSON.parse(stdout)).toMatchObject({ fixed: [], errors: [{ file: folder, line: null, field: null, message: expect.stringMatching(message), kind: "content" }] });
    }
  });
});

describe("npm run new", () => {
  it("writes a draft, says where and what to do next, and refuses an unknown category naming the nearest, exit status 2", async () => {
    const site = quietSite();
    const cwd = path.dirname(site);
    const given = path.basename(site);
    const refused = await bantinInEnglish(["new", "Tin thử", "--category", "Thong bao moi", "--content", given], { cwd });
    expect(refused).toEqual({
      code: 2,
      stdout: "",
      stderr:
        '"Thong bao moi" is none of the categories other articles have; the nearest is "Thông báo"; write one of the site\'s with --category, or add --new-category to start a new category\n',
    });
    const written = await bantinInEnglish(["new", "Tin thử", "--category", "thông báo", "--content", given], { cwd });
    expect({ code: written.code, stderr: written.stderr }).toEqual({ code: 0, stderr: "" });
    const file = /^Wrote (\S+), a draft/.exec(written.stdout)?.[1];
    expect(file).toMatch(new RegExp(`^${given}/\\d{4}/\\d{2}/tin-thu\\.md$`));
    expect(written.stdout).toBe(
      `Wrote ${file}, a draft (category written "Thông báo", as the site writes it). Next:\n` +
        `  1. edit ${file}: write the body and fill in the fields you need (remove the # before one to use it)\n` +
        `  2. npm run check -- --content ${given}   lists anything wrong in it\n` +
        "  3. remove the line draft: true to publish it\n" +
        `  4. npm start -- --content ${given}   previews the site, with the article once it is no longer a draft\n`,
    );
    const checked = await bantinInEnglish(["check", "--content", given], { cwd });
    expect(checked.code).toBe(0);
    expect(section(checked.stdout, /^\d+ drafts?:/)).toContain(`  ${file}:5: \`draft\`: "Tin thử" is a draft: checked, but neither built nor indexed until \`draft: true\` is removed`);

    const started = await bantinInEnglish(["new", "Tin chuyên mục mới", "--category", "Thong bao moi", "--new-category", "--content", given], { cwd });
    expect(started.code).toBe(0);
  });
});
