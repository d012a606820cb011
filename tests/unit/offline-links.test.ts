import { describe, expect, it } from "vitest";
import { offlineUrl, rewriteCss, rewriteHtml } from "../../src/offline/copy.ts";

const folders = new Set(["/", "/2011", "/2011/09", "/2011/09/20", "/tim-kiem", "/chuyen-muc", "/chuyen-muc/thong-bao"]);
const isFolder = (sitePath: string) => folders.has(sitePath);

describe("offlineUrl", () => {
  it.each([
    ["/", "/index.html", "index.html"],
    ["/", "/2011/09/20/index.html", "../../../index.html"],
    ["/2011/09/", "/2011/09/20/index.html", "../index.html"],
    ["/2011/09", "/index.html", "2011/09/index.html"],
    ["/css/site.css", "/2011/index.html", "../css/site.css"],
    ["/tim-kiem/?q=go%20vap#ket-qua", "/index.html", "tim-kiem/index.html?q=go%20vap#ket-qua"],
    ["/video/#clip", "/video/index.html", "index.html#clip"],
    ["../thong-bao/", "/chuyen-muc/cac-chuyen-de/index.html", "../thong-bao/index.html"],
    ["trang/2/", "/chuyen-muc/thong-bao/index.html", "trang/2/index.html"],
  ])("%s on %s → %s", (url, page, expected) => {
    expect(offlineUrl(url, page, isFolder)).toBe(expected);
  });

  it.each(["https://example.org/", "mailto:a@b.vn", "data:image/png;base64,AA", "javascript:void(0)", "//cdn.example/x.js", "#noi-dung", ""])(
    "leaves %j alone",
    (url) => {
      expect(offlineUrl(url, "/index.html", isFolder)).toBeUndefined();
    },
  );
});

describe("rewriteHtml", () => {
  const rewrite = (url: string) => offlineUrl(url, "/2011/09/index.html", isFolder);

  it("rewrites links of every kind of element and keeps the rest byte for byte", async () => {
    const html = [
      "<!DOCTYPE html>",
      '<html lang="vi"><head><link rel="stylesheet" href="/css/site.css"><script src="/js/a.js" defer></script></head>',
      '<body><a href="/2011/09/20/" class="x">Tin &amp; ảnh</a> <img src="/media/a.svg" srcset="/media/a.svg 1x, /media/b.svg 2x" alt="">',
      '<form action="/tim-kiem/" method="get"><input name="q"></form><video src="/media/v.webm" poster="/media/p.svg"></video>',
      '<a href="https://example.org/">ngoài</a><!-- "/2011/" in a comment --><p>Văn bản "/2011/" giữ nguyên.</p></body></html>',
    ].join("\n");
    const output = await rewriteHtml(html, rewrite);
    expect(output).toBe(
      [
        "<!DOCTYPE html>",
        '<html lang="vi"><head><link rel="stylesheet" href="../../css/site.css"><script src="../../js/a.js" defer></script></head>',
        '<body><a href="20/index.html" class="x">Tin &amp; ảnh</a> <img src="../../media/a.svg" srcset="../../media/a.svg 1x, ../../media/b.svg 2x" alt="">',
        '<form action="../../tim-kiem/index.html" method="get"><input name="q"></form><video src="../../media/v.webm" poster="../../media/p.svg"></video>',
        '<a href="https://example.org/">ngoài</a><!-- "/2011/" in a comment --><p>Văn bản "/2011/" giữ nguyên.</p></body></html>',
      ].join("\n"),
    );
  });

  it("rewrites url() in stylesheets", () => {
    expect(rewriteCss('a{background:url("/media/a.svg")} b{background:url(https://x.org/y.png)}', (url) => offlineUrl(url, "/css/site.css", isFolder))).toBe(
      'a{background:url("../media/a.svg")} b{background:url(https://x.org/y.png)}',
    );
  });
});
