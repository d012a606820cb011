import { beforeAll, describe, expect, it } from "vitest";
import { legacyArticleHref } from "../../src/client/legacy-map.ts";
import { articleClashes } from "../../src/content/clashes.ts";
import { LEGACY_REDIRECT_URLS, legacyRedirects } from "../../src/content/legacy-redirects.ts";
import { legacyKey } from "../../src/core/legacy-address.ts";
import { formatProblem } from "../../src/core/errors.ts";
import { LEGACY_ARTICLES, legacyFixture } from "../helpers/legacy-site.ts";
import { contentProblems, writeArticle } from "../helpers/site.ts";
import { setLanguage } from "../../src/core/messages.ts";

// These tests are about what is found, not its wording: they read the messages in English.
beforeAll(() => setLanguage("en"));

const POST = "http://www.govap.hochiminhcity.gov.vn/tintuc/Lists/Posts/Post.aspx?ID=455";

/** An nginx map entry as the regular expression and value nginx reads from it. */
function nginxEntry(line: string): { pattern: RegExp; value: string } {
  const match = /^"~\*\^(.*)\$" "([^"]*)";$/.exec(line);
  if (!match) throw new Error(`not a case-insensitive map entry: ${line}`);
  // Inside double quotes nginx turns \\ into \ and \" into "; other backslashes stay for PCRE.
  return { pattern: new RegExp(`^${match[1]!.replace(/\\(["\\])/g, "$1")}$`, "i"), value: match[2]! };
}

describe("legacyKey", () => {
  it("drops the scheme, host and fragment, and lower-cases the path and parameter names", () => {
    expect(legacyKey(POST)).toBe("/tintuc/lists/posts/post.aspx?id=455");
    expect(legacyKey("https://govap.hochiminhcity.gov.vn/TinTuc/Lists/Posts/Post.aspx?id=455#binh-luan")).toBe("/tintuc/lists/posts/post.aspx?id=455");
    expect(legacyKey("/tintuc/Lists/Posts/Post.aspx?Id=455")).toBe("/tintuc/lists/posts/post.aspx?id=455");
  });

  it("sorts parameters by name and keeps their values as written", () => {
    expect(legacyKey("/tintuc/DispForm.aspx?List=Thong%20bao&ID=88")).toBe(legacyKey("/tintuc/DispForm.aspx?id=88&list=Thong+bao"));
    expect(legacyKey("/tintuc/DispForm.aspx?List=ABC&ID=88")).not.toBe(legacyKey("/tintuc/DispForm.aspx?List=abc&ID=88"));
    expect(legacyKey("/Pages/LichTiepDan.aspx")).toBe("/pages/lichtiepdan.aspx");
  });

  it("tells different pages apart", () => {
    expect(legacyKey("/tintuc/Lists/Posts/Post.aspx?ID=4550")).not.toBe(legacyKey(POST));
    expect(legacyKey("/tintuc/Lists/Posts/Post.aspx")).not.toBe(legacyKey(POST));
  });

  it("is undefined for what is neither an http(s) address nor a path", () => {
    expect(legacyKey("ftp://govap.hochiminhcity.gov.vn/tintuc/")).toBeUndefined();
    expect(legacyKey("tintuc/Post.aspx?ID=455")).toBeUndefined();
    expect(legacyKey("http://[::1")).toBeUndefined();
  });
});

describe("legacyRedirects", () => {
  const articles = LEGACY_ARTICLES.map(({ file, url, legacyUrl }) => ({ file, url, legacyUrl }));
  const withoutLegacy = { file: "2011/09/cu-nhat.md", url: "/2011/09/01/chuyen-de-cu-nhat/" };

  it("maps each article's old address to the article, and leaves out articles without one", () => {
    const { redirects, json, urls } = legacyRedirects([withoutLegacy, ...articles], "https://example.org");
    expect(urls).toBe(LEGACY_REDIRECT_URLS);
    expect(redirects.map((redirect) => redirect.file)).toEqual(LEGACY_ARTICLES.map((article) => article.file));
    expect(json).toEqual(Object.fromEntries(LEGACY_ARTICLES.map((article) => [article.key, article.url])));
    expect(redirects.map((redirect) => redirect.href)).toEqual(LEGACY_ARTICLES.map((article) => article.url));
  });

  it("sends hosts to the article under the site's sub-path; the JSON map stays site-relative", () => {
    const { redirects, json, netlify, nginx } = legacyRedirects(articles, "https://example.org/ban-tin");
    expect(redirects[0]!.href).toBe("/ban-tin/2011/09/21/ra-quan-kenh-hy-vong/");
    expect(json[LEGACY_ARTICLES[0].key]).toBe("/2011/09/21/ra-quan-kenh-hy-vong/");
    expect(netlify[0]).toBe("/tintuc/Lists/Posts/Post.aspx ID=455 /ban-tin/2011/09/21/ra-quan-kenh-hy-vong/ 301");
    expect(nginxEntry(nginx[0]!).value).toBe("/ban-tin/2011/09/21/ra-quan-kenh-hy-vong/");
  });

  it("writes Netlify rules with the query as conditions, the parameter names as written, in lower and in upper case", () => {
    const { netlify } = legacyRedirects([...articles, { file: "a.md", url: "/2010/01/01/a/", legacyUrl: "http://old.example/Pages/LichTiepDan.aspx" }], "https://example.org");
    expect(netlify).toEqual([
      "/tintuc/Lists/Posts/Post.aspx ID=455 /2011/09/21/ra-quan-kenh-hy-vong/ 301",
      "/tintuc/Lists/Posts/Post.aspx id=455 /2011/09/21/ra-quan-kenh-hy-vong/ 301",
      "/tintuc/Lists/Posts/Post.aspx ID=712 /2012/01/05/hoi-thi-tieng-hat/ 301",
      "/tintuc/Lists/Posts/Post.aspx id=712 /2012/01/05/hoi-thi-tieng-hat/ 301",
      "/tintuc/Lists/Posts/DispForm.aspx List=Thong%20bao ID=88 /2012/01/03/lich-tiep-cong-dan/ 301",
      "/tintuc/Lists/Posts/DispForm.aspx list=Thong%20bao id=88 /2012/01/03/lich-tiep-cong-dan/ 301",
      "/tintuc/Lists/Posts/DispForm.aspx LIST=Thong%20bao ID=88 /2012/01/03/lich-tiep-cong-dan/ 301",
      "/Pages/LichTiepDan.aspx /2010/01/01/a/ 301",
    ]);
  });

  it("writes nginx entries that match the address as requested in any case, and nothing longer or shorter", () => {
    const entries = legacyRedirects(articles, "https://example.org").nginx.map(nginxEntry);
    const lookup = (requestUri: string) => entries.find((entry) => entry.pattern.test(requestUri))?.value;
    expect(lookup("/tintuc/Lists/Posts/Post.aspx?ID=455")).toBe("/2011/09/21/ra-quan-kenh-hy-vong/");
    expect(lookup("/TINTUC/lists/posts/post.aspx?id=455")).toBe("/2011/09/21/ra-quan-kenh-hy-vong/");
    expect(lookup("/tintuc/Lists/Posts/DispForm.aspx?List=Thong%20bao&ID=88")).toBe("/2012/01/03/lich-tiep-cong-dan/");
    for (const other of ["/tintuc/Lists/Posts/Post.aspx?ID=4550", "/tintuc/Lists/Posts/Post.aspx?ID=45", "/tintuc/Lists/Posts/PostXaspx?ID=455", "/x/tintuc/Lists/Posts/Post.aspx?ID=455"]) {
      expect(lookup(other), other).toBeUndefined();
    }
  });

  it("quotes characters special to regular expressions and to nginx", () => {
    const [line] = legacyRedirects([{ file: "a.md", url: "/2010/01/01/a/", legacyUrl: 'http://old.example/a(b)+c$/d^e|f.aspx?q={x}"y' }], "https://example.org").nginx;
    expect(line).toBe('"~*^/a[(]b[)][+]c[$]/d\\^e[|]f[.]aspx[?]q=[{]x[}]%22y$" "/2010/01/01/a/";');
    const { pattern } = nginxEntry(line!);
    const requested = new URL('http://old.example/a(b)+c$/d^e|f.aspx?q={x}"y');
    expect(pattern.test(`${requested.pathname}${requested.search}`)).toBe(true);
    expect(pattern.test("/a(b)+c$/d^e|fXaspx?q={x}%22y")).toBe(false);
  });
});

describe("legacyArticleHref, the 404 page's lookup", () => {
  const { json } = legacyRedirects(LEGACY_ARTICLES.map(({ file, url, legacyUrl }) => ({ file, url, legacyUrl })), "https://example.org/ban-tin/");
  const root = new URL("https://example.org/ban-tin/");

  it("finds an old address however its path and parameter names are written, under the site root", () => {
    expect(legacyArticleHref(json, "/tintuc/Lists/Posts/Post.aspx?ID=455", root)).toBe("https://example.org/ban-tin/2011/09/21/ra-quan-kenh-hy-vong/");
    expect(legacyArticleHref(json, "/tintuc/lists/posts/post.aspx?id=455", root)).toBe("https://example.org/ban-tin/2011/09/21/ra-quan-kenh-hy-vong/");
    expect(legacyArticleHref(json, "/tintuc/Lists/Posts/DispForm.aspx?ID=88&List=Thong%20bao", root)).toBe("https://example.org/ban-tin/2012/01/03/lich-tiep-cong-dan/");
  });

  it("finds nothing for an unknown address, a broken map, or a target on another host", () => {
    expect(legacyArticleHref(json, "/tintuc/Lists/Posts/Post.aspx?ID=999", root)).toBeUndefined();
    expect(legacyArticleHref(json, "/ban-tin/khong-co/", root)).toBeUndefined();
    expect(legacyArticleHref(null, "/tintuc/Lists/Posts/Post.aspx?ID=455", root)).toBeUndefined();
    expect(legacyArticleHref({ "/a?id=1": "//evil.example/" }, "/a?id=1", root)).toBeUndefined();
    expect(legacyArticleHref({ "/a?id=1": "https://evil.example/" }, "/a?id=1", root)).toBeUndefined();
    expect(legacyArticleHref({}, "/__proto__", root)).toBeUndefined();
  });
});

describe("two articles with one old address", () => {
  const placed = (file: string, url: string, legacyUrl?: string) => ({ file, url, category: "Tin tức", categorySlug: "tin-tuc", legacyUrl });

  it("are a problem of the second, naming the first, also when the address is written differently", () => {
    const problems = articleClashes([
      placed("2011/09/a.md", "/2011/09/20/a/", POST),
      placed("2011/09/b.md", "/2011/09/20/b/", POST),
      placed("2011/09/c.md", "/2011/09/20/c/", "https://govap.hochiminhcity.gov.vn/tintuc/lists/posts/post.aspx?id=455"),
      placed("2011/09/d.md", "/2011/09/20/d/", "http://www.govap.hochiminhcity.gov.vn/tintuc/Lists/Posts/Post.aspx?ID=456"),
      placed("2011/09/e.md", "/2011/09/20/e/"),
      placed("2011/09/f.md", "/2011/09/20/f/"),
    ]);
    expect(problems.map(formatProblem)).toEqual([
      `2011/09/b.md: \`legacy_url\`: same old address ${POST} as 2011/09/a.md; keep it in the article it belongs to and remove it from the other`,
      `2011/09/c.md: \`legacy_url\`: same old address https://govap.hochiminhcity.gov.vn/tintuc/lists/posts/post.aspx?id=455 as 2011/09/a.md (written ${POST} there, the same address once the host and the case of letters are set aside); keep it in the article it belongs to and remove it from the other`,
    ]);
  });

  it("fail a content folder, whichever files they are in", () => {
    const contentDir = legacyFixture();
    writeArticle(contentDir, "2012/01/trung-dia-chi.md", `title: "Bài trùng địa chỉ cũ"\ndate: "2012-01-06 09:00"\ncategory: "Tin tức - Sự kiện"\nlegacy_url: "${LEGACY_ARTICLES[0].legacyUrl.replace("ID=", "id=")}"`);
    const problems = contentProblems(contentDir).filter((problem) => problem.field === "legacy_url");
    expect(problems).toHaveLength(1);
    expect([problems[0]!.file, LEGACY_ARTICLES[0].file].sort()).toEqual(["2011/09/ra-quan-kenh-hy-vong.md", "2012/01/trung-dia-chi.md"]);
    expect(problems[0]!.message).toMatch(/^same old address .* as (2011\/09\/ra-quan-kenh-hy-vong|2012\/01\/trung-dia-chi)\.md \(written/);
  });
});
