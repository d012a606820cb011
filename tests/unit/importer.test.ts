import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import iconv from "iconv-lite";
import { CORE_SCHEMA, load } from "js-yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load.ts";
import { SettingsError } from "../../src/importer/categories.ts";
import { decodeCapture } from "../../src/importer/decode.ts";
import { type ImportOptions, importCaptures } from "../../src/importer/import.ts";
import type { ImportReport } from "../../src/importer/report.ts";
import { bulletin, capture, CAPTURES, filesIn, FULL_PAGE, FULL_PAGE_FIELDS, FULL_PAGE_FILE, FULL_PAGE_URL, writeFile } from "../helpers/captures.ts";
import { FIXTURES, tempDir } from "../helpers/paths.ts";
import { setLanguage } from "../../src/core/messages.ts";

// The importer reports in English; the settings problems it shares with the build are read in English too.
beforeAll(() => setLanguage("en"));

// The importer as a library: what it writes and the report it returns. The command around it
// (text report, exit status, progress) is tested in cli-import.test.ts.

const PLAYGROUND = path.join("2012", "11", "phuong-5-khanh-thanh-san-choi-thieu-nhi-niem-vui-ngay-cuoi-tuan.md");
/** The record of imported pages that every import writing an article leaves beside them (ledger.ts). */
const LEDGER = path.join("_data", "imported.json");

/** A content folder with the site fixture's settings (and, when asked, its articles), to load imported articles. */
function siteCopy({ articles = false } = {}): string {
  const dir = tempDir("import-site");
  fs.cpSync(path.join(FIXTURES, "site", articles ? "" : "_data"), articles ? dir : path.join(dir, "_data"), { recursive: true });
  return dir;
}

function importInto(out: string, paths: string[], options: Omit<ImportOptions, "out"> = {}): ImportReport {
  return importCaptures(paths, { out, ...options });
}

/**
 * Windows-1258 bytes of a text. The code page has some precomposed letters (ă, â, ê, ô, ơ, ư, đ, à, á …)
 * but writes most tone marks as combining characters, and iconv-lite does not decompose: compose
 * each letter as far as the code page allows, then leave the remaining marks combining.
 */
function windows1258(text: string): Buffer {
  const encodable = (character: string) => iconv.decode(iconv.encode(character, "windows1258"), "windows1258") === character;
  let out = "";
  for (const cluster of text.normalize("NFD").match(/\P{M}\p{M}*/gu) ?? []) {
    let [head = "", ...marks] = [...cluster];
    for (let composed = true; composed; ) {
      composed = false;
      for (const mark of marks) {
        const candidate = (head + mark).normalize("NFC");
        if ([...candidate].length === 1 && encodable(candidate)) {
          head = candidate;
          marks = marks.filter((other) => other !== mark);
          composed = true;
          break;
        }
      }
    }
    out += head + marks.join("");
  }
  const bytes = iconv.encode(out, "windows1258");
  // The helper itself must not lose anything, or the tests below would prove nothing.
  expect(iconv.decode(bytes, "windows1258").normalize("NFC")).toBe(text.normalize("NFC"));
  return bytes;
}

const utf16 = (text: string, order: "le" | "be", bom: boolean) => {
  const le = Buffer.from((bom ? "\uFEFF" : "") + text, "utf16le");
  return order === "le" ? le : Buffer.from(le).swap16();
};

describe("importing a capture with every part of a legacy page", () => {
  const { title, date, category, source, author, authorTitle, views, headings } = FULL_PAGE_FIELDS;

  it("writes it to YYYY/MM/slug.md with exactly the expected front matter", () => {
    const out = tempDir("full-page");
    const report = importInto(out, [FULL_PAGE]);
    expect(report.results).toEqual([{ path: FULL_PAGE, status: "imported", output: path.join(out, FULL_PAGE_FILE), reason: null, encoding: "UTF-8", warnings: [] }]);
    expect(filesIn(out)).toEqual([FULL_PAGE_FILE, LEDGER]);

    const text = fs.readFileSync(path.join(out, FULL_PAGE_FILE), "utf8");
    expect(text.startsWith(
      [
        "---",
        'title: "Hợp tác xã rau an toàn phường 16 mở thêm ba điểm bán: Liên kết giữa hộ trồng rau và bếp ăn trường học"',
        'date: "2012-11-14 15:20:45"',
        'category: "Kinh tế - Xã hội"',
        'source: "Bản tin Hội Nông dân quận"',
        'author: "Đoàn Thị Mỹ Linh"',
        'author_title: "Phó Chủ tịch Hội Nông dân quận"',
        "views: 5127",
        "---",
        "",
        "",
      ].join("\n"),
    )).toBe(true);
    const [, frontMatter = "", body = ""] = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(text) ?? [];
    expect(load(frontMatter, { schema: CORE_SCHEMA })).toEqual({ title, date, category, source, author, author_title: authorTitle, views });

    expect(body.split("\n").filter((line) => line.startsWith("#"))).toEqual(headings.map((heading) => `## ${heading}`));
    for (const chrome of ["SỐ LƯỢT TRUY CẬP", "TIN MỚI HƠN", "TIN ĐÃ ĐƯA", "Xem tiếp", "Xem theo ngày", "THƯ VIỆN VIDEO", "Go Search", "Số lượt người xem", "Đoàn Thị Mỹ Linh", "Tập huấn kỹ thuật trồng nấm rơm"]) {
      expect(body).not.toContain(chrome);
    }
    expect(body.split("\n").filter((line) => /^\s*\d+\s*$/.test(line))).toEqual([]);
    // The body runs from the paragraph after the source line to the one before the signature.
    const lines = fs.readFileSync(FULL_PAGE, "utf8").split("\n").map((line) => line.trim()).filter((line) => line !== "");
    const firstParagraph = lines[lines.indexOf("Theo Bản tin Hội Nông dân quận") + 1]!;
    const lastParagraph = lines[lines.findIndex((line) => line.startsWith("Đoàn Thị Mỹ Linh,")) - 1]!;
    expect(firstParagraph).toMatch(/^Từ đầu năm 2012, /);
    expect(lastParagraph).toMatch(/^Ba là, /);
    expect(body.startsWith(`${firstParagraph}\n\n`)).toBe(true);
    expect(body.endsWith(`\n\n${lastParagraph}\n`)).toBe(true);
  });

  it("writes articles that the site loads without any edit", () => {
    const site = siteCopy();
    const report = importInto(site, [CAPTURES]);
    expect(report.summary).toEqual({ imported: 5, unchanged: 0, conflict: 0, failed: 3 }); // the fixture folder holds unreadable pages on purpose
    const { articles } = loadContent(site);
    expect(articles.find((article) => article.file === FULL_PAGE_FILE.split(path.sep).join("/"))).toMatchObject({ url: FULL_PAGE_URL, date: "2012-11-14T15:20:45+07:00", title, category, source, author, authorTitle, views });
    expect(articles.find((article) => article.url === FULL_PAGE_URL)?.html.match(/<h2>/g)).toHaveLength(3);
    expect(articles.find((article) => article.file === "2010/12/lich-tiep-cong-dan-thang-cuoi-nam.md")).toMatchObject({ url: "/2010/12/12/lich-tiep-cong-dan-thang-cuoi-nam/", author: "Nguyễn Minh Quân" });
    const special = articles.find((article) => article.file.startsWith("2012/04/"));
    expect(special?.html).toContain("<p>1. Thu ngân sách đạt 30% kế hoạch năm.</p>");
    expect(special?.html).toContain("<p># Không phải tiêu đề.</p>");
    expect(special?.html).not.toMatch(/<(h1|ul|ol|blockquote|em|code|s|hr|table)\b/);
  });

  it("reports a conflict, writing nothing, where the archive already has the article under another file name", () => {
    // Written by hand before the import: same title, so same URL, and same date.
    const site = siteCopy({ articles: true });
    const other = writeFile(path.join(site, "2012", "11", "rau-an-toan.md"), `---\ntitle: "${title}"\ndate: "${date}"\ncategory: "${category}"\n---\n\nViết tay.\n`);
    const before = filesIn(site);
    const report = importInto(site, [FULL_PAGE], { force: true });
    expect(report.summary).toEqual({ imported: 0, unchanged: 0, conflict: 1, failed: 0 });
    expect(report.results[0]).toMatchObject({ status: "conflict", output: other });
    expect(report.results[0]?.reason?.startsWith(`${other} already has this article's URL ${FULL_PAGE_URL} and date`)).toBe(true);
    expect(filesIn(site)).toEqual(before);
    expect(loadContent(site).articles).toHaveLength(before.filter((file) => file.endsWith(".md") && !file.startsWith("video")).length - 1); // less the draft
  });
});

describe("the signature and the page's address", () => {
  const KENH = path.join("2012", "03", "phuong-7-ra-quan-don-dep-kenh-rach.md");
  const ADDRESS = "http://portal.example.gov.vn/tintuc/Lists/Posts/Post.aspx?ID=1024";
  const frontMatterOf = (file: string) => load(/^---\n([\s\S]*?)\n---\n/.exec(fs.readFileSync(file, "utf8"))?.[1] ?? "", { schema: CORE_SCHEMA });

  it("writes an office's signature as author and the address the capture recorded as legacy_url, and the site loads them", () => {
    const site = siteCopy();
    const page = `${ADDRESS}\n\n${bulletin({ body: "Sáng Chủ nhật, hơn một trăm đoàn viên đã vớt rác dọc bờ kênh.\n\nBan Tuyên giáo Quận ủy" })}`;
    const report = importInto(site, [writeFile(path.join(tempDir("captures"), "kenh.txt"), page)]);
    expect(report.results[0]).toMatchObject({ status: "imported", warnings: [] });
    expect(frontMatterOf(path.join(site, KENH))).toEqual({
      title: "Phường 7 ra quân dọn dẹp kênh rạch",
      date: "2012-03-05 08:15:00",
      category: "Tin tức - Sự kiện",
      author: "Ban Tuyên giáo Quận ủy",
      views: 42,
      legacy_url: ADDRESS,
    });
    expect(fs.readFileSync(path.join(site, KENH), "utf8").endsWith("\n\nSáng Chủ nhật, hơn một trăm đoàn viên đã vớt rác dọc bờ kênh.\n")).toBe(true);
    expect(loadContent(site).articles.find((article) => article.file === KENH.split(path.sep).join("/"))).toMatchObject({ author: "Ban Tuyên giáo Quận ủy", legacyUrl: ADDRESS });
  });

  it("writes no legacy_url for a capture without an address", () => {
    const out = tempDir("out");
    importInto(out, [writeFile(path.join(tempDir("captures"), "kenh.txt"), bulletin())]);
    expect(frontMatterOf(path.join(out, KENH))).not.toHaveProperty("legacy_url");
  });
});

describe("encodings and text forms", () => {
  const text = fs.readFileSync(capture("san-choi-phuong-5.txt"), "utf8");
  const variants: [string, Buffer, string, string[]][] = [
    ["UTF-8 with a byte-order mark", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), "UTF-8 with BOM", []],
    ["UTF-16LE with a byte-order mark", utf16(text, "le", true), "UTF-16LE", ["read as UTF-16LE (byte-order mark)"]],
    ["UTF-16BE with a byte-order mark", utf16(text, "be", true), "UTF-16BE", ["read as UTF-16BE (byte-order mark)"]],
    ["UTF-16LE without a byte-order mark", utf16(text, "le", false), "UTF-16LE", ["read as UTF-16LE (no byte-order mark; every other byte is NUL)"]],
    ["UTF-16BE without a byte-order mark", utf16(text, "be", false), "UTF-16BE", ["read as UTF-16BE (no byte-order mark; every other byte is NUL)"]],
    ["Windows-1258", windows1258(text), "Windows-1258", ["not valid UTF-8; read as Windows-1258"]],
    ["Windows-1258 with CRLF", windows1258(text.replace(/\n/g, "\r\n")), "Windows-1258", ["not valid UTF-8; read as Windows-1258"]],
    ["CRLF line ends", Buffer.from(text.replace(/\n/g, "\r\n")), "UTF-8", []],
    ["Unicode NFD", Buffer.from(text.normalize("NFD")), "UTF-8", []],
    ["non-breaking spaces and trailing spaces", Buffer.from(text.replace(/ /g, "\u00A0").replace(/\n/g, " \n")), "UTF-8", []],
  ];

  it.each(variants)("imports %s to the same bytes as plain UTF-8, saying which encoding it assumed", (_, bytes, encoding, warnings) => {
    const plainOut = tempDir("plain");
    expect(importInto(plainOut, [capture("san-choi-phuong-5.txt")]).summary.imported).toBe(1);
    const input = writeFile(path.join(tempDir("encoded"), "trang.txt"), bytes);
    const out = tempDir("out");
    const report = importInto(out, [input]);
    expect(report.results).toEqual([{ path: input, status: "imported", output: path.join(out, PLAYGROUND), reason: null, encoding, warnings }]);
    expect(fs.readFileSync(path.join(out, PLAYGROUND))).toEqual(fs.readFileSync(path.join(plainOut, PLAYGROUND)));
  });
  it("decodes any Vietnamese text in every supported encoding (property)", () => {
    const word = fc.constantFrom(..."Đảng bộ quận Gò Vấp tổ chức hội nghị tổng kết năm ưu tú người dân phường thành phố nhiệm vụ ổn định Ủy ban Ặc Ễ ỹ".split(" "));
    const text = fc.array(fc.tuple(word, fc.constantFrom(" ", " ", "\n", ", ", ". ")), { minLength: 3, maxLength: 60 }).map((parts) => parts.flat().join("").trim());
    fc.assert(
      fc.property(text, fc.constantFrom("utf-8", "utf-8-bom", "utf-16le-bom", "utf-16be-bom", "utf-16le", "utf-16be", "windows-1258", "nfd"), (value, encoding) => {
        fc.pre(/[a-z]/.test(value));
        const bytes = {
          "utf-8": Buffer.from(value),
          "utf-8-bom": Buffer.from(`\uFEFF${value}`),
          "utf-16le-bom": utf16(value, "le", true),
          "utf-16be-bom": utf16(value, "be", true),
          "utf-16le": utf16(value, "le", false),
          "utf-16be": utf16(value, "be", false),
          "windows-1258": windows1258(value),
          nfd: Buffer.from(value.normalize("NFD")),
        }[encoding];
        const decoded = decodeCapture(bytes);
        expect(decoded.ok && decoded.text.replace(/^\uFEFF/, "").normalize("NFC")).toBe(value);
      }),
      { numRuns: 400 },
    );
  });

  it.each([
    ["a PNG image", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00]), /^binary file/],
    ["damaged UTF-8", Buffer.concat([Buffer.from(bulletin()), Buffer.from([0xff]), Buffer.from("Phường Gò Vấp")]), /^invalid UTF-8 at byte \d+; the rest of the file is UTF-8/],
    ["bytes that mean nothing in Windows-1258", Buffer.from([0x54, 0x49, 0x4e, 0x20, 0x8d, 0x8e, 0x8f, 0x90, 0x0a]), /^neither UTF-8 nor Windows-1258/],
    ["UTF-8 after a byte-order mark, broken", Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0xc3]), /^invalid UTF-8 at byte 4, although the file starts with a UTF-8 byte-order mark/],
    ["an empty file", Buffer.alloc(0), /^empty file$/],
  ])("refuses %s with a reason", (_, bytes, reason) => {
    const decoded = decodeCapture(bytes);
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.reason).toMatch(reason);
  });
});

describe("pages that cannot be read", () => {
  it("are reported with their path and reason, nothing is written for them, and the others are imported", () => {
    const folder = tempDir("captures");
    fs.cpSync(CAPTURES, folder, { recursive: true });
    writeFile(path.join(folder, "anh.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    const out = tempDir("out");
    const report = importInto(out, [folder]);
    expect(report.results.filter((result) => result.status === "failed").map((result) => [result.path, result.reason])).toEqual([
      [path.join(folder, "anh.png"), "binary file (contains NUL bytes), not a captured page"],
      [path.join(folder, "khong-co-ngay.txt"), 'no date line ("<CATEGORY> <day> Tháng <month> <year> <h>:<mm>:<ss> <SA|CH>")'],
      [path.join(folder, "ngay-khong-ton-tai.txt"), 'line 1: impossible date "31 Tháng Hai 2011 9:00:00 SA": month 2 of 2011 has 28 days'],
      [path.join(folder, "rong.txt"), "empty file"],
    ]);
    expect(report.summary).toEqual({ imported: 5, unchanged: 0, conflict: 0, failed: 4 });
    expect(filesIn(out)).toEqual([
      path.join("2010", "12", "lich-tiep-cong-dan-thang-cuoi-nam.md"),
      path.join("2012", "04", "ghi-chep-so-lieu-quy-i-b-nhung-dieu-can-biet-b.md"),
      FULL_PAGE_FILE,
      PLAYGROUND,
      path.join("2013", "06", "khai-mac-giai-bong-da-thieu-nien-he.md"),
      LEDGER,
    ]);
  });

  it("include a path that does not exist", () => {
    const out = tempDir("out");
    const missing = path.join(out, "khong-co.txt");
    const report = importInto(out, [missing, capture("giai-bong-da-thieu-nien.txt")]);
    expect(report.results.map((result) => [result.path, result.status, result.reason])).toEqual([
      [missing, "failed", "no such file or folder"],
      [capture("giai-bong-da-thieu-nien.txt"), "imported", null],
    ]);
  });
});

describe("nothing lost, nothing clobbered", () => {
  it("re-importing a page changes nothing", () => {
    const out = tempDir("out");
    importInto(out, [capture("san-choi-phuong-5.txt")]);
    const file = path.join(out, PLAYGROUND);
    const before = fs.readFileSync(file);
    const { mtimeMs } = fs.statSync(file);
    const again = importInto(out, [capture("san-choi-phuong-5.txt")]);
    expect(again.summary).toEqual({ imported: 0, unchanged: 1, conflict: 0, failed: 0 });
    expect(again.results[0]).toMatchObject({ output: file, warnings: [] });
    expect(fs.readFileSync(file)).toEqual(before);
    expect(fs.statSync(file).mtimeMs).toBe(mtimeMs);
    expect(filesIn(out)).toEqual([PLAYGROUND, LEDGER]);
  });

  it("never overwrites a different file without force", () => {
    const out = tempDir("out");
    importInto(out, [capture("san-choi-phuong-5.txt")]);
    const file = path.join(out, PLAYGROUND);
    const imported = fs.readFileSync(file, "utf8");
    const edited = imported.replace("views: 1234", 'views: 1234\ntags: ["Phường 5"]');
    fs.writeFileSync(file, edited);

    const conflict = importInto(out, [capture("san-choi-phuong-5.txt")]);
    expect(conflict.results).toEqual([
      { path: capture("san-choi-phuong-5.txt"), status: "conflict", output: file, reason: `${file} already exists with different content; --force replaces it`, encoding: "UTF-8", warnings: [] },
    ]);
    expect(fs.readFileSync(file, "utf8")).toBe(edited);

    const forced = importInto(out, [capture("san-choi-phuong-5.txt")], { force: true });
    expect(forced.results[0]).toMatchObject({ status: "imported", warnings: [`replaced the different ${file} (--force)`] });
    expect(fs.readFileSync(file, "utf8")).toBe(imported);
    expect(filesIn(out)).toEqual([PLAYGROUND, LEDGER]); // no temporary file left behind
  });

  it("keeps both of two different pages that would get the same path, and they load", () => {
    const folder = tempDir("captures");
    const first = writeFile(path.join(folder, "a.txt"), bulletin({ body: "Bản tin thứ nhất." }));
    const second = writeFile(path.join(folder, "b.txt"), bulletin({ body: "Bản tin thứ hai, cùng tiêu đề và cùng giờ đăng." }));
    const site = siteCopy();
    const report = importInto(site, [folder]);
    const name = path.join(site, "2012", "03", "phuong-7-ra-quan-don-dep-kenh-rach");
    expect(report.results).toEqual([
      { path: first, status: "imported", output: `${name}.md`, reason: null, encoding: "UTF-8", warnings: [] },
      {
        path: second,
        status: "imported",
        output: `${name}-2.md`,
        reason: null,
        encoding: "UTF-8",
        warnings: [`${name}.md is taken by ${first}, another page with the same file name`, `wrote ${name}-2.md with slug "phuong-7-ra-quan-don-dep-kenh-rach-2" instead`],
      },
    ]);
    expect(fs.readFileSync(`${name}-2.md`, "utf8")).toContain('\nslug: "phuong-7-ra-quan-don-dep-kenh-rach-2"\n---\n\nBản tin thứ hai');
    const urls = loadContent(site).articles.filter((article) => article.file.startsWith("2012/03/")).map((article) => article.url);
    expect(urls.sort()).toEqual(["/2012/03/05/phuong-7-ra-quan-don-dep-kenh-rach-2/", "/2012/03/05/phuong-7-ra-quan-don-dep-kenh-rach/"]);

    // Again, together or the second alone: both already there.
    expect(importInto(site, [folder]).summary).toEqual({ imported: 0, unchanged: 2, conflict: 0, failed: 0 });
    expect(importInto(site, [second]).results[0]).toMatchObject({ status: "unchanged", output: `${name}-2.md` });
  });

  it("imports the same page found in two files once", () => {
    const folder = tempDir("captures");
    const first = writeFile(path.join(folder, "a.txt"), bulletin());
    writeFile(path.join(folder, "b.txt"), bulletin().replace(/\n/g, "\r\n"));
    const out = tempDir("out");
    const report = importInto(out, [folder]);
    expect(report.results.map((result) => [result.status, result.warnings])).toEqual([
      ["imported", []],
      ["unchanged", [`same article as ${first}`]],
    ]);
    expect(filesIn(out)).toEqual([path.join("2012", "03", "phuong-7-ra-quan-don-dep-kenh-rach.md"), LEDGER]);
  });

  it("puts a page beside another article that has its file name but another date", () => {
    const out = tempDir("out");
    importInto(out, [writeFile(path.join(tempDir("a"), "a.txt"), bulletin())]);
    const later = writeFile(path.join(tempDir("b"), "b.txt"), bulletin({ date: "TIN TỨC - SỰ KIỆN 26 Tháng Ba 2012 8:15:00 SA", body: "Đợt hai." }));
    const report = importInto(out, [later]);
    expect(report.results[0]).toMatchObject({ status: "imported", output: path.join(out, "2012", "03", "phuong-7-ra-quan-don-dep-kenh-rach-2.md") });
    expect(report.results[0]?.warnings[0]).toMatch(/holds another article \(dated 2012-03-05 08:15:00\)/);
  });

  it("reports an article already at the page's URL under another file name, even with force", () => {
    const out = tempDir("out");
    const other = writeFile(
      path.join(out, "2012", "03", "ban-tin-cu.md"),
      '---\ntitle: "Bản tin cũ"\ndate: "2012-03-05 08:15"\ncategory: "Tin tức - Sự kiện"\nslug: "phuong-7-ra-quan-don-dep-kenh-rach"\n---\n\nĐã viết tay.\n',
    );
    const report = importInto(out, [writeFile(path.join(tempDir("a"), "a.txt"), bulletin())], { force: true });
    expect(report.results[0]).toMatchObject({ status: "conflict", output: other, reason: expect.stringMatching(/already has this article's URL \/2012\/03\/05\/phuong-7-ra-quan-don-dep-kenh-rach\/ and date/) });
    expect(filesIn(out)).toEqual([path.join("2012", "03", "ban-tin-cu.md")]);
  });
});

describe("a dry run", () => {
  it("writes nothing and reports what would happen", () => {
    const out = path.join(tempDir("dry"), "content");
    const report = importInto(out, [capture("san-choi-phuong-5.txt"), capture("giai-bong-da-thieu-nien.txt"), capture("rong.txt")], { dryRun: true });
    expect(report).toMatchObject({ dryRun: true, summary: { imported: 2, unchanged: 0, conflict: 0, failed: 1 } });
    expect(report.results.map((result) => result.output)).toEqual([path.join(out, PLAYGROUND), path.join(out, "2013", "06", "khai-mac-giai-bong-da-thieu-nien-he.md"), null]);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("reports conflicts and clashes in the run as a real run would", () => {
    const out = tempDir("out");
    importInto(out, [capture("san-choi-phuong-5.txt")]);
    fs.appendFileSync(path.join(out, PLAYGROUND), "\nSửa tay.\n");
    const folder = tempDir("captures");
    writeFile(path.join(folder, "a.txt"), bulletin({ body: "Một." }));
    writeFile(path.join(folder, "b.txt"), bulletin({ body: "Hai." }));
    const before = filesIn(out).map((file) => fs.readFileSync(path.join(out, file), "utf8"));
    const report = importInto(out, [capture("san-choi-phuong-5.txt"), folder], { dryRun: true });
    expect(report.dryRun).toBe(true);
    expect(report.results.map((result) => [result.status, path.basename(result.output ?? "")])).toEqual([
      ["conflict", path.basename(PLAYGROUND)],
      ["imported", "phuong-7-ra-quan-don-dep-kenh-rach.md"],
      ["imported", "phuong-7-ra-quan-don-dep-kenh-rach-2.md"],
    ]);
    expect(filesIn(out).map((file) => fs.readFileSync(path.join(out, file), "utf8"))).toEqual(before);
  });
});

describe("the report", () => {
  it("has the summary and one result per input, each with every key", () => {
    const out = tempDir("out");
    const report = importInto(out, [CAPTURES]);
    expect(Object.keys(report)).toEqual(["dryRun", "out", "summary", "results", "errors"]);
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ dryRun: false, out, summary: { imported: 5, unchanged: 0, conflict: 0, failed: 3 } });
    expect(report.results).toHaveLength(8);
    for (const result of report.results) {
      expect(Object.keys(result)).toEqual(["path", "status", "output", "reason", "encoding", "warnings"]);
      expect(["imported", "unchanged", "conflict", "failed"]).toContain(result.status);
      expect(result.output === null).toBe(result.status === "failed");
      expect(result.reason === null).toBe(result.status === "imported" || result.status === "unchanged");
    }
    expect(report.results.find((result) => result.path.endsWith("rong.txt"))).toEqual({ path: capture("rong.txt"), status: "failed", output: null, reason: "empty file", encoding: null, warnings: [] });
  });

  it("is told as it goes, to whoever asks", () => {
    const calls: [number, number][] = [];
    importInto(tempDir("out"), [CAPTURES], { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual(Array.from({ length: 8 }, (_, index) => [index + 1, 8]));
  });
});

describe("inputs", () => {
  it("takes every non-hidden file of folders recursively, any file named explicitly, each once, never the output folder", () => {
    const root = tempDir("inputs");
    writeFile(path.join(root, "captures", "2012", "mot.html"), bulletin({ title: "Tin một" }));
    writeFile(path.join(root, "captures", "2012", "thang-3", "hai"), bulletin({ title: "Tin hai" }));
    writeFile(path.join(root, "captures", ".an.txt"), bulletin({ title: "Tin ẩn" }));
    writeFile(path.join(root, "captures", ".git", "ba.txt"), bulletin({ title: "Tin ba" }));
    writeFile(path.join(root, "captures", "content", "cu.md"), bulletin({ title: "Không phải bản chụp" }));
    const report = importInto(path.join(root, "captures", "content"), [path.join(root, "captures"), path.join(root, "captures", ".an.txt"), path.join(root, "captures", "2012", "mot.html")]);
    expect(report.summary.failed).toBe(0);
    expect(report.results.map((result) => path.relative(root, result.path))).toEqual([
      path.join("captures", "2012", "mot.html"),
      path.join("captures", "2012", "thang-3", "hai"),
      path.join("captures", ".an.txt"),
    ]);
  });

  it("reads relative paths from the working folder and reports them as given", () => {
    const root = tempDir("cwd");
    writeFile(path.join(root, "bản chụp", "a.txt"), bulletin());
    const report = importInto("content", ["bản chụp"], { cwd: root });
    expect(report.results[0]).toMatchObject({ path: path.join("bản chụp", "a.txt"), output: path.join("content", "2012", "03", "phuong-7-ra-quan-don-dep-kenh-rach.md") });
    expect(fs.existsSync(path.join(root, "content", "2012", "03", "phuong-7-ra-quan-don-dep-kenh-rach.md"))).toBe(true);
  });
});

describe("category names", () => {
  const categoryIn = (out: string, file: string) => /\ncategory: "([^"]*)"/.exec(fs.readFileSync(path.join(out, file), "utf8"))?.[1];

  it("come from the site settings, by captured name or by slug", () => {
    const out = tempDir("out");
    writeFile(path.join(out, "_data", "site.json"), JSON.stringify({ title: "Thử", url: "https://example.org", categories: { "TIN TỨC - SỰ KIỆN": "Tin tức", "thong-bao": "Thông báo của quận" } }));
    importInto(out, [capture("san-choi-phuong-5.txt"), capture("thong-bao-lich-tiep-dan.txt"), capture("giai-bong-da-thieu-nien.txt")]);
    expect(categoryIn(out, PLAYGROUND)).toBe("Tin tức");
    expect(categoryIn(out, path.join("2010", "12", "lich-tiep-cong-dan-thang-cuoi-nam.md"))).toBe("Thông báo của quận");
    expect(categoryIn(out, path.join("2013", "06", "khai-mac-giai-bong-da-thieu-nien-he.md"))).toBe("Văn hóa - Thể thao");
  });

  it("follow the spelling the archive already uses for the same category page", () => {
    const out = tempDir("out");
    writeFile(path.join(out, "2013", "01", "cu.md"), '---\ntitle: "Bài cũ"\ndate: "2013-01-01 08:00"\ncategory: "Văn Hóa - Thể Thao"\n---\n\nNội dung.\n');
    importInto(out, [capture("giai-bong-da-thieu-nien.txt")]);
    expect(categoryIn(out, path.join("2013", "06", "khai-mac-giai-bong-da-thieu-nien-he.md"))).toBe("Văn Hóa - Thể Thao");
  });

  it.each([
    ["not JSON", "{ categories: }", /site\.json: not valid JSON \(.+\); fix it so category names can be read$/],
    ["not a map", JSON.stringify({ categories: ["Tin tức"] }), /site\.json: "categories" must map category slugs or captured names to display names, e\.g\. .*; found: /],
    ["a name that is not text", JSON.stringify({ categories: { "tin-tuc": 3 } }), /site\.json: "categories" must map .*; found at "tin-tuc": expected a category display name \(text\), found number 3$/],
  ])("stop the run, writing nothing, when the settings' categories are %s", (_, settings, message) => {
    const out = tempDir("out");
    writeFile(path.join(out, "_data", "site.json"), settings);
    expect(() => importInto(out, [capture("san-choi-phuong-5.txt")])).toThrow(SettingsError);
    expect(() => importInto(out, [capture("san-choi-phuong-5.txt")])).toThrow(message);
    expect(filesIn(out)).toEqual([path.join("_data", "site.json")]);
  });
});
