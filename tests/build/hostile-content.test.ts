// Hostile and odd content (issue 10, and the inputs like them). Each case names its class and its
// input, so a regression shows up by name. Most go through loadContent, which is what `npm run
// check` runs; the rendering defects (feed escaping, ids on the page) are built once.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { LAYOUT_IDS } from "../../src/content/body-ids.ts";
import { loadContent } from "../../src/content/load.ts";
import { findContentError } from "../../src/core/errors.ts";
import { buildSite } from "../../src/site/build.ts";
import { bantinInEnglish as bantin } from "../helpers/cli.ts";
import { buildFixture, contentProblems, copyFixture, tempDir } from "../helpers/site.ts";
import { setLanguage } from "../../src/core/messages.ts";

// These tests are about what bantin does, not its wording: they read its messages in English.
beforeAll(() => setLanguage("en"));

const GOOD = 'title: "Tin thử"\ndate: "2011-09-21 08:00"\ncategory: "Thông báo"';
const VIDEO = 'title: "Phim"\ndate: "2011-09-21 08:00"';
const FILE = "2011/09/bad.md";

const article = (frontMatter: string, body = "Nội dung.") => `---\n${frontMatter}\n---\n${body}\n`;

/** Writes a file (text as UTF-8, or raw bytes) under a content folder. */
function put(contentDir: string, file: string, content: string | Uint8Array): void {
  const target = path.join(contentDir, file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, content);
}

const utf8 = (text: string) => Buffer.from(text, "utf8");
function utf16(text: string, order: "le" | "be", bom: boolean): Buffer {
  const le = Buffer.from(`${bom ? "\uFEFF" : ""}${text}`, "utf16le");
  return order === "le" ? le : le.swap16();
}

/** Every entry under a folder, links not followed: its type and its bytes or target. */
function snapshot(dir: string): Record<string, string> {
  const entries: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      const key = path.relative(dir, full);
      if (entry.isSymbolicLink()) entries[key] = `link ${fs.readlinkSync(full)}`;
      else if (entry.isDirectory()) {
        entries[key] = "folder";
        walk(full);
      } else if (entry.isFile()) entries[key] = crypto.createHash("sha256").update(fs.readFileSync(full)).digest("hex");
      else entries[key] = "other";
    }
  };
  walk(dir);
  return entries;
}

interface Expected {
  file: string;
  line?: number;
  field?: string;
  message: RegExp;
}

/** Problems of a content folder after `write`, and that checking it changed nothing in it. */
function problemsAfter(write: (contentDir: string) => void): ReturnType<typeof contentProblems> {
  const contentDir = copyFixture("site");
  write(contentDir);
  const before = snapshot(contentDir);
  const problems = contentProblems(contentDir);
  expect(snapshot(contentDir)).toEqual(before);
  return problems;
}

function expectProblems(write: (contentDir: string) => void, expected: Expected[]): void {
  const problems = problemsAfter(write);
  expect(problems).toEqual(expected.map(({ message, ...where }) => ({ ...where, message: expect.stringMatching(message) })));
}

const inArticle = (frontMatter: string, body?: string) => (dir: string) => put(dir, FILE, article(frontMatter, body));
const SAVE_AS_UTF8 = /; save it as UTF-8 \(in the editor: Save with Encoding → UTF-8\)$/.source;

describe("front matter", () => {
  it.each<[string, string, Omit<Expected, "file">]>([
    ["a title of zero-width spaces", 'title: "\u200B\u200B"\ndate: "2011-09-21 08:00"\ncategory: "Thông báo"', { line: 2, field: "title", message: /^expected a title, found only invisible characters \(zero-width spaces or marks\)$/ }],
    ["a title of spaces", 'title: "   "\ndate: "2011-09-21 08:00"\ncategory: "Thông báo"', { line: 2, field: "title", message: /^expected a title, found an empty value$/ }],
    ["a category of a space and a word joiner", 'title: "Tin"\ndate: "2011-09-21 08:00"\ncategory: " \u2060 "', { line: 4, field: "category", message: /^expected a category name, found only invisible characters/ }],
    ["a control character written as a YAML escape", 'title: "Tin\\x01"\ndate: "2011-09-21 08:00"\ncategory: "Thông báo"', { line: 2, field: "title", message: /^expected a title without control characters, found U\+0001 at character 4; remove it$/ }],
    ["a summary with NUL written as a YAML escape", `${GOOD}\nsummary: "a\\0b"`, { line: 5, field: "summary", message: /^expected a summary without control characters, found U\+0000 at character 2/ }],
    ["year 0", 'title: "Tin"\ndate: "0000-01-01 08:00"\ncategory: "Thông báo"', { line: 3, field: "date", message: /^year 0 is outside 1000–9999: "0000-01-01 08:00"; expected YYYY-MM-DD HH:mm/ }],
    ["year 99999 in ISO 8601", 'title: "Tin"\ndate: "+099999-01-01T08:00:00+07:00"\ncategory: "Thông báo"', { line: 3, field: "date", message: /^year 99999 is outside 1000–9999: / }],
    ["a five-digit year", 'title: "Tin"\ndate: "99999-01-01 08:00"\ncategory: "Thông báo"', { line: 3, field: "date", message: /^unknown date format: "99999-01-01 08:00"/ }],
    ["a 300-character slug", `${GOOD}\nslug: "${"tin-".repeat(74)}moi1"`, { line: 5, field: "slug", message: /^expected at most 80 characters, as a slug made from a title has, found 300; shorten it$/ }],
    ["a __proto__ key", `${GOOD}\n__proto__: { draft: true }`, { line: 5, field: "__proto__", message: /^unknown field; known fields: title, / }],
  ])("%s", (_input, frontMatter, expected) => {
    expectProblems(inArticle(frontMatter), [{ file: FILE, ...expected }]);
  });

  it.each<[string, string, Omit<Expected, "file">]>([
    ["a YAML list", "---\n- title\n- date\n---\nx\n", { line: 2, message: /^front matter must be fields \(`title: "…"`\), found a list$/ }],
    ["a YAML scalar", "---\nTin mới\n---\nx\n", { line: 2, message: /^front matter must be fields \(`title: "…"`\), found "Tin mới"$/ }],
    ["a YAML function tag", '---\ntitle: !!js/function "function () { return 1 }"\ndate: "2011-09-21 08:00"\ncategory: "A"\n---\nx\n', { line: 2, message: /^front matter is not valid YAML: unknown scalar tag/ }],
    ["a ---js block, whose code is never run", '---js\n{ title: (globalThis.bantinHostile = "ran", "x"), date: "2011-09-21 08:00", category: "A" }\n---\nx\n', { line: 1, message: /^no front matter: / }],
  ])("%s", (_input, text, expected) => {
    expectProblems((dir) => put(dir, FILE, text), [{ file: FILE, ...expected }]);
    expect((globalThis as { bantinHostile?: string }).bantinHostile).toBeUndefined();
  });
});

describe("categories", () => {
  it.each([["punctuation only", "!!!"], ["Chinese", "新闻"], ["Cyrillic", "Новости"], ["emoji", "📰"]])("a category name in %s (%s) gives no URL", (_kind, name) => {
    expectProblems(inArticle(`title: "Tin"\ndate: "2011-09-21 08:00"\ncategory: "${name}"`), [
      { file: FILE, line: 4, field: "category", message: new RegExp(`^"${name}" gives no URL: a category page is named by the letters a-z and digits of its name .*"categories": \\{ "tin-tuc": "新闻" \\}$`) },
    ]);
  });

  it("a category in another script is shown under a mapped name when written in Latin letters", () => {
    const contentDir = copyFixture("site");
    const settingsFile = path.join(contentDir, "_data/site.json");
    fs.writeFileSync(settingsFile, JSON.stringify({ ...JSON.parse(fs.readFileSync(settingsFile, "utf8")), categories: { "tin-tuc": "新闻" } }));
    put(contentDir, FILE, article('title: "Tin"\ndate: "2011-09-21 08:00"\ncategory: "Tin tức"'));
    const { articles } = loadContent(contentDir);
    expect(articles.find((item) => item.file === FILE)).toMatchObject({ category: "新闻", categorySlug: "tin-tuc" });
  });
});

describe("schemes of media and links", () => {
  const NOT_MEDIA = (value: string) => new RegExp(`^${JSON.stringify(value).replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} is neither a file under static/ nor a web address; expected a path such as media/anh.jpg .* or a URL starting with http:// or https://$`);
  it.each([["javascript:alert(1)"], ["JavaScript:alert(1)"], ["file:///etc/passwd"], ["data:image/svg+xml;base64,PHN2Zz4="], ["vbscript:msgbox(1)"], ["http:evil.example/x.jpg"], ["C:\\anh.jpg"]])("image: %s", (value) => {
    expectProblems(inArticle(`${GOOD}\nimage: ${JSON.stringify(value)}`), [{ file: FILE, line: 5, field: "image", message: NOT_MEDIA(value) }]);
  });

  it("image: //evil.example/x.jpg is a path under static/, not another host", () => {
    expectProblems(inArticle(`${GOOD}\nimage: "//evil.example/x.jpg"`), [
      { file: FILE, line: 5, field: "image", message: /^"\/\/evil.example\/x.jpg" is not a file under static\/ \(put it at static\/evil.example\/x.jpg, or give a URL\)$/ },
    ]);
  });

  it.each([["javascript://x%0aalert(1)"], ["data:text/html,<script>alert(1)</script>"], ["file:///etc/passwd"]])("legacy_url: %s", (value) => {
    expectProblems(inArticle(`${GOOD}\nlegacy_url: ${JSON.stringify(value)}`), [{ file: FILE, line: 5, field: "legacy_url", message: /^expected the legacy URL starting with http:\/\/ or https:\/\/, found "/ }]);
  });

  it.each([["vbscript:msgbox(1)"], ["javascript:alert(1)"], ["file:///etc/passwd"], ["https://"]])("video url: %s", (value) => {
    expectProblems((dir) => put(dir, "video/phim.md", article(`${VIDEO}\nurl: ${JSON.stringify(value)}`)), [
      { file: "video/phim.md", line: 4, field: "url", message: /^expected the video URL starting with http:\/\/ or https:\/\/, found "/ },
    ]);
  });

  it.each([["file:///etc/passwd"], ["/etc/passwd"], ["../../package.json"]])("video file: %s", (value) => {
    expectProblems((dir) => put(dir, "video/phim.md", article(`${VIDEO}\nfile: ${JSON.stringify(value)}`)), [
      { file: "video/phim.md", line: 4, field: "file", message: /^expected a relative path under static\/ such as media\/videos\/clip.webm \(no leading \/, no \.\., no scheme\), found "/ },
    ]);
  });
});

describe("encodings", () => {
  it.each<[string, Uint8Array, number, string]>([
    ["invalid UTF-8 in the title", Buffer.concat([utf8('---\ntitle: "Tin '), Buffer.from([0xff]), utf8(`"\n${GOOD.split("\n").slice(1).join("\n")}\n---\nx\n`)]), 2, "FF 22 0A 64 at byte offset 16"],
    ["a UTF-8 sequence cut off at the end of the body", Buffer.concat([utf8(`---\n${GOOD}\n---\nTin t`), Buffer.from([0xe1, 0xbb])]), 6, "E1 BB at byte offset 81"],
    ["Windows-1258 text (ứ is F9)", Buffer.concat([utf8(`---\n${GOOD}\n---\nTin t`), Buffer.from([0xf9]), utf8("c.\n")]), 6, "F9 63 2E 0A at byte offset 81"],
  ])("%s", (_input, bytes, line, found) => {
    expectProblems((dir) => put(dir, FILE, bytes), [{ file: FILE, line, message: new RegExp(`^not valid UTF-8: line ${line} holds bytes that are no UTF-8 character \\(${found}\\)${SAVE_AS_UTF8}`) }]);
  });

  it.each<[string, Buffer, string]>([
    ["UTF-16 little-endian with a byte-order mark", utf16(article(GOOD), "le", true), "little-endian"],
    ["UTF-16 big-endian with a byte-order mark", utf16(article(GOOD), "be", true), "big-endian"],
    ["UTF-16 little-endian without one", utf16(article(GOOD), "le", false), "little-endian"],
  ])("an article in %s", (_input, bytes, order) => {
    expectProblems((dir) => put(dir, FILE, bytes), [{ file: FILE, message: new RegExp(`^saved as UTF-16 \\(${order}\\), which bantin does not read${SAVE_AS_UTF8}`) }]);
  });

  it("site.json in UTF-16", () => {
    expectProblems((dir) => fs.writeFileSync(path.join(dir, "_data/site.json"), utf16('{ "title": "A", "url": "https://example.org" }', "le", true)), [
      { file: "_data/site.json", message: new RegExp(`^saved as UTF-16 \\(little-endian\\), which bantin does not read${SAVE_AS_UTF8}`) },
    ]);
  });

  it.each([
    ["NUL", "\u0000", "U+0000"],
    ["a C1 control (U+0093, a Windows-1252 quote read as Latin-1)", "\u0093", "U+0093"],
    ["the noncharacter U+FFFE", "\uFFFE", "U+FFFE"],
  ])("%s in the body", (_input, character, name) => {
    expectProblems(inArticle(GOOD, `Đoạn một.\n\nĐoạn ${character} hai.`), [
      { file: FILE, line: 8, message: new RegExp(`^holds the control character ${name.replace("+", "\\+")} \\(line 8\\), which pages and feeds cannot carry; remove it$`) },
    ]);
  });
});

describe("files and symbolic links under content/", () => {
  const LINK = "is a symbolic link \\(to (.+)\\), which bantin does not follow: a link can lead outside the content folder or back into it; replace it with the";
  it.each<[string, (dir: string) => void, Expected]>([
    ["a broken link named like an article", (dir) => fs.symlinkSync("../nowhere.md", path.join(dir, "2011/broken.md")), { file: "2011/broken.md", message: /^is a broken symbolic link \(to \.\.\/nowhere\.md, which does not exist\); remove it/ }],
    ["a broken link to a folder", (dir) => fs.symlinkSync("../nowhere", path.join(dir, "2011/gone")), { file: "2011/gone", message: /^is a broken symbolic link \(to \.\.\/nowhere, which does not exist\)/ }],
    ["a link to itself", (dir) => fs.symlinkSync("self", path.join(dir, "2011/self")), { file: "2011/self", message: /^is a broken symbolic link \(to self, which leads back to itself\)/ }],
    ["a link to the folder it is in (a loop)", (dir) => fs.symlinkSync(".", path.join(dir, "2011/loop")), { file: "2011/loop", message: new RegExp(`^${LINK} folder itself$`) }],
    ["a link to the content folder (a loop)", (dir) => fs.symlinkSync("..", path.join(dir, "2011/up")), { file: "2011/up", message: new RegExp(`^${LINK} folder itself$`) }],
    ["a link to a sibling folder", (dir) => fs.symlinkSync("../2011", path.join(dir, "2012/again")), { file: "2012/again", message: new RegExp(`^${LINK} folder itself$`) }],
    ["a link to an article", (dir) => fs.symlinkSync("09/moi-nhat.md", path.join(dir, "2011/link.md")), { file: "2011/link.md", message: new RegExp(`^${LINK} file itself$`) }],
    ["a link to a folder outside", (dir) => fs.symlinkSync(tempDir("outside"), path.join(dir, "2011/outside")), { file: "2011/outside", message: new RegExp(`^${LINK} folder itself$`) }],
    ["a link to a Markdown file outside", (dir) => fs.symlinkSync(path.resolve("README.md"), path.join(dir, "readme.md")), { file: "readme.md", message: new RegExp(`^${LINK} file itself$`) }],
    ["a pipe named like an article", (dir) => execFileSync("mkfifo", [path.join(dir, "2011/pipe.md")]), { file: "2011/pipe.md", message: /^is not a regular file \(a device, pipe or socket\); an article must be a plain text file$/ }],
  ])("%s", (_input, write, expected) => {
    expectProblems(write, [expected]);
  });

  it("a link to a non-Markdown file is passed over like any other file", () => {
    expect(problemsAfter((dir) => fs.symlinkSync(path.resolve("README.md"), path.join(dir, "ghi-chu.txt")))).toEqual([]);
  });

  it("a folder named like an article (tin.md/) is a folder, and its articles are read", () => {
    const contentDir = copyFixture("site");
    put(contentDir, "2011/tin.md/bai.md", article('title: "Bài trong thư mục"\ndate: "2011-09-21 08:00"\ncategory: "Thông báo"'));
    expect(loadContent(contentDir).articles.map((item) => item.file)).toContain("2011/tin.md/bai.md");
  });

  it("a content folder that does not exist, or is a file, is one problem", () => {
    const missing = path.join(tempDir("gone"), "noi-dung");
    expect(contentProblems(missing)).toEqual([{ file: ".", message: `no such folder: ${missing}; expected the content folder, holding the articles and _data/site.json` }]);
    const file = path.join(tempDir("file"), "site.json");
    fs.writeFileSync(file, "{}");
    expect(contentProblems(file)).toEqual([{ file: ".", message: `not a folder: ${file} is a file; expected the content folder, holding the articles and _data/site.json` }]);
  });

  it("`npm run check` reports a broken link, a loop and a missing folder in one line each, without a stack trace", async () => {
    const contentDir = copyFixture("site");
    fs.symlinkSync("../nowhere.md", path.join(contentDir, "2011/broken.md"));
    fs.symlinkSync("..", path.join(contentDir, "2011/up"));
    const linked = await bantin(["check", "--content", contentDir]);
    expect({ code: linked.code, stderr: linked.stderr }).toEqual({ code: 1, stderr: "" });
    expect(linked.stdout.trim().split("\n").slice(0, 3)).toEqual([
      "2 errors in 2 files:",
      `  ${contentDir}/2011/broken.md: is a broken symbolic link (to ../nowhere.md, which does not exist); remove it, or replace it with the file or folder itself`,
      `  ${contentDir}/2011/up: is a symbolic link (to ..), which bantin does not follow: a link can lead outside the content folder or back into it; replace it with the folder itself`,
    ]);
    const missing = path.join(tempDir("gone"), "noi-dung");
    const gone = await bantin(["check", "--content", missing]);
    expect({ code: gone.code, stderr: gone.stderr }).toEqual({ code: 1, stderr: "" });
    expect(gone.stdout.trim().split("\n")).toEqual([
      "1 error in 1 file:",
      `  ${missing}: no such folder: ${missing}; expected the content folder, holding the articles and _data/site.json`,
      `1 error: 0 articles, 0 videos in ${missing}/`,
    ]);
  });
  it("`npm run build` reports the same links as `check`, and writes nothing", async () => {
    const contentDir = copyFixture("site");
    fs.symlinkSync("../nowhere.md", path.join(contentDir, "2011/broken.md"));
    fs.symlinkSync("..", path.join(contentDir, "2011/up"));
    const outDir = path.join(tempDir("links-out"), "dist");
    const built = await bantin(["build", "--content", contentDir, "--out", outDir]);
    expect(built.code).toBe(1);
    expect(built.stderr.trim().split("\n")[0]).toBe("2 problems in 2 files:");
    expect(built.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(outDir)).toBe(false);
  });
});

describe("ids in bodies", () => {
  it.each([...LAYOUT_IDS])("the body repeats the layout's id %s", (id) => {
    expectProblems(inArticle(GOOD, `Mở đầu.\n\n<p id="${id}">Chiếm chỗ.</p>`), [
      { file: FILE, line: 8, message: new RegExp(`^the body has id "${id}", which the page layout already gives one of its own elements; rename it, and the links to it`) },
    ]);
  });

  it.each<[string, string, Expected[]]>([
    ["one id twice on one line", '<p id="a">1</p><p id="a">2</p>', [{ file: FILE, line: 6, message: /^the body gives id "a" to two elements \(lines 6 and 6\); ids must be unique on a page/ }]],
    ["one id on two lines", '<p id="a">1</p>\n\n<table id="a"><tr><td>2</td></tr></table>', [{ file: FILE, line: 8, message: /^the body gives id "a" to two elements \(lines 6 and 8\)/ }]],
    ["an id with a space", '<p id="ghi chu">1</p>', [{ file: FILE, line: 6, message: /^the body has id "ghi chu": an id is one word/ }]],
  ])("%s", (_input, body, expected) => {
    expectProblems(inArticle(GOOD, body), expected);
  });

  it("passes over ids in code, on elements the sanitiser drops, empty ones (dropped too), and in-article anchors", () => {
    expect(problemsAfter(inArticle(GOOD, '`<p id="noi-dung">`\n\n<script id="noi-dung"></script>\n\n<p id="">Trống.</p>\n\n[Ghi chú](#ghi-chu)\n\n<p id="ghi-chu">Ghi chú.</p>'))).toEqual([]);
  });
});

describe("video anchors and descriptions", () => {
  const video = (name: string, body?: string) => (dir: string) => put(dir, `video/${name}`, article(`${VIDEO}\nurl: "https://video.example.org/${encodeURIComponent(name)}"`, body));
  const NO_ANCHOR = /^the file name has no letter or digit a-z, 0-9, so the video gets no anchor on the video page; rename the file, e.g\. video\/le-hoi-dinh\.md$/;

  it.each([["#%?.md"], ["!!.md"], ["Вести.md"]])("a file name with no letter or digit: %s", (name) => {
    expectProblems(video(name), [{ file: `video/${name}`, message: NO_ANCHOR }]);
  });

  it("two such files are two problems of their own, not one anchor shared", () => {
    expectProblems(
      (dir) => {
        video("#%?.md")(dir);
        video("!!.md")(dir);
      },
      [
        { file: "video/!!.md", message: NO_ANCHOR },
        { file: "video/#%?.md", message: NO_ANCHOR },
      ],
    );
  });

  it.each<[string, (dir: string) => void, Expected]>([
    ["a file name that is a layout id (noi-dung.md)", video("noi-dung.md"), { file: "video/noi-dung.md", message: /^the file name gives the anchor #noi-dung, which the page layout already uses; rename the file$/ }],
    ["a description id that is another video's anchor", video("phim.md", '<p id="clip">Xem thêm.</p>'), { file: "video/phim.md", line: 6, message: /^the description has id "clip", the anchor of video\/clip\.md on the video page; rename it/ }],
    [
      "two descriptions with one id",
      (dir) => {
        video("phim-a.md", '<p id="ghi-chu">A</p>')(dir);
        video("phim-b.md", '<p id="ghi-chu">B</p>')(dir);
      },
      { file: "video/phim-b.md", line: 6, message: /^the description has id "ghi-chu", as the description of video\/phim-a\.md does; both are on the video page/ },
    ],
  ])("%s", (_input, write, expected) => {
    expectProblems(write, [expected]);
  });
});

describe("odd input that is fine", () => {
  it("a file named with capitals and spaces takes its URL from the title", () => {
    const contentDir = copyFixture("site");
    put(contentDir, "2011/09/Tin Mới HOA.md", article(GOOD));
    expect(loadContent(contentDir).articles.find((item) => item.file === "2011/09/Tin Mới HOA.md")?.url).toBe("/2011/09/21/tin-thu/");
  });

  it("a title of 10,000 characters gives a slug of at most 80", () => {
    const contentDir = copyFixture("site");
    put(contentDir, FILE, article(`title: "${"Tin dài ".repeat(1250)}"\ndate: "2011-09-21 08:00"\ncategory: "Thông báo"`));
    const slug = loadContent(contentDir).articles.find((item) => item.file === FILE)!.slug;
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^tin-dai-tin-dai/);
  });

  it("an article and site.json with a UTF-8 byte-order mark, and an image URL", () => {
    const contentDir = copyFixture("site");
    put(contentDir, FILE, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(article(`${GOOD}\nimage: "https://example.org/anh.jpg"`))]));
    const settingsFile = path.join(contentDir, "_data/site.json");
    fs.writeFileSync(settingsFile, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fs.readFileSync(settingsFile)]));
    const { settings, articles } = loadContent(contentDir);
    expect(settings.title).toBe("Bản tin thử nghiệm");
    expect(articles.find((item) => item.file === FILE)).toMatchObject({ title: "Tin thử", image: "https://example.org/anh.jpg" });
  });
});

describe("rendering hostile text", () => {
  const SITE_TITLE = 'Gò Vấp & Hóc Môn "Bản tin" <b>';
  const CATEGORY = 'Gò Vấp & Hóc Môn "Bản tin"';
  const TITLE = 'Tin & "trích" <i>nghiêng</i> {{ 7 * 7 }} {% raw %}';
  const OWN_FEED = "/chuyen-muc/go-vap-hoc-mon-ban-tin/feed.xml";
  const ENTITIES: Record<string, string> = { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" };
  /** XML character data as a reader gets it: every reference decoded once. */
  const decodeXml = (text: string) =>
    text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (reference, name: string) =>
      name.startsWith("#") ? String.fromCodePoint(Number(name.startsWith("#x") ? `0${name.slice(1)}` : name.slice(1))) : (ENTITIES[name] ?? reference),
    );

  it("escapes feed titles once, keeps page ids unique, and shows template syntax as text", async () => {
    const contentDir = copyFixture("site");
    const settingsFile = path.join(contentDir, "_data/site.json");
    fs.writeFileSync(settingsFile, JSON.stringify({ ...JSON.parse(fs.readFileSync(settingsFile, "utf8")), title: SITE_TITLE }));
    put(contentDir, FILE, article(`title: ${JSON.stringify(TITLE)}\ndate: "2011-09-22 08:00"\ncategory: ${JSON.stringify(CATEGORY)}\nslug: "tin-hostile"`, "[Xem ghi chú](#ghi-chu)\n\n<p id=\"ghi-chu\">Ghi chú.</p>"));
    put(contentDir, "video/phim.md", article(`${VIDEO}\nurl: "https://video.example.org/phim"`, '<p id="mo-ta">Mô tả.</p>'));
    const before = snapshot(contentDir);
    const site = await buildFixture(contentDir);
    expect(snapshot(contentDir)).toEqual(before);

    // Each feed's <title> decodes to exactly the name: nothing is escaped a second time.
    const feeds = site.files().filter((file) => file.endsWith("feed.xml"));
    expect(feeds).toContain(OWN_FEED);
    for (const feed of feeds) {
      const xml = site.text(feed);
      const [feedTitle, ...entryTitles] = [...xml.matchAll(/<title>([^<]*)<\/title>/g)].map((match) => decodeXml(match[1]!));
      if (feed === "/feed.xml") {
        expect(feedTitle).toBe(SITE_TITLE);
        expect(entryTitles).toContain(TITLE);
      } else if (feed === OWN_FEED) {
        expect(feedTitle).toBe(`${CATEGORY} – ${SITE_TITLE}`);
        expect(entryTitles).toEqual([TITLE]);
        expect(decodeXml(/<category [^>]*label="([^"]*)"/.exec(xml)![1]!)).toBe(CATEGORY);
      } else expect(feedTitle, feed).toMatch(new RegExp(` – ${SITE_TITLE.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
    }

    // The article shows its title as text, and its in-article anchor still leads to its target.
    const page = site.page("/2011/09/22/tin-hostile/");
    expect(page.querySelector("h1")!.textContent).toBe(TITLE);
    expect(page.querySelector('.article__body a[href="#ghi-chu"]')).not.toBeNull();
    expect(page.querySelector(".article__body #ghi-chu")?.textContent).toBe("Ghi chú.");

    // No page repeats an id.
    for (const file of site.files().filter((name) => name.endsWith(".html"))) {
      const ids = [...parseHTML(site.text(file)).document.querySelectorAll("[id]")].map((element) => element.id);
      expect(ids.filter((id, index) => ids.indexOf(id) !== index), file).toEqual([]);
    }
  });

  it("a build with a 300-character slug stops before writing anything", async () => {
    const contentDir = copyFixture("site");
    put(contentDir, FILE, article(`${GOOD}\nslug: "${"a".repeat(300)}"`));
    const outDir = tempDir("out");
    const error: unknown = await buildSite({ contentDir, outDir }).then(
      () => undefined,
      (rejection: unknown) => rejection,
    );
    expect(findContentError(error)?.problems).toEqual([{ file: FILE, line: 5, field: "slug", message: "expected at most 80 characters, as a slug made from a title has, found 300; shorten it" }]);
    expect(fs.readdirSync(outDir, { recursive: true }).filter((name) => String(name).endsWith(".html"))).toEqual([]);
  });
});
