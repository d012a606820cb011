import { describe, expect, it } from "vitest";
import { dayHref, siteHref, siteRootOf } from "../../src/client/links.ts";
import { dayUrl } from "../../src/content/urls.ts";

// The template the date picker's form carries, rendered as the build renders it.
const DAY_URL = dayUrl("{yyyy}", "{mm}", "{dd}");
const HOSTED = new URL("https://example.org/ban-tin/");
const ON_DISK = new URL("file:///media/usb/B%E1%BA%A3n%20tin%20l%C6%B0u%20tr%E1%BB%AF/");

describe("siteRootOf", () => {
  it("is the folder above the script's own folder, js/", () => {
    expect(siteRootOf("https://example.org/js/search.js", "https://example.org/tim-kiem/").href).toBe("https://example.org/");
    expect(siteRootOf("https://example.org/ban-tin/js/search.js?v=2", "https://example.org/ban-tin/tim-kiem/").href).toBe(HOSTED.href);
    expect(siteRootOf(`${ON_DISK.href}js/date-picker.js`, `${ON_DISK.href}luu-tru/index.html`).href).toBe(ON_DISK.href);
  });

  it("is the host's root when the script's address is unknown", () => {
    expect(siteRootOf(undefined, "https://example.org/ban-tin/tim-kiem/?q=x").href).toBe("https://example.org/");
  });
});

describe("siteHref", () => {
  it("puts a site-relative path under the site root", () => {
    expect(siteHref("/2011/09/20/slug/", HOSTED, false)).toBe("https://example.org/ban-tin/2011/09/20/slug/");
    expect(siteHref("/", HOSTED, false)).toBe("https://example.org/ban-tin/");
  });

  it("names a folder's index.html from disk, and leaves files alone", () => {
    expect(siteHref("/2011/09/20/slug/", ON_DISK, true)).toBe(`${ON_DISK.href}2011/09/20/slug/index.html`);
    expect(siteHref("/", ON_DISK, true)).toBe(`${ON_DISK.href}index.html`);
    expect(siteHref("/404.html", ON_DISK, true)).toBe(`${ON_DISK.href}404.html`);
  });
});

describe("dayHref", () => {
  it("fills the day archive's URL template of the page with the chosen date", () => {
    expect(DAY_URL).toBe("/{yyyy}/{mm}/{dd}/");
    expect(dayHref(DAY_URL, "2011-09-20", HOSTED, false)).toBe("https://example.org/ban-tin/2011/09/20/");
    expect(dayHref(DAY_URL, "2011-09-20", ON_DISK, true)).toBe(`${ON_DISK.href}2011/09/20/index.html`);
  });

  it("follows the template, whatever the URL scheme", () => {
    expect(dayHref("/ngay/{dd}-{mm}-{yyyy}.html", "2011-09-20", HOSTED, true)).toBe("https://example.org/ban-tin/ngay/20-09-2011.html");
  });

  it("is undefined for a value that is not a day", () => {
    for (const value of ["", "2011-9-20", "20/09/2011", "2011-09-20T00:00"]) expect(dayHref(DAY_URL, value, HOSTED, false), value).toBeUndefined();
  });
});
