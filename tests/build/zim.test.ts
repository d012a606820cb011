// The ZIM edition (issue 14): `npm run zim` on the sample archive, checked with Debian's zimcheck and
// read back through kiwix-serve, as a Kiwix reader or an office would read it.
import fs from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setLanguage } from "../../src/core/messages.ts";
import { zimPage } from "../../src/offline/zim-pages.ts";
import { bantinInEnglish as bantin } from "../helpers/cli.ts";
import { fullTextSearch, type ServedZim, serveZim, zimcheck, zimEntry, zimPaths } from "../helpers/kiwix.ts";
import { SAMPLE_SEED } from "../helpers/paths.ts";
import { copyFixture, PROJECT, tempDir, writeArticle } from "../helpers/site.ts";

beforeAll(() => setLanguage("en"));

/** The seed article's path inside the ZIM. */
const SEED = `${SAMPLE_SEED.url.slice(1)}index.html`;

let root: string;
let zimFile: string;
let served: ServedZim;
let stdout: string;

beforeAll(async () => {
  root = tempDir("zim");
  zimFile = path.join(root, "ban-tin.zim");
  const run = await bantin(["zim", "--content", path.join(PROJECT, "content"), "--site", path.join(root, "dist"), "--out", zimFile]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  stdout = run.stdout;
  served = await serveZim(zimFile);
});

afterAll(async () => {
  await served?.close();
});

describe("npm run zim on the sample archive", () => {
  it("writes a ZIM that zimcheck passes with no error", async () => {
    expect(stdout).toMatch(/^Wrote .*ban-tin\.zim \(\d+\.\d MiB, \d+ entries, 0 old addresses redirected\) in \d+\.\d s; open it in Kiwix/m);
    const { code, output } = await zimcheck(zimFile);
    expect(output).toContain("Overall Test Status: Pass");
    expect(output).not.toMatch(/\[ERROR\]/);
    expect(code).toBe(0);
    expect(fs.readdirSync(root).sort()).toEqual(["ban-tin.zim", "dist"]);
  });

  it("names the archive, its language, its 48×48 picture and its main page for Kiwix's library", async () => {
    const { document } = parseHTML(await (await fetch(new URL("catalog/v2/entries", served.url))).text());
    const entries = document.querySelectorAll("entry");
    expect(entries.length).toBe(1);
    const entry = entries[0]!;
    const text = (selector: string) => entry.querySelector(selector)?.textContent;
    expect(text("title")).toBe("Bản tin quận Gò Vấp");
    expect(text("language")).toBe("vie");
    expect(text("summary")).toMatch(/^Kho lưu trữ các bản tin, .*…$/);
    expect([...(text("summary") ?? "")].length).toBeLessThanOrEqual(80);
    expect(text("name")).toBe("bantin-example-org_vi_all");
    const thumbnail = entry.querySelector('link[rel="http://opds-spec.org/image/thumbnail"]')!;
    expect(thumbnail.getAttribute("type")).toBe("image/png;width=48;height=48;scale=1");
    const png = Buffer.from(await (await fetch(new URL(thumbnail.getAttribute("href")!, served.url))).arrayBuffer());
    // The PNG's own header: signature, then IHDR's width and height.
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([48, 48]);
    const main = await fetch(served.book);
    expect(new URL(main.url).pathname).toMatch(/\/index\.html$/);
    const { document: home } = parseHTML(await main.text());
    expect(home.querySelector("h1")?.textContent).toBe("Tin mới nhất");
  });

  it("carries every page with links that resolve inside the ZIM, and no file only a web host reads", async () => {
    const paths = await zimPaths(zimFile);
    for (const file of ["_headers", "_redirects", "robots.txt", "sitemap.xml", "legacy-redirects.nginx.conf", "quan-tri/index.html"]) expect(paths.has(file), file).toBe(false);
    // The search reads its index only from the wrapped scripts: the files they wrap would be carried twice.
    expect([...paths].filter((entry) => /^pagefind\/(?!offline\/).*\.pf_\w+$/.test(entry))).toEqual([]);
    expect([...paths].filter((entry) => /^pagefind\/offline\/.*\.pf_\w+\.js$/.test(entry)).length).toBeGreaterThan(10);
    for (const page of ["index.html", SEED, "tim-kiem/index.html"]) {
      const { document } = parseHTML(await zimEntry(zimFile, page));
      const links = [...document.querySelectorAll("a[href], link[href], script[src], img[src]")].map((element) => element.getAttribute("href") ?? element.getAttribute("src")!);
      const internal = links.filter((link) => !/^(?:[a-z]+:|#)/.test(link));
      expect(internal.length).toBeGreaterThan(20);
      expect(internal.filter((link) => link.startsWith("/"))).toEqual([]);
      const missing = internal.map((link) => new URL(link, `zim:/${page}`).pathname.slice(1)).filter((target) => !paths.has(decodeURIComponent(target)));
      expect(missing, page).toEqual([]);
    }
  });

  it("lets Kiwix's full-text search find an article typed without tone marks, đ as d", async () => {
    expect((await fullTextSearch(served, "hoc tap va lam theo tam guong dao duc ho chi minh"))[0]).toBe(SEED);
    expect(await fullTextSearch(served, "dang bo go vap")).toContain(SEED);
    // "đạo đức" only: the article's đ-words are its keywords, typed with d.
    expect(await fullTextSearch(served, "dao duc")).toContain(SEED);
  });

  it("indexes articles only: no list page, and no chrome text such as the sidebar's", async () => {
    const found = await fullTextSearch(served, "go vap");
    expect(found.length).toBeGreaterThan(5);
    expect(found.every((page) => /^\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+\/index\.html$/.test(page))).toBe(true);
    // In the sidebar of every page, not in any article.
    expect(await fullTextSearch(served, "lưu từ cổng cũ")).toEqual([]);
    expect(await fullTextSearch(served, "thu vien video")).toEqual([]);
  });

  it("writes again over a ZIM it wrote, and refuses a file it did not write, leaving it as it was", async () => {
    const again = await bantin(["zim", "--content", path.join(PROJECT, "content"), "--site", path.join(root, "dist"), "--out", zimFile]);
    expect(again.stderr).toBe("");
    expect(again.code).toBe(0);
    const foreign = path.join(root, "someone-else.zim");
    fs.writeFileSync(foreign, "not a ZIM");
    const refused = await bantin(["zim", "--content", path.join(PROJECT, "content"), "--site", path.join(root, "dist"), "--out", foreign]);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split("\n")).toEqual([`${foreign} is not a ZIM written by bantin (it has no .bantin-zim.json entry); bantin leaves it alone: choose another name, or remove it yourself`]);
    expect(fs.readFileSync(foreign, "utf8")).toBe("not a ZIM");
  });
});

describe("npm run zim without Debian's ZIM tools", () => {
  it("says in one line what to install, and leaves no file behind", async () => {
    const folder = tempDir("zim-no-tools");
    const out = path.join(folder, "ban-tin.zim");
    const path_ = process.env.PATH;
    process.env.PATH = folder;
    try {
      const run = await bantin(["zim", "--content", path.join(PROJECT, "content"), "--site", path.join(root, "dist"), "--out", out]);
      expect(run.stderr.trim().split("\n")).toEqual(["no zimwriterfs command: install Debian's ZIM tools (apt-get install zim-tools)"]);
      expect(run.code).toBe(1);
    } finally {
      process.env.PATH = path_;
    }
    expect(fs.readdirSync(folder)).toEqual([]);
  });
});

describe("old addresses in the ZIM", () => {
  it("become ZIM redirects to their article when they have no query string, which Kiwix readers cut off", async () => {
    const content = copyFixture("site");
    writeArticle(content, "2012/01/gioi-thieu.md", 'title: "Giới thiệu quận"\ndate: "2012-01-05 08:00"\ncategory: "Tin tức"\nlegacy_url: "http://www.govap.hochiminhcity.gov.vn/tintuc/Pages/Gioi-Thieu.aspx"');
    writeArticle(content, "2012/01/tin-cu.md", 'title: "Tin cũ"\ndate: "2012-01-06 08:00"\ncategory: "Tin tức"\nlegacy_url: "http://www.govap.hochiminhcity.gov.vn/tintuc/Lists/Posts/Post.aspx?ID=77"');
    const out = path.join(tempDir("zim-redirects"), "ban-tin.zim");
    const run = await bantin(["zim", "--content", content, "--site", path.join(path.dirname(out), "dist"), "--out", out]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain(", 1 old address redirected)");
    const local = await serveZim(out);
    try {
      const response = await fetch(new URL("tintuc/pages/gioi-thieu.aspx", local.book));
      expect(new URL(response.url).pathname).toBe(new URL("2012/01/05/gioi-thieu-quan/index.html", local.book).pathname);
      expect(parseHTML(await response.text()).document.querySelector("h1")?.textContent).toBe("Giới thiệu quận");
    } finally {
      await local.close();
    }
    expect([...(await zimPaths(out))].filter((entry) => entry.startsWith("tintuc/"))).toEqual(["tintuc/pages/gioi-thieu.aspx"]);
  });
});

describe("a page as the ZIM carries it", () => {
  const page = (main: string, title = "Bài – Bản tin") =>
    `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title></head><body><header>Đầu trang</header><main>${main}</main><aside>Lề</aside></body></html>`;

  it("leaves all but the searched part of an article to Xapian's htdig comments, and names its đ-words typed with d", async () => {
    const html = await zimPage(page('<article data-pagefind-body><p data-pagefind-ignore>Chuyên mục</p><div><div>Đảng bộ họp bàn</div></div><img data-pagefind-ignore src="a.png"></article><p>Tin khác</p>'), "Bản tin");
    expect(html).toBe(
      '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Bài</title><meta name="bantin-edition" content="zim"><meta name="keywords" content="dang"></head>' +
        "<body><!--htdig_noindex--><header>Đầu trang</header><main><article data-pagefind-body><!--/htdig_noindex-->" +
        '<!--htdig_noindex--><p data-pagefind-ignore>Chuyên mục</p><!--/htdig_noindex--><div><div>Đảng bộ họp bàn</div></div><!--htdig_noindex--><img data-pagefind-ignore src="a.png"><!--/htdig_noindex-->' +
        "<!--htdig_noindex--></article><p>Tin khác</p></main><aside>Lề</aside><!--/htdig_noindex--></body></html>",
    );
  });

  it("keeps a page that holds no article out of the full-text index", async () => {
    const html = await zimPage(page("<h1>Tin mới nhất</h1>", "Bản tin"), "Bản tin");
    expect(html).toContain('<title>Bản tin</title><meta name="bantin-edition" content="zim"><meta name="robots" content="noindex"></head>');
  });
});
