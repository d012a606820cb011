import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { CORE_SCHEMA, load } from "js-yaml";
import { parseHTML } from "linkedom";
import { afterAll, describe, expect, it } from "vitest";
import { type CapturedPage, normaliseCaptureText, parseCapture, readSignature, sentenceCase } from "../../src/importer/capture.ts";
import { MONTH_SPELLINGS, readDateLine } from "../../src/importer/date-line.ts";
import { escapeMarkdownLine } from "../../src/importer/markdown-escape.ts";
import { categoryFor } from "../../src/importer/categories.ts";
import { importCaptures, renderArticle } from "../../src/importer/import.ts";
import { createRenderer } from "../../src/content/markdown.ts";
import { articleSchema } from "../../src/content/schema.ts";
import { slugify } from "../../src/core/slug.ts";
import { fold } from "../../src/core/text.ts";
import { CAPTURES, FULL_PAGE, FULL_PAGE_FIELDS } from "../helpers/captures.ts";

const fixture = (name: string) => fs.readFileSync(path.join(CAPTURES, name), "utf8");

function parsed(text: string): { page: CapturedPage; warnings: string[] } {
  const result = parseCapture(text);
  if (!result.ok) throw new Error(`expected the page to parse, got: ${result.reason}`);
  return result;
}

const render = createRenderer([]);

/** The blocks of a rendered body as [tag, text], with <br> read back as a newline. */
function renderedBlocks(markdown: string): [string, string][] {
  const { document } = parseHTML(`<!doctype html><html><body>${render(markdown).html}</body></html>`);
  const text = (node: Node): string =>
    node.nodeType === 3 ? (node.textContent ?? "") : (node as Element).tagName === "BR" ? "\n" : [...node.childNodes].map(text).join("");
  // markdown-it writes a hard break as "<br>\n": one line break either way.
  return [...document.body.children].map((element) => [element.tagName.toLowerCase(), text(element).replace(/\n+/g, "\n").replace(/\n$/, "")]);
}

describe("a capture with every part of a legacy page", () => {
  // An invented page in the legacy portal's layout, chrome included (see docs/capture-format.md).
  const text = fixture(path.basename(FULL_PAGE));
  const { page, warnings } = parsed(text);
  const { headings, ...fields } = FULL_PAGE_FIELDS;

  it("reads every field", () => {
    expect(page).toMatchObject({ ...fields, capturedCategory: "KINH TẾ - XÃ HỘI" });
    expect(warnings).toEqual([]);
  });

  it("has exactly the three section headings, and not the line ending in a colon", () => {
    expect(page.headings).toEqual(headings);
    expect(page.body.split("\n").filter((line) => line.startsWith("#"))).toEqual(headings.map((heading) => `## ${heading}`));
    expect(page.body).toContain("\n\nBan chủ nhiệm hợp tác xã đặt ra ba việc cần làm trong năm tới:\n\n");
  });

  it("keeps the page chrome, the title, the source and the signature out of the body", () => {
    const chrome = ["SỐ LƯỢT TRUY CẬP", "TIN MỚI HƠN", "TIN ĐÃ ĐƯA", "Xem tiếp", "Xem theo ngày", "THƯ VIỆN VIDEO", "Go Search", "Số lượt người xem", "•"];
    const chromeItems = ["Phường 16 ra mắt tổ tự quản", "Tập huấn kỹ thuật trồng nấm rơm", "Đêm nhạc thiếu nhi chào hè"];
    for (const text of [...chrome, ...chromeItems]) expect(page.body).not.toContain(text);
    expect(page.body.split("\n").filter((line) => /^\d+$/.test(line))).toEqual([]);
    expect(page.body).not.toContain("Đoàn Thị Mỹ Linh");
    expect(page.body).not.toContain("Theo Bản tin");
    expect(page.body).not.toContain(page.title);
    expect(page.body.endsWith("\n")).toBe(true);
  });

  it("keeps every paragraph of the article, in order", () => {
    const lines = normaliseCaptureText(text).split("\n");
    const from = lines.indexOf("Theo Bản tin Hội Nông dân quận") + 1;
    const to = lines.findIndex((line) => line.startsWith("Đoàn Thị Mỹ Linh"));
    const expected = lines.slice(from, to).filter((line) => line !== "");
    expect(expected).toHaveLength(15);
    expect(renderedBlocks(page.body).map(([, text]) => text)).toEqual(expected);
  });
});

describe("the date line", () => {
  const line = (month: string, time = "9:05:00 SA") => readDateLine(`TIN TỨC - SỰ KIỆN 20 Tháng ${month} 2011 ${time}`);

  const spellings = Object.entries(MONTH_SPELLINGS).flatMap(([month, names]) => names.map((name) => [name, Number(month)] as const));
  it.each(spellings)("reads the month %s as %i, in any case and without tone marks", (name, month) => {
    for (const written of [name, name.toUpperCase(), name.toLowerCase(), fold(name), ` ${name.toUpperCase()} `.trim()]) {
      expect(line(written), written).toMatchObject({ ok: true, month, date: `2011-${String(month).padStart(2, "0")}-20 09:05:00` });
    }
  });

  it.each(Array.from({ length: 12 }, (_, index) => index + 1))("reads the month %i written as a number", (month) => {
    for (const written of [String(month), String(month).padStart(2, "0")]) expect(line(written)).toMatchObject({ ok: true, month });
  });

  it("reads Mười Một and Mười Hai whole, not as Mười", () => {
    expect(line("Mười")).toMatchObject({ month: 10 });
    expect(line("Mười Một")).toMatchObject({ month: 11 });
    expect(line("MƯỜI HAI")).toMatchObject({ month: 12 });
  });

  it.each([
    ["12:30:00 SA", "00:30:00"],
    ["12:30:00 CH", "12:30:00"],
    ["1:00:00 CH", "13:00:00"],
    ["11:59:59 CH", "23:59:59"],
    ["12:00:00 SA", "00:00:00"],
    ["11:59:59 SA", "11:59:59"],
    ["9:05:00 SA", "09:05:00"],
    ["09:05:00 sa", "09:05:00"],
    ["9:05 CH", "21:05:00"],
    ["0:15:00 SA", "00:15:00"],
    ["7:45:10 PM", "19:45:10"],
  ])("reads %s as %s", (time, expected) => {
    expect(line("Chín", time)).toMatchObject({ ok: true, date: `2011-09-20 ${expected}` });
  });

  it("finds the date at the end of the line, whatever words and digits the category holds", () => {
    expect(readDateLine("KHU PHỐ 5 - TIN 20 THÁNG 2 20 Tháng Mười 2011 9:05:00 SA")).toMatchObject({ ok: true, category: "KHU PHỐ 5 - TIN 20 THÁNG 2", date: "2011-10-20 09:05:00" });
    expect(readDateLine("CÁC CHUYÊN ĐỀ 20 Tháng Chín 2011 9:05:00 SA")).toMatchObject({ ok: true, category: "CÁC CHUYÊN ĐỀ" });
    expect(readDateLine("CÁC CHUYÊN ĐỀ 20 Tháng Chín 2011 9:05:00 SA và thêm chữ")).toBeUndefined();
    expect(readDateLine("Trong tháng 9 năm 2011, quận đã tổ chức nhiều hoạt động.")).toBeUndefined();
  });

  it.each([
    ["TIN TỨC 31 Tháng Hai 2011 9:00:00 SA", /impossible date.*month 2 of 2011 has 28 days/],
    ["TIN TỨC 29 Tháng Hai 2011 9:00:00 SA", /impossible date/],
    ["TIN TỨC 31 Tháng Tư 2011 9:00:00 SA", /month 4 of 2011 has 30 days/],
    ["TIN TỨC 1 Tháng 13 2011 9:00:00 SA", /month 13 does not exist/],
    ["TIN TỨC 1 Tháng Mườii 2011 9:00:00 SA", /unknown month "Mườii"/],
    ["TIN TỨC 1 Tháng Chín 2011 13:00:00 CH", /not on a 12-hour clock/],
    ["TIN TỨC 1 Tháng Chín 2011 0:30:00 CH", /not on a 12-hour clock/],
    ["TIN TỨC 1 Tháng Chín 2011 9:60:00 SA", /does not exist/],
    ["20 Tháng Chín 2011 9:05:00 SA", /no category/],
  ])("refuses %s with a reason", (text, reason) => {
    const result = readDateLine(text);
    expect(result?.ok).toBe(false);
    expect(result?.ok === false && result.reason).toMatch(reason);
  });

  it("accepts 29 February in a leap year", () => {
    expect(readDateLine("TIN TỨC 29 Tháng Hai 2012 9:00:00 SA")).toMatchObject({ ok: true, date: "2012-02-29 09:00:00" });
  });

  it("makes an impossible date a failure of the whole page, with the line number", () => {
    expect(parseCapture(fixture("ngay-khong-ton-tai.txt"))).toEqual({ ok: false, reason: expect.stringMatching(/^line 1: impossible date "31 Tháng Hai 2011/) });
  });
});

describe("categories", () => {
  it.each([
    ["TIN TỨC - SỰ KIỆN", "Tin tức - Sự kiện"],
    ["CÁC CHUYÊN ĐỀ", "Các chuyên đề"],
    ["VĂN HÓA - THỂ THAO - DU LỊCH", "Văn hóa - Thể thao - Du lịch"],
    ["ĐẢNG BỘ", "Đảng bộ"],
    ["Thông tin UBND", "Thông tin UBND"],
  ])("writes %s as %s", (captured, expected) => {
    expect(sentenceCase(captured)).toBe(expected);
  });

  const none = () => undefined;

  it("takes a display name from the site settings, by captured name, by sentence-case name or by slug", () => {
    expect(categoryFor("CÁC CHUYÊN ĐỀ", { "CÁC CHUYÊN ĐỀ": "Chuyên đề" }, none)).toBe("Chuyên đề");
    expect(categoryFor("CÁC CHUYÊN ĐỀ", { "cac-chuyen-de": "Chuyên đề nổi bật" }, none)).toBe("Chuyên đề nổi bật");
    expect(categoryFor("CÁC CHUYÊN ĐỀ", { "Các chuyên đề": "Chuyên đề" }, none)).toBe("Chuyên đề");
    expect(categoryFor("CÁC CHUYÊN ĐỀ", { "tin-tuc": "Tin tức" }, none)).toBe("Các chuyên đề");
    expect(categoryFor("CONSTRUCTOR", {}, none)).toBe("Constructor");
  });

  it("otherwise keeps the spelling the archive already uses for that category page", () => {
    const archive = (slug: string) => (slug === "cac-chuyen-de" ? "Các Chuyên Đề" : undefined);
    expect(categoryFor("CÁC CHUYÊN ĐỀ", {}, archive)).toBe("Các Chuyên Đề");
    expect(categoryFor("CÁC CHUYÊN ĐỀ", { "CÁC CHUYÊN ĐỀ": "Các chuyên đề" }, archive)).toBe("Các Chuyên Đề");
    expect(categoryFor("CÁC CHUYÊN ĐỀ", { "CÁC CHUYÊN ĐỀ": "Chuyên đề" }, archive)).toBe("Chuyên đề");
    expect(categoryFor("TIN TỨC", {}, archive)).toBe("Tin tức");
  });
});

describe("input clean-up", () => {
  const clean = parsed(fixture("san-choi-phuong-5.txt")).page;

  it.each([
    ["CRLF line ends", (text: string) => text.replace(/\n/g, "\r\n")],
    ["old Mac CR line ends", (text: string) => text.replace(/\n/g, "\r")],
    ["Unicode NFD", (text: string) => text.normalize("NFD")],
    ["a byte-order mark", (text: string) => `\uFEFF${text}`],
    ["non-breaking spaces", (text: string) => text.replace(/ /g, "\u00A0")],
    ["trailing spaces and tabs", (text: string) => text.replace(/\n/g, " \t \n")],
    ["everything at once", (text: string) => `\uFEFF${text.normalize("NFD").replace(/ /g, "\u00A0").replace(/\n/g, "  \r\n")}`],
  ])("reads a page with %s as the clean one, in NFC", (_, transform) => {
    const { page } = parsed(transform(fixture("san-choi-phuong-5.txt")));
    expect(page).toEqual(clean);
    expect(JSON.stringify(page)).toBe(JSON.stringify(page).normalize("NFC"));
  });
});

describe("page layout", () => {
  it("reads a signature with a position", () => {
    const { page } = parsed(fixture("san-choi-phuong-5.txt"));
    expect(page).toMatchObject({ author: "Lê Thị Thu Hà", authorTitle: "Cán bộ Văn hóa - Xã hội phường 5", views: 1234, source: "Ban Văn hóa phường 5" });
    expect(page.headings).toEqual(["Góp sức từ nhiều phía", "Kế hoạch thời gian tới"]);
    expect(page.body).not.toContain("Lê Thị Thu Hà");
  });

  it("reads a signature without a position, and no source", () => {
    const { page } = parsed(fixture("thong-bao-lich-tiep-dan.txt"));
    expect(page).toMatchObject({ author: "Nguyễn Minh Quân", date: "2010-12-12 00:05:00", category: "Thông báo" });
    expect(page).not.toHaveProperty("authorTitle");
    expect(page).not.toHaveProperty("source");
  });

  it("leaves author and source out when the page has none", () => {
    const { page, warnings } = parsed(fixture("giai-bong-da-thieu-nien.txt"));
    expect(Object.keys(page).sort()).toEqual(["body", "capturedCategory", "category", "date", "headings", "title", "views"]);
    expect(page.views).toBe(0);
    expect(page.body.split("\n\n")).toHaveLength(2);
    expect(warnings).toEqual([]);
  });

  it.each([
    ["Trần Văn Khuyên, Phó Bí thư", { author: "Trần Văn Khuyên", authorTitle: "Phó Bí thư" }],
    ["Trần Văn Khuyên, Phó Bí thư, Trưởng ban", { author: "Trần Văn Khuyên", authorTitle: "Phó Bí thư, Trưởng ban" }],
    ["Minh Anh và Thu Hà", { author: "Minh Anh và Thu Hà" }],
    ["Hoàng Lan - Minh Tuấn", { author: "Hoàng Lan - Minh Tuấn" }],
    ["ThS. Lê Văn Tám (Phòng Y tế)", { author: "ThS. Lê Văn Tám (Phòng Y tế)" }],
    ["Nguyễn Văn A, phóng viên", { author: "Nguyễn Văn A", authorTitle: "phóng viên" }],
    // An office signs in ordinary case, without a comma.
    ["Ban Tuyên giáo Quận ủy", { author: "Ban Tuyên giáo Quận ủy" }],
    ["Phòng Văn hóa và Thông tin quận", { author: "Phòng Văn hóa và Thông tin quận" }],
    ["Trung tâm Văn hóa - Thể dục thể thao quận Gò Vấp", { author: "Trung tâm Văn hóa - Thể dục thể thao quận Gò Vấp" }],
    ["BAN CHỈ HUY QUÂN SỰ PHƯỜNG 3", { author: "BAN CHỈ HUY QUÂN SỰ PHƯỜNG 3" }],
    ["Xin cảm ơn", undefined],
    ["Xin chân thành cảm ơn", undefined],
    ["Trân trọng", undefined],
    ["Trân trọng.", undefined],
    ["Ban Tuyên giáo Quận ủy.", undefined],
    ["- Nguyễn Văn A", undefined],
    ["Nguyễn Văn A, phóng viên.", undefined],
    ["kết thúc bằng chữ thường", undefined],
    ["Ban Biên Tập Cổng Thông Tin Điện Tử Quận Gò Vấp Thành Phố", undefined],
    ["Hội nghị thống nhất thông qua chương trình công tác của phường trong năm tới", undefined],
    ["Trong năm 2012, phường tiếp tục vận động nhân dân", undefined],
    ["Theo Website Thành ủy", undefined],
    ["Nguồn: Bản tin Hội Nông dân quận", undefined],
    ["Gò Vấp, ngày 20 tháng 9 năm 2011", undefined],
    ["Ngày 20/9/2011", undefined],
    ["TIN TỨC 1 Tháng Một 2012 8:00:00 SA", undefined],
    ["Chi tiết tại http://portal.example.gov.vn/lich", undefined],
    ["Ảnh: Minh Tuấn", undefined],
    ["Ảnh minh họa", undefined],
    ["II. Kế hoạch thời gian tới", undefined],
  ])("reads the signature %s", (line, expected) => {
    expect(readSignature(line)).toEqual(expected);
  });

  const page = (body: string) => parsed(`TIN TỨC 1 Tháng Một 2012 8:00:00 SA\n\nTiêu đề\n\n${body}\n\nSố lượt người xem: 1\n`);

  it("takes a short line without closing punctuation between paragraphs as a heading, and nothing else", () => {
    const { page: result } = page(
      [
        "Mở đầu không phải tiêu đề",
        "Đoạn một.",
        "Tiêu đề thật",
        "Đoạn hai.",
        "Câu hỏi?",
        "Trích dẫn “có ngoặc”",
        "kết thúc bằng chữ thường",
        "- gạch đầu dòng",
        `Dòng ${"dài ".repeat(40)}không có dấu chấm`,
        "Đoạn ba.",
        "Dòng một\nDòng hai",
        "Đoạn bốn.",
        "Tiêu đề trước lời kết",
        "Lời kết.",
      ].join("\n\n"),
    );
    expect(result.headings).toEqual(["Tiêu đề thật", "Tiêu đề trước lời kết"]);
    expect(result.body).toContain("\n\n## Tiêu đề thật\n\n");
    expect(result.body.startsWith("Mở đầu không phải tiêu đề\n\n")).toBe(true);
  });

  it("does not take the only block, or a heading-like last line, as a heading", () => {
    expect(page("Chỉ một dòng").page).toMatchObject({ headings: [], body: "Chỉ một dòng\n" });
    expect(page("Đoạn.\n\nkết thúc không dấu").page).toMatchObject({ headings: [] });
  });

  it("takes an office without a comma as the signature, and keeps a person's name and position apart", () => {
    expect(page("Đoạn một.\n\nĐoạn hai.\n\nBan Tuyên giáo Quận ủy").page).toEqual(expect.objectContaining({ author: "Ban Tuyên giáo Quận ủy", body: "Đoạn một.\n\nĐoạn hai.\n" }));
    expect(page("Đoạn một.\n\nBan Tuyên giáo Quận ủy").page).not.toHaveProperty("authorTitle");
    expect(page("Đoạn một.\n\nNguyễn Văn A, phóng viên").page).toMatchObject({ author: "Nguyễn Văn A", authorTitle: "phóng viên", body: "Đoạn một.\n" });
  });

  it("leaves a last line in the body when it ends a sentence or is too long to be a signature", () => {
    for (const last of ["Ban Tuyên giáo Quận ủy.", "Mời bà con đến dự đông đủ!", `Hội nghị thống nhất thông qua chương trình công tác của phường trong năm tới`]) {
      const { page: result } = page(`Đoạn một.\n\n${last}`);
      expect(result, last).not.toHaveProperty("author");
      expect(result.body, last).toBe(`Đoạn một.\n\n${escapeMarkdownLine(last)}\n`);
    }
  });

  it("takes a signature written right under the last paragraph", () => {
    expect(page("Đoạn một.\nNguyễn Văn Bình, Phóng viên").page).toMatchObject({ author: "Nguyễn Văn Bình", authorTitle: "Phóng viên", body: "Đoạn một.\n" });
  });

  it("reads a source only from a short line right after the title", () => {
    expect(page("Theo Báo Người Lao Động (NLĐ)\n\nĐoạn.").page).toMatchObject({ source: "Báo Người Lao Động (NLĐ)" });
    expect(page("Theo báo cáo của phường, số hộ nghèo đã giảm một nửa.\n\nĐoạn.").page).not.toHaveProperty("source");
    expect(page("Đoạn.\n\nTheo Website Thành ủy").page).not.toHaveProperty("source");
  });

  it("reads view counts written with separators, or on the next line", () => {
    const views = (line: string) => parsed(`TIN TỨC 1 Tháng Một 2012 8:00:00 SA\nTiêu đề\nĐoạn.\n${line}\n`);
    expect(views("Số lượt người xem: 9.638").page.views).toBe(9638);
    expect(views("Số lượt người xem: 1,234,567").page.views).toBe(1234567);
    expect(views("SỐ LƯỢT NGƯỜI XEM 12").page.views).toBe(12);
    expect(views("Số lượt người xem:\n\n44").page.views).toBe(44);
    const unreadable = views("Số lượt người xem: nhiều");
    expect(unreadable.page).not.toHaveProperty("views");
    expect(unreadable.warnings).toEqual([expect.stringMatching(/could not read the view count/)]);
  });

  it("without a view count, ends the article at the page chrome and says so", () => {
    const { page: result, warnings } = parsed("TIN TỨC 1 Tháng Một 2012 8:00:00 SA\nTiêu đề\n\nĐoạn.\n\nTIN MỚI HƠN\n\nTin khác\n\nGo Search\n");
    expect(result.body).toBe("Đoạn.\n");
    expect(result).not.toHaveProperty("views");
    expect(warnings).toEqual([expect.stringMatching(/no "Số lượt người xem" line/)]);
  });

  it("keeps the page's own address written before the date line as its legacy URL", () => {
    const address = "http://portal.example.gov.vn/tintuc/Lists/Posts/Post.aspx?ID=1024";
    const { page: result, warnings } = parsed(`SỐ LƯỢT TRUY CẬP\n\n4\n2\n${address}\n\nTIN TỨC 1 Tháng Một 2012 8:00:00 SA\nTiêu đề\n\nĐoạn.\n\nSố lượt người xem: 1\n`);
    expect(result.legacyUrl).toBe(address);
    expect(result.body).toBe("Đoạn.\n");
    expect(warnings).toEqual([]);
  });

  it("takes no legacy URL from the body, nor from a line before the date line that is not an address", () => {
    const inBody = parsed(`TIN TỨC 1 Tháng Một 2012 8:00:00 SA\nTiêu đề\n\nhttp://portal.example.gov.vn/lich\n\nĐoạn.\n\nSố lượt người xem: 1\n`);
    expect(inBody.page).not.toHaveProperty("legacyUrl");
    expect(inBody.page.body).toBe("<http://portal.example.gov.vn/lich>\n\nĐoạn.\n");
    const notAnAddress = parsed(`javascript:alert(1)\nTIN TỨC 1 Tháng Một 2012 8:00:00 SA\nTiêu đề\n\nĐoạn.\n\nSố lượt người xem: 1\n`);
    expect(notAnAddress.page).not.toHaveProperty("legacyUrl");
    expect(notAnAddress.warnings).toEqual([expect.stringMatching(/ignored 1 line\(s\) before the date line/)]);
  });

  it("says when it ignores text before the date line that is not the visit counter", () => {
    const { warnings } = parsed("Trang chủ\n\n123\nTIN TỨC 1 Tháng Một 2012 8:00:00 SA\nTiêu đề\n\nĐoạn.\n\nSố lượt người xem: 1\n");
    expect(warnings).toEqual([expect.stringMatching(/ignored 1 line\(s\) before the date line, starting "Trang chủ"/)]);
  });
});

describe("pages that cannot be read", () => {
  it.each([
    ["an empty file", "", /^empty file$/],
    ["only spaces", " \n\u00A0\r\n\t", /^empty file$/],
    ["no date line", fixture("khong-co-ngay.txt"), /^no date line/],
    ["no title", "TIN TỨC 1 Tháng Một 2012 8:00:00 SA\n\nSố lượt người xem: 3\n", /^no title/],
    ["nothing after the date", "TIN TỨC 1 Tháng Một 2012 8:00:00 SA\n", /^no title/],
    ["a title without letters", "TIN TỨC 1 Tháng Một 2012 8:00:00 SA\n\n…\n", /no letter or digit/],
    ["control characters", "TIN TỨC 1 Tháng Một 2012 8:00:00 SA\n\x00\x01PNG", /control characters/],
  ])("fails on %s with a reason", (_, text, reason) => {
    const result = parseCapture(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });
});

describe("Markdown escaping", () => {
  it("renders every tricky paragraph of a fixture exactly as written", () => {
    const text = normaliseCaptureText(fixture("ky-tu-dac-biet.txt"));
    const { page } = parsed(text);
    expect(page.headings).toEqual([]);
    // Its last line is an office's signature.
    expect(page.author).toBe("Phòng Tài chính - Kế hoạch");
    const lines = text.split("\n");
    const expected = lines.slice(lines.indexOf("1. Thu ngân sách đạt 30% kế hoạch năm."), lines.indexOf("Phòng Tài chính - Kế hoạch")).join("\n").trim().split("\n\n");
    expect(renderedBlocks(page.body)).toEqual(expected.map((block) => ["p", block]));
  });

  it.each([
    ["1. Một", "1\\. Một"],
    ["2) Hai", "2\\) Hai"],
    ["2011. Năm", "2011\\. Năm"],
    ["- gạch", "\\- gạch"],
    ["-5 độ", "-5 độ"],
    ["+84 điện thoại", "+84 điện thoại"],
    ["# số", "\\# số"],
    ["#hashtag", "\\#hashtag"],
    ["> trích", "\\> trích"],
    ["<div>", "\\<div>"],
    ["a < b", "a < b"],
    ["A&B và &amp;", "A&B và \\&amp;"],
    ["Giá 5*3", "Giá 5\\*3"],
    ["Xem http://gov.vn/a_b*", "Xem <http://gov.vn/a_b>\\*"],
    ["http://gov.vn/x[<b>]", "http\\://gov.vn/x\\[\\<b>]"],
  ])("escapes %s as %s", (line, expected) => {
    expect(escapeMarkdownLine(line)).toBe(expected);
  });

  it("renders any line as written (property)", () => {
    const tricky = fc.constantFrom(..."#>-+*=_`~|[]()<>!&;:.\\ 1234567890abcAĐđạ ".split(""), "&amp;", "<b>", "](http://x)", "---", "===", "1. ", "```", "~~", "http://example.org", "https://vi.wikipedia.org/wiki/Gò_Vấp", "www.example.org", "mailto:", "%20", "  ");
    fc.assert(
      fc.property(fc.array(tricky, { minLength: 1, maxLength: 30 }), (parts) => {
        const line = parts.join("").replace(/ {2,}/g, " ").trim();
        fc.pre(line !== "");
        const blocks = renderedBlocks(escapeMarkdownLine(line));
        expect(blocks).toEqual([["p", line]]);
      }),
      { numRuns: 500 },
    );
  });
});

/* ---------- Property: a well-formed page reads back as the fields it was made from ---------- */

const WORDS = (
  "học tập làm theo tấm gương đạo đức phường quận khu phố đảng bộ chi bộ thanh niên phụ nữ nhân dân " +
  "công an trường học bệnh viện chợ đường sá cây xanh ánh sáng mùa xuân hội nghị kế hoạch thực hiện " +
  "kết quả kinh nghiệm giải thưởng vận động sáng kiến cải cách thủ tục hành chính một cửa ngân sách " +
  "lễ hội văn hóa thể thao bóng đá bơi lội an toàn giao thông phòng cháy chữa cháy môi trường"
).split(" ");
const NAMES = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Văn Thị Minh Thu Hà Anh Tuấn Khuyên Quân Bình Ánh Đức".split(" ");
const capitalise = (text: string) => text.replace(/^\p{L}/u, (letter) => letter.toUpperCase());
const words = (min: number, max: number) => fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }).map((list) => list.join(" "));

const sentence = fc
  .tuple(fc.constantFrom("", "1. ", "- ", "# ", "> ", "* ", "<i>", "[1] "), words(3, 14), fc.constantFrom(".", "!", "?", "…", ";"))
  .map(([start, text, end]) => `${start}${capitalise(text)}${end}`);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).chain((sentences) =>
  fc.boolean().map((multiline) => sentences.join(multiline && sentences.length > 1 ? "\n" : " ")),
);
const heading = fc.tuple(fc.constantFrom("", "1. ", "II. "), words(2, 8), fc.boolean()).map(([start, text, comma]) => {
  const body = capitalise(text);
  const cut = body.indexOf(" ", 4);
  return `${start}${comma && cut > 0 ? `${body.slice(0, cut)}, ${body.slice(cut + 1)}` : body}`;
});
const section = fc.tuple(fc.option(heading, { nil: undefined }), paragraph);
const name = fc.array(fc.constantFrom(...NAMES), { minLength: 2, maxLength: 4 }).map((list) => list.join(" "));
const position = fc.tuple(words(1, 5), fc.option(words(1, 3), { nil: undefined })).map(([first, second]) => capitalise(first) + (second ? `, ${second}` : ""));
const categoryPart = words(1, 3);

const dateTime = fc
  .record({
    year: fc.integer({ min: 1995, max: 2030 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    // Midnight and noon hours are the ones a 12-hour clock gets wrong: weigh them up.
    hour: fc.oneof(fc.constantFrom(0, 12, 11, 23), fc.integer({ min: 0, max: 23 })),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
  })
  .map((date) => ({ ...date, day: Math.min(date.day, new Date(Date.UTC(date.year, date.month, 0)).getUTCDate()) }));

const generatedPage = fc.record({
  title: words(3, 14).map(capitalise),
  date: dateTime,
  monthStyle: fc.nat(),
  caseStyle: fc.constantFrom("as is", "upper", "lower", "folded"),
  category: fc.tuple(categoryPart, fc.option(categoryPart, { nil: undefined })),
  source: fc.option(words(1, 5).map(capitalise), { nil: undefined }),
  signature: fc.option(fc.tuple(name, fc.option(position, { nil: undefined })), { nil: undefined }),
  views: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: undefined }),
  first: paragraph,
  sections: fc.array(section, { maxLength: 6 }),
  counter: fc.boolean(),
  encodingStyle: fc.constantFrom("plain", "crlf", "nfd", "nbsp", "bom", "trailing"),
});

function writeCapture(generated: GeneratedPage): string {
  const { date } = generated;
  const spellings = [...(MONTH_SPELLINGS[date.month] ?? []), String(date.month), String(date.month).padStart(2, "0")];
  const spelled = spellings[generated.monthStyle % spellings.length]!;
  const month = { "as is": spelled, upper: spelled.toUpperCase(), lower: spelled.toLowerCase(), folded: fold(spelled) }[generated.caseStyle];
  const hour12 = date.hour % 12 === 0 ? 12 : date.hour % 12;
  const time = `${hour12}:${String(date.minute).padStart(2, "0")}:${String(date.second).padStart(2, "0")} ${date.hour < 12 ? "SA" : "CH"}`;
  const category = generated.category.filter((part) => part !== undefined).join(" - ").toUpperCase();
  const [author, title] = generated.signature ?? [];
  const lines = [
    ...(generated.counter ? ["SỐ LƯỢT TRUY CẬP", "", "4", "0", "9", ""] : []),
    `${category} ${date.day} Tháng ${month} ${date.year} ${time}`,
    "",
    generated.title,
    "",
    ...(generated.source ? [`Theo ${generated.source}`, ""] : []),
    generated.first,
    "",
    ...generated.sections.flatMap(([head, text]) => [...(head ? [head, ""] : []), text, ""]),
    ...(author ? [title ? `${author}, ${title}` : author, "", ""] : []),
    ...(generated.views !== undefined ? [`Số lượt người xem: ${generated.views}`, ""] : []),
    "TIN MỚI HƠN",
    "",
    "Xem tiếp",
    " • Một đoạn phim cũ",
    "Go Search",
  ];
  const text = lines.join("\n");
  switch (generated.encodingStyle) {
    case "crlf":
      return text.replace(/\n/g, "\r\n");
    case "nfd":
      return text.normalize("NFD");
    case "nbsp":
      return text.replace(/ /g, "\u00A0");
    case "bom":
      return `\uFEFF${text}`;
    case "trailing":
      return text.replace(/\n/g, "  \n");
    default:
      return text;
  }
}
type GeneratedPage = typeof generatedPage extends fc.Arbitrary<infer T> ? T : never;

/** The front matter a generated page must import to, in the order the importer writes it. */
function expectedFields(generated: GeneratedPage): Record<string, string | number> {
  const { date } = generated;
  const pad = (value: number) => String(value).padStart(2, "0");
  const [author, authorTitle] = generated.signature ?? [];
  const fields: Record<string, string | number | undefined> = {
    title: generated.title,
    date: `${date.year}-${pad(date.month)}-${pad(date.day)} ${pad(date.hour)}:${pad(date.minute)}:${pad(date.second)}`,
    category: generated.category
      .filter((part): part is string => part !== undefined)
      .map(capitalise)
      .join(" - "),
    source: generated.source,
    author,
    author_title: authorTitle,
    views: generated.views,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Record<string, string | number>;
}

const expectedBlocks = (generated: GeneratedPage) => [["p", generated.first], ...generated.sections.flatMap(([head, text]) => [...(head ? [["h2", head]] : []), ["p", text]])];

function splitArticle(text: string): { data: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n(?:\n([\s\S]*))?$/.exec(text);
  if (!match) throw new Error(`not an article file:\n${text}`);
  return { data: load(match[1]!, { schema: CORE_SCHEMA }) as Record<string, unknown>, body: match[2] ?? "" };
}

describe("well-formed pages (property)", () => {
  const temporary: string[] = [];
  afterAll(() => {
    for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("read back as the fields they were made from, as valid front matter", () => {
    fc.assert(
      fc.property(generatedPage, (generated) => {
        const result = parseCapture(writeCapture(generated));
        if (!result.ok) throw new Error(result.reason);
        const { page } = result;
        expect(page.headings).toEqual(generated.sections.flatMap(([head]) => (head ? [head] : [])));
        expect(renderedBlocks(page.body)).toEqual(expectedBlocks(generated));
        expect(result.warnings).toEqual(generated.views === undefined ? [expect.stringMatching(/no "Số lượt người xem" line/)] : []);

        const { data, body } = splitArticle(renderArticle(page, page.category));
        expect(data).toEqual(expectedFields(generated));
        expect(Object.keys(data)).toEqual(Object.keys(expectedFields(generated)));
        expect(articleSchema.safeParse(data).success).toBe(true);
        expect(body).toBe(page.body);
      }),
      { numRuns: 300 },
    );
  });

  it("import to the same fields and path (property)", () => {
    fc.assert(
      fc.property(generatedPage, (generated) => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bantin-import-property-"));
        temporary.push(dir);
        const input = path.join(dir, "capture.txt");
        fs.writeFileSync(input, writeCapture(generated));
        const report = importCaptures([input], { out: path.join(dir, "content") });
        expect(report.summary).toEqual({ imported: 1, unchanged: 0, conflict: 0, failed: 0 });
        const fields = expectedFields(generated);
        const [year, month] = String(fields.date).split("-");
        expect(report.results[0]).toMatchObject({ status: "imported", output: path.join(dir, "content", year!, month!, `${slugify(generated.title)}.md`) });
        const { data, body } = splitArticle(fs.readFileSync(report.results[0]!.output!, "utf8"));
        expect(data).toEqual(fields);
        expect(renderedBlocks(body)).toEqual(expectedBlocks(generated));
      }),
      { numRuns: 40 },
    );
  });
});
