import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/site/build.ts";
import { loadContent } from "../../src/content/load.ts";
import { type ContentError, findContentError } from "../../src/core/errors.ts";
import { buildFixture, contentProblems, copyFixture, PROJECT, tempDir, textOf, writeArticle } from "../helpers/site.ts";

const GOOD = `title: "Tin đúng"\ndate: "2011-09-21 08:00"\ncategory: "Thông báo"`;

describe("each kind of bad front matter gets its own clear error", () => {
  it.each<[string, string, { field?: string; line?: number; message: RegExp }]>([
    ["broken YAML", `title: Tin: có dấu hai chấm\ndate: "2011-09-21 08:00"\ncategory: "Thông báo"`, { line: 2, message: /front matter is not valid YAML: .*quote text that contains ":"/ }],
    ["a missing title", `date: "2011-09-21 08:00"\ncategory: "Thông báo"`, { field: "title", message: /^required: a title$/ }],
    ["an empty title", `title: ""\ndate: "2011-09-21 08:00"\ncategory: "Thông báo"`, { field: "title", line: 2, message: /^expected a title, found an empty value$/ }],
    ["an unknown field", `${GOOD}\nautor: "Lê Văn A"`, { field: "autor", line: 5, message: /^unknown field — did you mean `author`\?$/ }],
    ["an unknown field with no likely match", `${GOOD}\nxyzzy: 1`, { field: "xyzzy", message: /^unknown field; known fields: title, date, category/ }],
    ["an impossible date", `title: "Tin"\ndate: "2011-02-30 08:00"\ncategory: "Thông báo"`, { field: "date", line: 3, message: /^not a real date or time .*"2011-02-30 08:00"; expected YYYY-MM-DD HH:mm/ }],
    ["an unknown date format", `title: "Tin"\ndate: "20/09/2011"\ncategory: "Thông báo"`, { field: "date", message: /^unknown date format: "20\/09\/2011"; expected/ }],
    ["an unquoted year as date", `title: "Tin"\ndate: 2011\ncategory: "Thông báo"`, { field: "date", message: /^expected a date as a quoted string "YYYY-MM-DD HH:mm", found number 2011$/ }],
    ["a slug with ../", `${GOOD}\nslug: "../../etc"`, { field: "slug", message: /^expected only a-z, 0-9 and single hyphens between them, found "..\/..\/etc"$/ }],
    ["views with a thousands separator", `${GOOD}\nviews: "9.638"`, { field: "views", message: /^expected a whole number ≥ 0 without separators, found "9.638"$/ }],
    ["negative views", `${GOOD}\nviews: -3`, { field: "views", message: /^expected a whole number ≥ 0, found number -3$/ }],
    ["tags that are not a list", `${GOOD}\ntags: "Gò Vấp"`, { field: "tags", message: /^expected a list of tags/ }],
    ["a legacy URL that is not one", `${GOOD}\nlegacy_url: "govap.gov.vn/tin"`, { field: "legacy_url", message: /^expected the legacy URL starting with http/ }],
    ["an image that is not under static/", `${GOOD}\nimage: "/media/khong-co.jpg"`, { field: "image", line: 5, message: /^"\/media\/khong-co.jpg" is not a file under static\/ \(put it at static\/media\/khong-co.jpg, or give a URL\)$/ }],
    ["an image outside static/", `${GOOD}\nimage: "../package.json"`, { field: "image", line: 5, message: /^"\.\.\/package\.json" is not a file under static\// }],
    ["draft that is not true/false", `${GOOD}\ndraft: "có"`, { field: "draft", message: /^expected true or false/ }],
  ])("%s", (_kind, frontMatter, expected) => {
    const contentDir = copyFixture("site");
    writeArticle(contentDir, "2011/09/bad.md", frontMatter);
    const problems = contentProblems(contentDir);
    // Exactly one problem, in the bad file: the good articles beside it are read without complaint.
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect(problem!.file).toBe("2011/09/bad.md");
    const { message, ...where } = expected;
    expect(problem).toMatchObject(where);
    expect(problem!.message).toMatch(message);
  });

  it("says so when a file has no front matter at all", () => {
    const contentDir = copyFixture("site");
    fs.writeFileSync(path.join(contentDir, "2011/09/plain.md"), "Chỉ có nội dung.\n");
    expect(contentProblems(contentDir)).toEqual([{ file: "2011/09/plain.md", line: 1, message: expect.stringMatching(/^no front matter/) }]);
  });

  it("names both files of a duplicate URL", () => {
    const contentDir = copyFixture("site");
    writeArticle(contentDir, "2011/09/copy.md", `title: "Tin lúc nửa đêm"\ndate: "2011-09-20 23:00"\ncategory: "Tin tức - Sự kiện"`);
    const problems = contentProblems(contentDir);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe("slug");
    expect(problems[0]!.message).toContain("/2011/09/20/tin-luc-nua-dem/");
    expect([problems[0]!.file, problems[0]!.message.match(/as (\S+);/)?.[1]].sort()).toEqual(["2011/09/copy.md", "2011/09/nua-dem.md"]);
  });

  it("refuses two spellings of one category page", () => {
    const contentDir = copyFixture("site");
    writeArticle(contentDir, "2011/09/other.md", `title: "Tin khác"\ndate: "2011-09-22 08:00"\ncategory: "Thong bao"`);
    const [problem, ...rest] = contentProblems(contentDir);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ field: "category", message: expect.stringContaining("/chuyen-muc/thong-bao/") });
  });

  it("checks the site settings too", () => {
    const contentDir = copyFixture("site");
    fs.writeFileSync(path.join(contentDir, "_data/site.json"), JSON.stringify({ title: "Bản tin", url: "example.org", pageSize: 0, pagesize: 5 }));
    const problems = contentProblems(contentDir).map((problem) => `${problem.field}: ${problem.message}`);
    expect(problems).toEqual([
      expect.stringMatching(/^url: expected the site URL starting with http/),
      "pageSize: expected the page size as a whole number ≥ 1",
      "pagesize: unknown field — did you mean `pageSize`?",
    ]);
  });

  it("reports every problem of every file in one run", () => {
    const contentDir = copyFixture("site");
    writeArticle(contentDir, "2011/09/a.md", `title: "A"\ndate: "2011-02-30"\ncategory: "Thông báo"`);
    writeArticle(contentDir, "2011/09/b.md", `date: "2011-09-01"\ncategory: "Thông báo"\nautor: "X"`);
    writeArticle(contentDir, "2012/c.md", `title: [1, 2`);
    writeArticle(contentDir, "video/d.md", `title: "Phim"\ndate: "2011-09-01 08:00"\nfile: "media/videos/khong-co.webm"`);
    const problems = contentProblems(contentDir);
    expect(problems.map((problem) => `${problem.file} ${problem.field ?? "-"}`).sort()).toEqual([
      "2011/09/a.md date",
      "2011/09/b.md autor",
      "2011/09/b.md title",
      "2012/c.md -",
      "video/d.md file",
    ]);
  });
});

describe("local media", () => {
  it("is addressed from the site root however the path is written", () => {
    const contentDir = copyFixture("site");
    writeArticle(contentDir, "2011/09/anh.md", `${GOOD}\nimage: "media/placeholder.svg"`);
    writeArticle(contentDir, "2011/09/anh-2.md", `title: "Ảnh hai"\ndate: "2011-09-21 09:00"\ncategory: "Thông báo"\nimage: "./media/placeholder.svg"`);
    const { articles, videos } = loadContent(contentDir);
    expect(articles.filter((article) => article.image).map((article) => article.image)).toEqual(["/media/placeholder.svg", "/media/placeholder.svg"]);
    expect(videos.map((video) => video.src)).toEqual(["/media/videos/phong-chay-chua-chay.webm"]);
  });
});

describe("hostile or odd input is neutralised, and nothing else is lost", () => {
  it("shows markup in front matter as text and strips scripts from the body", async () => {
    const contentDir = copyFixture("site");
    writeArticle(
      contentDir,
      "2011/09/xss.md",
      `title: "<script>alert(1)</script> Tin <b>đậm</b>"\ndate: "2011-09-22 08:00"\ncategory: "Thông báo"\nsource: "<img src=x onerror=alert(1)>"`,
      [
        "Đoạn đầu <script>alert(2)</script> vẫn còn.",
        "",
        '<p onclick="alert(3)">Bấm</p> <a href="javascript:alert(4)">link</a> <iframe src="https://evil.example/x"></iframe>',
        "",
        '<table><tr><th scope="col">Phường</th></tr><tr><td>17</td></tr></table>',
      ].join("\n"),
    );
    const site = await buildFixture(contentDir);
    const page = site.page("/2011/09/22/script-alert-1-script-tin-b-dam-b/");
    expect(textOf(page.querySelector("h1"))).toBe("<script>alert(1)</script> Tin <b>đậm</b>");
    expect(textOf(page.querySelector("title"))).toBe("<script>alert(1)</script> Tin <b>đậm</b> – Bản tin thử nghiệm");
    expect(textOf(page.querySelector(".article__source"))).toBe("Theo <img src=x onerror=alert(1)>");
    // The JSON-LD block is data, not a script that runs.
    expect(page.querySelectorAll('script:not([src]):not([type="application/ld+json"])')).toHaveLength(0);
    const body = page.querySelector(".article__body")!;
    expect(body.innerHTML).not.toMatch(/onclick|javascript:|<iframe|alert\(2\)/);
    expect(textOf(body)).toContain("Đoạn đầu vẫn còn.");
    expect(body.querySelector("table td")?.textContent).toBe("17");
    // The other articles are all there.
    expect(site.files().filter((file) => /^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(file))).toHaveLength(8);
    expect(site.text("/feed.xml")).not.toContain("<script>");
  });

  it("keeps iframes only from the hosts the settings allow", async () => {
    const contentDir = copyFixture("site");
    const settingsFile = path.join(contentDir, "_data/site.json");
    fs.writeFileSync(settingsFile, JSON.stringify({ ...JSON.parse(fs.readFileSync(settingsFile, "utf8")), iframeHosts: ["video.example.org"] }));
    writeArticle(
      contentDir,
      "2011/09/embed.md",
      `title: "Nhúng video"\ndate: "2011-09-22 08:00"\ncategory: "Thông báo"`,
      '<iframe src="https://video.example.org/v/1" title="Video"></iframe>\n\n<iframe src="https://other.example.com/v/2" title="Khác"></iframe>',
    );
    const site = await buildFixture(contentDir);
    const sources = [...site.page("/2011/09/22/nhung-video/").querySelectorAll(".article__body iframe")].map((frame) => frame.getAttribute("src"));
    expect(sources).toEqual(["https://video.example.org/v/1"]);
  });

  it("normalises NFD text to NFC everywhere", async () => {
    const contentDir = copyFixture("site");
    const title = "Đảng bộ phường Gò Vấp học tập".normalize("NFD");
    writeArticle(contentDir, "2011/09/nfd.md", `title: "${title}"\ndate: "2011-09-22 08:00"\ncategory: "${"Thông báo".normalize("NFD")}"`, "Nội dung viết ở dạng tổ hợp.".normalize("NFD"));
    const site = await buildFixture(contentDir);
    const html = site.text("/2011/09/22/dang-bo-phuong-go-vap-hoc-tap/");
    expect(html).toBe(html.normalize("NFC"));
    expect(textOf(site.page("/2011/09/22/dang-bo-phuong-go-vap-hoc-tap/").querySelector("h1"))).toBe("Đảng bộ phường Gò Vấp học tập");
    // Same category as the NFC spelling: one category page, not two.
    expect(textOf(site.page("/chuyen-muc/thong-bao/").querySelector("main .meta"))).toMatch(/^2 tin/);
  });
});

describe("a broken build", () => {
  it("fails with every bad file named and leaves the previous output as it was", async () => {
    const contentDir = copyFixture("site");
    const outDir = tempDir("out");
    await buildSite({ contentDir, outDir });
    const before = fs.readFileSync(path.join(outDir, "index.html"), "utf8");
    writeArticle(contentDir, "2011/09/a.md", `title: "A"\ndate: "hôm nay"\ncategory: "Thông báo"`);
    writeArticle(contentDir, "2011/09/b.md", `title: "B"\ndate: "2011-09-01"\ncategory: "Thông báo"\nslug: "../b"`);
    const error: unknown = await buildSite({ contentDir, outDir }).then(
      () => undefined,
      (rejection: unknown) => rejection,
    );
    const contentError = findContentError(error) as ContentError;
    expect(contentError.message).toMatch(/^2 problems in 2 files:/);
    expect(contentError.message).toContain("2011/09/a.md:3: `date`: unknown date format");
    expect(contentError.message).toContain("2011/09/b.md:5: `slug`: expected only a-z");
    expect(fs.readFileSync(path.join(outDir, "index.html"), "utf8")).toBe(before);
  });

  it("makes `npm run build` exit non-zero and print the problems", async () => {
    const contentDir = copyFixture("site");
    writeArticle(contentDir, "2011/09/a.md", `title: "A"\ndate: "2011-09-01"\ncategory: "Thông báo"\nautor: "X"`);
    const run = promisify(execFile)("npx", ["tsx", "src/cli/main.ts", "build", "--content", contentDir, "--out", tempDir("out")], { cwd: PROJECT });
    const failure = (await run.then(() => undefined, (error: unknown) => error)) as { code: number; stderr: string };
    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain("2011/09/a.md:5: `autor`: unknown field — did you mean `author`?");
    expect(failure.stderr).not.toMatch(/\n\s+at /);
  });
});
