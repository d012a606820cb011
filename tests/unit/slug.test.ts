import { describe, expect, it } from "vitest";
import { MAX_SLUG_LENGTH, SLUG_PATTERN, slugify } from "../../src/core/slug.ts";

describe("slugify", () => {
  it("turns the seed title into the slug of its URL, cut at a word boundary", () => {
    expect(slugify("Học tập và làm theo tấm gương đạo đức Hồ Chí Minh: Những kinh nghiệm thực tiễn của Đảng bộ quận Gò Vấp")).toBe(
      "hoc-tap-va-lam-theo-tam-guong-dao-duc-ho-chi-minh-nhung-kinh-nghiem-thuc-tien",
    );
  });

  it("folds đ and Đ to d and drops tone marks", () => {
    expect(slugify("Đảng bộ đạo đức ĐOÀN")).toBe("dang-bo-dao-duc-doan");
    expect(slugify("Gò Vấp")).toBe("go-vap");
  });

  it("gives the same slug for NFD and NFC input", () => {
    const title = "Tiếng Việt có dấu";
    expect(slugify(title.normalize("NFD"))).toBe(slugify(title.normalize("NFC")));
  });

  it("turns runs of other characters into one hyphen and trims them", () => {
    expect(slugify("  «Tin» — số 1/2011!!  ")).toBe("tin-so-1-2011");
    expect(slugify("../../etc/passwd")).toBe("etc-passwd");
  });

  it("cuts at most 80 characters at a word boundary", () => {
    const slug = slugify("một hai ba bốn năm sáu bảy tám chín mười ".repeat(5));
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug.endsWith("-")).toBe(false);
    expect("mot hai ba bon nam sau bay tam chin muoi ".repeat(5).replace(/ /g, "-").startsWith(slug + "-")).toBe(true);
  });

  it("cuts a single over-long word hard rather than returning nothing", () => {
    expect(slugify("a".repeat(100))).toBe("a".repeat(80));
  });

  it("always matches the slug pattern", () => {
    for (const text of ["Chuyên đề", "Ơ ư ă â ê ô", "2011 — năm mới"]) expect(slugify(text)).toMatch(SLUG_PATTERN);
  });
});
