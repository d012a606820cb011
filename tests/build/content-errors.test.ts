import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/site/build.ts";
import { loadContent } from "../../src/content/load.ts";
import { type ContentError, findContentError } from "../../src/core/errors.ts";
import { bantin } from "../helpers/cli.ts";
import { buildFixture, contentProblems, copyFixture, PROJECT, tempDir, textOf, writeArticle } from "../helpers/site.ts";

const GOOD = `title: "Tin đúng"\ndate: "2011-09-21 08:00"\ncategory: "Thông báo"`;

/** This process's environment with no English locale in it: a command run in it speaks Vietnamese. */
const vietnameseEnvironment = () => ({ ...process.env, LC_ALL: "", LC_MESSAGES: "", LANG: "vi_VN.UTF-8" });

describe("each kind of bad front matter gets its own clear error", () => {
  it.each<[string, string, { field?: string; line?: number; message: RegExp }]>([
    ["broken YAML", `title: Tin: có dấu hai chấm\ndate: "2011-09-21 08:00"\ncategory: "Thông báo"`, { line: 2, message: /^phần đầu tệp viết sai cú pháp YAML: .*hãy đặt trong dấu ngoặc kép mọi giá trị có ":"/ }],
    ["a missing title", `date: "2011-09-21 08:00"\ncategory: "Thông báo"`, { field: "title", message: /^thiếu tiêu đề \(trường bắt buộc\)$/ }],
    ["an empty title", `title: ""\ndate: "2011-09-21 08:00"\ncategory: "Thông báo"`, { field: "title", line: 2, message: /^cần tiêu đề, nhưng giá trị đang để trống$/ }],
    ["an unknown field", `${GOOD}\nautor: "Lê Văn A"`, { field: "autor", line: 5, message: /^trường không có trong mẫu — có phải ý bạn là `author`\?$/ }],
    ["an unknown field with no likely match", `${GOOD}\nxyzzy: 1`, { field: "xyzzy", message: /^trường không có trong mẫu; các trường dùng được: title, date, category/ }],
    ["an impossible date", `title: "Tin"\ndate: "2011-02-30 08:00"\ncategory: "Thông báo"`, { field: "date", line: 3, message: /^không phải ngày giờ có thật \(không có ngày 30\): "2011-02-30 08:00"; cần viết YYYY-MM-DD HH:mm/ }],
    ["an unknown date format", `title: "Tin"\ndate: "20/09/2011"\ncategory: "Thông báo"`, { field: "date", message: /^không nhận ra dạng ngày giờ: "20\/09\/2011"; cần viết/ }],
    ["an unquoted year as date", `title: "Tin"\ndate: 2011\ncategory: "Thông báo"`, { field: "date", message: /^cần ngày giờ viết trong dấu ngoặc kép "YYYY-MM-DD HH:mm", nhưng thấy số 2011$/ }],
    ["a slug with ../", `${GOOD}\nslug: "../../etc"`, { field: "slug", message: /^slug chỉ được có chữ a-z, số 0-9 và dấu gạch ngang đơn giữa chúng, nhưng thấy "..\/..\/etc"$/ }],
    ["views with a thousands separator", `${GOOD}\nviews: "9.638"`, { field: "views", message: /^cần một số nguyên ≥ 0 viết liền, không có dấu chấm hay dấu phẩy, nhưng thấy "9.638"$/ }],
    ["negative views", `${GOOD}\nviews: -3`, { field: "views", message: /^cần một số nguyên ≥ 0, nhưng thấy số -3$/ }],
    ["tags that are not a list", `${GOOD}\ntags: "Gò Vấp"`, { field: "tags", message: /^cần một danh sách từ khóa/ }],
    ["a legacy URL that is not one", `${GOOD}\nlegacy_url: "govap.gov.vn/tin"`, { field: "legacy_url", message: /^cần địa chỉ trên cổng thông tin cũ bắt đầu bằng http/ }],
    ["an image that is not under static/", `${GOOD}\nimage: "/media/khong-co.jpg"`, { field: "image", line: 5, message: /^"\/media\/khong-co.jpg" không phải tệp có trong static\/ \(hãy đặt tệp ở static\/media\/khong-co.jpg, hoặc ghi một địa chỉ web\)$/ }],
    ["an image outside static/", `${GOOD}\nimage: "../package.json"`, { field: "image", line: 5, message: /^"\.\.\/package\.json" không phải tệp có trong static\// }],
    ["draft that is not true/false", `${GOOD}\ndraft: "có"`, { field: "draft", message: /^cần true hoặc false/ }],
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
    expect(contentProblems(contentDir)).toEqual([{ file: "2011/09/plain.md", line: 1, message: expect.stringMatching(/^thiếu phần đầu tệp/) }]);
  });

  it("names both files of a duplicate URL", () => {
    const contentDir = copyFixture("site");
    writeArticle(contentDir, "2011/09/copy.md", `title: "Tin lúc nửa đêm"\ndate: "2011-09-20 23:00"\ncategory: "Tin tức - Sự kiện"`);
    const problems = contentProblems(contentDir);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe("slug");
    expect(problems[0]!.message).toContain("/2011/09/20/tin-luc-nua-dem/");
    expect([problems[0]!.file, problems[0]!.message.match(/với (\S+);/)?.[1]].sort()).toEqual(["2011/09/copy.md", "2011/09/nua-dem.md"]);
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
      expect.stringMatching(/^url: cần địa chỉ trang bắt đầu bằng http/),
      "pageSize: cần số tin mỗi trang là một số nguyên ≥ 1",
      "pagesize: trường không có trong mẫu — có phải ý bạn là `pageSize`?",
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
    expect(contentError.message).toMatch(/^2 lỗi trong 2 tệp:/);
    expect(contentError.message).toContain("2011/09/a.md:3: `date`: không nhận ra dạng ngày giờ");
    expect(contentError.message).toContain("2011/09/b.md:5: `slug`: slug chỉ được có chữ a-z");
    expect(fs.readFileSync(path.join(outDir, "index.html"), "utf8")).toBe(before);
  });

  it("makes `npm run build` exit non-zero and print the problems", async () => {
    const contentDir = copyFixture("site");
    writeArticle(contentDir, "2011/09/a.md", `title: "A"\ndate: "2011-09-01"\ncategory: "Thông báo"\nautor: "X"`);
    const run = promisify(execFile)("npx", ["tsx", "src/cli/main.ts", "build", "--content", contentDir, "--out", tempDir("out")], { cwd: PROJECT, env: vietnameseEnvironment() });
    const failure = (await run.then(() => undefined, (error: unknown) => error)) as { code: number; stderr: string };
    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain("2011/09/a.md:5: `autor`: trường không có trong mẫu — có phải ý bạn là `author`?");
    expect(failure.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("npm run check, as an editor reads it", () => {
  /** An editor's slips: a day September does not have, a misspelt field, and in another article a date in the wrong order. */
  const slips = () => {
    const contentDir = copyFixture("site");
    writeArticle(contentDir, "2011/09/hop-to-dan-pho.md", `title: "Họp tổ dân phố"\ndate: "2011-09-31 08:00"\ncategory: "Thông báo"\nauther: "Lê Văn A"`);
    writeArticle(contentDir, "2011/10/le-hoi.md", `title: "Lễ hội đình"\ncategory: "Văn hóa"\ndate: "02/10/2011"`);
    return contentDir;
  };
  const check = (contentDir: string) => ["check", "--content", path.basename(contentDir)];

  it("lists every slip at once, each with its file and line, in Vietnamese", async () => {
    const contentDir = slips();
    const { code, stdout, stderr } = await bantin(check(contentDir), { cwd: path.dirname(contentDir) });
    const folder = path.basename(contentDir);
    expect({ code, stderr }).toEqual({ code: 1, stderr: "" });
    // The errors come first; the fixture's warning and draft follow them.
    expect(stdout.split("\n").slice(0, 4)).toEqual([
      "3 lỗi trong 2 tệp:",
      `  ${folder}/2011/09/hop-to-dan-pho.md:3: \`date\`: không phải ngày giờ có thật (không có ngày 31): "2011-09-31 08:00"; cần viết YYYY-MM-DD HH:mm[:ss] (giờ Việt Nam) hoặc ISO 8601 có múi giờ (2011-09-20T09:05:00+07:00)`,
      `  ${folder}/2011/09/hop-to-dan-pho.md:5: \`auther\`: trường không có trong mẫu — có phải ý bạn là \`author\`?`,
      `  ${folder}/2011/10/le-hoi.md:4: \`date\`: không nhận ra dạng ngày giờ: "02/10/2011"; cần viết YYYY-MM-DD HH:mm[:ss] (giờ Việt Nam) hoặc ISO 8601 có múi giờ (2011-09-20T09:05:00+07:00)`,
    ]);
  });

  it.each([
    ["--lang en after the command", (argv: string[]) => [...argv, "--lang", "en"], {}],
    ["--lang=en before the command", (argv: string[]) => ["--lang=en", ...argv], {}],
    ["an English LANG", (argv: string[]) => argv, { LANG: "en_US.UTF-8" }],
    ["an English LC_MESSAGES over a Vietnamese LANG", (argv: string[]) => argv, { LC_MESSAGES: "en_GB.UTF-8", LANG: "vi_VN.UTF-8" }],
  ])("lists them in English with %s", async (_, args, env) => {
    const contentDir = slips();
    const { stdout } = await bantin(args(check(contentDir)), { cwd: path.dirname(contentDir), env });
    const lines = stdout.split("\n");
    expect(lines[0]).toBe("3 errors in 2 files:");
    expect(lines[1]).toMatch(/hop-to-dan-pho\.md:3: `date`: not a real date or time \(you specified 31 \(of type number\) as a day, which is invalid\): "2011-09-31 08:00"; expected YYYY-MM-DD/);
    expect(lines[2]).toMatch(/hop-to-dan-pho\.md:5: `auther`: unknown field — did you mean `author`\?$/);
    expect(lines[3]).toMatch(/le-hoi\.md:4: `date`: unknown date format: "02\/10\/2011"; expected/);
  });

  it("speaks Vietnamese with --lang vi whatever the locale", async () => {
    const contentDir = slips();
    const { stdout } = await bantin([...check(contentDir), "--lang", "vi"], { cwd: path.dirname(contentDir), env: { LC_ALL: "en_US.UTF-8" } });
    expect(stdout.split("\n")[0]).toBe("3 lỗi trong 2 tệp:");
  });

  it.each([
    ["LANG=en_US.UTF-8", { LANG: "en_US.UTF-8" }, "3 errors in 2 files:", "No errors, 1 warning: "],
    ["LANG=vi_VN.UTF-8", { LANG: "vi_VN.UTF-8" }, "3 lỗi trong 2 tệp:", "Không có lỗi, 1 cảnh báo: "],
  ])("in a process of its own under %s", async (_, locale, summary, fine) => {
    const contentDir = slips();
    const env = { ...process.env, LC_ALL: "", LC_MESSAGES: "", ...locale };
    const main = path.join(PROJECT, "src", "cli", "main.ts");
    const tsx = path.join(PROJECT, "node_modules", ".bin", "tsx");
    const checking = promisify(execFile)(tsx, [main, ...check(contentDir)], { cwd: path.dirname(contentDir), env });
    const failure = (await checking.then(() => undefined, (error: unknown) => error)) as { code: number; stdout: string };
    expect(failure.code).toBe(1);
    expect(failure.stdout.split("\n")[0]).toBe(summary);
    // The fixture alone has no error, one warning (a category of one article) and a draft.
    const passing = await promisify(execFile)(tsx, [main, "check", "--content", copyFixture("site")], { cwd: PROJECT, env });
    expect(passing.stdout.trimEnd().split("\n").at(-1)!.startsWith(fine)).toBe(true);
  });
});
