import { describe, expect, it } from "vitest";
import { readerSearchUrl } from "../../src/client/edition.ts";

describe("the Kiwix reader's own search, from a ZIM page's site root", () => {
  it("is zim://<book>.search/ in Kiwix Desktop", () => {
    expect(readerSearchUrl(new URL("zim://0a1b-2c.zim/"), "dang bo go vap")).toBe("zim://0a1b-2c.search/?content=0a1b-2c&pattern=dang+bo+go+vap");
  });

  it("is <root>/search in kiwix-serve, under a root path too", () => {
    expect(readerSearchUrl(new URL("http://192.168.1.10:8080/ban-tin/"), "go vap")).toBe("http://192.168.1.10:8080/search?content=ban-tin&pattern=go+vap");
    expect(readerSearchUrl(new URL("http://may-chu/kiwix/ban-tin/"), "go vap")).toBe("http://may-chu/kiwix/search?content=ban-tin&pattern=go+vap");
  });

  it("is unknown from disk or at a host's root", () => {
    expect(readerSearchUrl(new URL("file:///media/usb/Ban%20tin/"), "go vap")).toBeUndefined();
    expect(readerSearchUrl(new URL("http://may-chu/"), "go vap")).toBeUndefined();
  });
});
