// The site's categories (src/content/categories.ts): named by the settings, or else by the articles;
// whether a category is one of them, and the nearest when it is not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { categoryCatalogue, isSiteCategory, mappedCategoryName, nearestCategory, notASiteCategory } from "../../src/content/categories.ts";
import { slugify } from "../../src/core/slug.ts";
import { setLanguage } from "../../src/core/messages.ts";

// The rules are what these tests are about; their messages are read in English.
beforeAll(() => setLanguage("en"));
afterAll(() => setLanguage("vi"));

const uses = (...names: string[]) => names.map((category) => ({ category, categorySlug: slugify(category) }));

describe("categoryCatalogue", () => {
  it("without categories in the settings, has each category of the articles under the spelling most write", () => {
    const catalogue = categoryCatalogue({}, uses("Thông báo", "Thông Báo", "Thông báo", "Các chuyên đề"));
    expect(catalogue).toEqual({
      fromSettings: false,
      bySlug: new Map([
        ["thong-bao", { name: "Thông báo", articles: 3 }],
        ["cac-chuyen-de", { name: "Các chuyên đề", articles: 1 }],
      ]),
    });
  });

  it("with categories in the settings, has those alone, each under the name that gives its page", () => {
    const names = { "tin-tuc": "Tin tức", "TIN TỨC - SỰ KIỆN": "Tin tức - Sự kiện", "tb": "Thông báo" };
    const catalogue = categoryCatalogue(names, uses("Tin tức", "Thông báo", "Tin tức"));
    expect(catalogue).toEqual({
      fromSettings: true,
      bySlug: new Map([
        ["tin-tuc", { name: "Tin tức", articles: 2 }],
        ["tin-tuc-su-kien", { name: "Tin tức - Sự kiện", articles: 0 }],
        // "Thông báo" would make another page than the key's: the key is what to write.
        ["tb", { name: "tb", articles: 0 }],
      ]),
    });
    expect(mappedCategoryName(names, ["tb"])).toBe("Thông báo");
  });
});

describe("isSiteCategory", () => {
  it("without settings, takes a category another article has: an article's own use does not count", () => {
    const catalogue = categoryCatalogue({}, uses("Thông báo", "Thông báo", "Thông bao mới"));
    expect(isSiteCategory(catalogue, "thong-bao", 1)).toBe(true);
    expect(isSiteCategory(catalogue, "thong-bao-moi", 1)).toBe(false);
    // A new article is not among them yet.
    expect(isSiteCategory(catalogue, "thong-bao-moi")).toBe(true);
    expect(isSiteCategory(catalogue, "tin-tuc")).toBe(false);
  });

  it("with settings, takes only the categories they name, however many articles have another", () => {
    const catalogue = categoryCatalogue({ "thong-bao": "Thông báo" }, uses("Tin tức", "Tin tức", "Tin tức"));
    expect(isSiteCategory(catalogue, "thong-bao", 1)).toBe(true);
    expect(isSiteCategory(catalogue, "tin-tuc", 1)).toBe(false);
  });
});

describe("nearestCategory and notASiteCategory", () => {
  const catalogue = categoryCatalogue({}, uses("Tin tức - Sự kiện", "Tin tức - Sự kiện", "Thông báo", "Thông báo", "Văn hóa - Thể thao", "Văn hóa - Thể thao"));

  it("name the site category fewest edits away, tone marks aside, however far", () => {
    expect(nearestCategory(catalogue, "Tin tuc su kien")).toBe("Tin tức - Sự kiện");
    expect(nearestCategory(catalogue, "Thong bao moi")).toBe("Thông báo");
    expect(nearestCategory(catalogue, "Văn hoá thể thao")).toBe("Văn hóa - Thể thao");
    expect(nearestCategory(catalogue, "Quốc phòng")).toBeDefined();
  });

  it("say which categories count, and the nearest, or that there are none", () => {
    expect(notASiteCategory(catalogue, "Thong bao moi")).toBe('"Thong bao moi" is none of the categories other articles have; the nearest is "Thông báo"');
    expect(notASiteCategory(categoryCatalogue({ "thong-bao": "Thông báo" }, []), "Tin")).toBe('"Tin" is none of the categories the site settings name; the nearest is "Thông báo"');
    // An article counted among the articles is not its own nearest category.
    expect(notASiteCategory(categoryCatalogue({}, uses("Tin một")), "Tin một", 1)).toBe('"Tin một" is none of the categories other articles have (there are none yet)');
    expect(notASiteCategory(categoryCatalogue({}, []), "Tin một")).toBe('"Tin một" is none of the categories other articles have (there are none yet)');
  });
});
