// Links of a body to the site (src/content/links.ts): which links are the site's, how they are
// compared with its addresses, and where a broken one is written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyLinks, brokenLinks, linkTarget, locateLinks, nearestAddress, normalisePath } from "../../src/content/links.ts";
import { createRenderer } from "../../src/content/markdown.ts";
import { setLanguage } from "../../src/core/messages.ts";

// The rules are what these tests are about; their messages are read in English.
beforeAll(() => setLanguage("en"));
afterAll(() => setLanguage("vi"));

const render = createRenderer([]);
const ARTICLE = "/2011/09/20/bai-viet/";

describe("normalisePath", () => {
  it.each([
    ["/2011/09/20/slug/", "/2011/09/20/slug/"],
    ["/2011/09/20/slug", "/2011/09/20/slug/"],
    ["/2011/09/20/slug/index.html", "/2011/09/20/slug/"],
    ["/index.html", "/"],
    ["/2011/09/20/slug/#binh-luan", "/2011/09/20/slug/"],
    ["/tim-kiem/?q=go+vap", "/tim-kiem/"],
    ["/tim-kiem?q=go+vap#ket-qua", "/tim-kiem/"],
    ["/media/anh.jpg", "/media/anh.jpg"],
    ["/feed.xml?v=2", "/feed.xml"],
  ])("%s is %s", (input, expected) => {
    expect(normalisePath(input)).toBe(expected);
  });
});

describe("linkTarget", () => {
  it.each([
    ["/2011/09/20/khac/", "https://example.org", "/2011/09/20/khac/"],
    ["/2011/09/20/khac", "https://example.org", "/2011/09/20/khac/"],
    ["https://example.org/2011/09/20/khac/index.html", "https://example.org", "/2011/09/20/khac/"],
    ["HTTPS://EXAMPLE.ORG/chuyen-muc/thong-bao/", "https://example.org", "/chuyen-muc/thong-bao/"],
    ["//example.org/luu-tru/", "https://example.org", "/luu-tru/"],
    ["../khac/", "https://example.org", "/2011/09/20/khac/"],
    ["../../", "https://example.org", "/2011/09/"],
    ["anh.jpg", "https://example.org", "/2011/09/20/bai-viet/anh.jpg"],
    ["/media/%E1%BA%A3nh%20%C4%91%E1%BA%B9p.jpg", "https://example.org", "/media/ảnh đẹp.jpg"],
    ["?trang=2", "https://example.org", "/2011/09/20/bai-viet/"],
    // Under a sub-path: root-relative links are the site's (the build adds the sub-path), absolute ones must carry it.
    ["/2011/09/20/khac/", "https://example.org/ban-tin", "/2011/09/20/khac/"],
    ["https://example.org/ban-tin/2011/09/20/khac/", "https://example.org/ban-tin", "/2011/09/20/khac/"],
    ["https://example.org/ban-tin", "https://example.org/ban-tin", "/"],
    ["../../../../", "https://example.org/ban-tin", "/"],
  ])("%s on a page of %s leads to %s", (href, siteUrl, expected) => {
    expect(linkTarget(href, ARTICLE, siteUrl)).toBe(expected);
  });

  it.each([
    ["#ghi-chu", "https://example.org", "the page itself"],
    ["", "https://example.org", "nothing"],
    ["https://other.example.org/2011/", "https://example.org", "another host"],
    ["http://example.org/2011/", "https://example.org", "another scheme"],
    ["//other.example.org/2011/", "https://example.org", "another host, protocol-relative"],
    ["/\\other.example.org/2011/", "https://example.org", "another host, as a browser reads /\\"],
    ["https://example.org/2011/", "https://example.org/ban-tin", "outside the sub-path"],
    ["https://example.org/ban-tinh/", "https://example.org/ban-tin", "a path that only starts like the sub-path"],
    ["../../../../../", "https://example.org/ban-tin", "above the sub-path"],
    ["mailto:ban-bien-tap@example.org", "https://example.org", "mail"],
    ["tel:+842838940000", "https://example.org", "a telephone number"],
  ])("%s on %s is not the site's (%s)", (href, siteUrl) => {
    expect(linkTarget(href, ARTICLE, siteUrl)).toBeUndefined();
  });
});

describe("bodyLinks", () => {
  it("reads every link and source a reader gets, from Markdown, raw HTML and bare addresses, entities decoded", () => {
    const { html } = render(
      [
        "[Tin khác](/2011/09/20/khac/?a=1&b=2) và ![Ảnh](/media/anh.jpg)",
        "",
        '<figure><img src="/media/hinh.png" alt="Hình"><figcaption><a href="/luu-tru/" title="x href=&quot;/khong/&quot;">Lưu trữ</a></figcaption></figure>',
        "",
        '<video src="/media/videos/clip.webm" poster="/media/poster.jpg"></video>',
        "",
        "Xem https://example.org/tim-kiem/ hoặc <a href=\"javascript:alert(1)\">đây</a>.",
      ].join("\n"),
    );
    expect(bodyLinks(html)).toEqual([
      { what: "the link", href: "/2011/09/20/khac/?a=1&b=2" },
      { what: "the image", href: "/media/anh.jpg" },
      { what: "the image", href: "/media/hinh.png" },
      { what: "the link", href: "/luu-tru/" },
      { what: "video", href: "/media/videos/clip.webm" },
      { what: "video", href: "/media/poster.jpg" },
      { what: "the link", href: "https://example.org/tim-kiem/" },
    ]);
  });
});

describe("brokenLinks", () => {
  const addresses = new Set(["/", "/2011/09/20/bai-viet/", "/2011/09/20/buoi-sang/", "/2011/09/21/nua-dem/", "/2011/09/20/", "/luu-tru/", "/tim-kiem/", "/feed.xml"]);
  const site = { url: "https://example.org/ban-tin", addresses, drafts: new Map([["/2012/01/01/ban-nhap/", "2012/01/ban-nhap.md"]]) };
  const broken = (markdown: string) => brokenLinks(render(markdown).html, ARTICLE, site, nearestAddress(addresses));

  it("passes links to the site's pages, to files under static/, and to other sites", () => {
    expect(
      broken(
        "[a](/2011/09/20/buoi-sang) [b](../../21/nua-dem/#y) [c](https://example.org/ban-tin/luu-tru/index.html) [d](/tim-kiem/?q=go+vap) [e](/feed.xml) " +
          "![f](/media/placeholder.svg) [g](https://example.org/2011/) [h](https://other.example.org/) [i](#tren)",
      ),
    ).toEqual([]);
  });

  it("names a link to no page, with the nearest address when one is close, and its place among the body's links", () => {
    expect(broken("[a](/luu-tru/) [b](/2011/09/20/buoi-sag/) [c](/2011/09/02/buoi-sang/) [d](/khong-co-trang-nay/)")).toEqual([
      { index: 1, kind: "link", message: 'the link "/2011/09/20/buoi-sag/" leads to no page of the site; did you mean /2011/09/20/buoi-sang/?' },
      { index: 2, kind: "link", message: 'the link "/2011/09/02/buoi-sang/" leads to no page of the site; did you mean /2011/09/20/buoi-sang/?' },
      { index: 3, kind: "link", message: 'the link "/khong-co-trang-nay/" leads to no page of the site' },
    ]);
  });

  it("names a missing file as a missing media value is named, and a link to a draft", () => {
    expect(broken("![Ảnh](/media/placeholdr.svg) [tệp](/media/bao-cao.pdf) [nháp](/2012/01/01/ban-nhap/)")).toEqual([
      { index: 0, kind: "file", message: 'the image "/media/placeholdr.svg" is not a file under static/ (put it at static/media/placeholdr.svg, or give a URL); did you mean /media/placeholder.svg?' },
      { index: 1, kind: "file", message: 'the link "/media/bao-cao.pdf" is not a file under static/ (put it at static/media/bao-cao.pdf, or give a URL)' },
      { index: 2, kind: "link", message: "the link \"/2012/01/01/ban-nhap/\" leads to a draft (2012/01/ban-nhap.md), which is not published; publish it, or remove the link" },
    ]);
  });
});

describe("locateLinks", () => {
  it("finds the n-th link to an address at the n-th place it is written, as written or %-decoded", () => {
    const body = ["Đoạn một [a](/x/) và [b](/y/).", "", "Đoạn hai [c](/x/).", "", "![ảnh](</media/ảnh.jpg>)", "", '<a href="/z/">z</a>'].join("\n");
    const links = bodyLinks(render(body).html);
    expect(links.map((link) => link.href)).toEqual(["/x/", "/y/", "/x/", "/media/%E1%BA%A3nh.jpg", "/z/"]);
    expect(locateLinks(links, body, 5)).toEqual([5, 5, 7, 9, 11]);
  });
});
