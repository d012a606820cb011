import fs from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { siteFiles } from "../../src/core/files.ts";
import { ONLINE_ONLY_FOLDERS } from "../../src/content/urls.ts";
import { type OfflineResult, writeOfflineCopy } from "../../src/offline/copy.ts";
import { zipFolder } from "../../src/offline/zip.ts";
import { runWrappedFile, WRAPPED_FILE } from "../helpers/offline-index.ts";
import { buildFixture, type BuiltSite, FIXTURES, PROJECT, tempDir } from "../helpers/site.ts";

let site: BuiltSite;
let offlineDir: string;
let written: OfflineResult;
let sampleOfflineDir: string;

beforeAll(async () => {
  site = await buildFixture(path.join(FIXTURES, "site"));
  // A folder name with a space and Vietnamese letters, as a copy on a USB stick would have.
  offlineDir = path.join(tempDir("offline"), "Bản tin lưu trữ");
  written = await writeOfflineCopy(site.outDir, offlineDir);
  const sample = await buildFixture(path.join(PROJECT, "content"));
  sampleOfflineDir = path.join(tempDir("offline-sample"), "Bản tin lưu trữ");
  // As npm run offline writes it: without the CMS.
  await writeOfflineCopy(sample.outDir, sampleOfflineDir, "/", { leaveOut: ONLINE_ONLY_FOLDERS });
});

const LINKS = "[href], [src], [srcset], [poster], form[action]";

function referencesOf(html: string): string[] {
  const { document } = parseHTML(html);
  return [...document.querySelectorAll(LINKS)].flatMap((element) => {
    const values = ["href", "src", "poster", "action"].map((name) => element.getAttribute(name)).filter((value): value is string => value !== null);
    const srcset = element.getAttribute("srcset");
    return srcset ? [...values, ...srcset.split(",").map((candidate) => candidate.trim().split(/\s+/)[0]!)] : values;
  });
}

describe("the offline copy", () => {
  it("has the files of the hosted build, and Pagefind's offline versions beside its own", () => {
    const added = siteFiles(offlineDir).filter((file) => !site.files().includes(file));
    expect(siteFiles(offlineDir)).toEqual(expect.arrayContaining(site.files()));
    expect(added).toContain("/pagefind/pagefind-offline.js");
    // One script per file Pagefind fetches: entry, metadata, WebAssembly, index and fragment chunks.
    const fetched = site.files().filter((file) => /^\/pagefind\/(pagefind-entry\.json|.*\.pf_\w+|wasm\.[\w-]+\.pagefind)$/.test(file));
    expect(added.filter((file) => file.startsWith("/pagefind/offline/")).sort()).toEqual(fetched.map((file) => file.replace("/pagefind/", "/pagefind/offline/") + ".js").sort());
    expect(added).toHaveLength(fetched.length + 1);
    expect(written).toMatchObject({ files: siteFiles(offlineDir).length, search: { files: added.length } });
  });

  it("wraps each index file as a script that hands over exactly its bytes", () => {
    const wrapped = siteFiles(offlineDir).filter((file) => file.startsWith("/pagefind/offline/"));
    expect(wrapped.length).toBeGreaterThan(5);
    for (const file of wrapped) {
      const script = fs.readFileSync(path.join(offlineDir, file), "utf8");
      expect(WRAPPED_FILE.test(script), file).toBe(true);
      const [call, ...more] = runWrappedFile(script);
      expect(more).toEqual([]);
      expect(`/pagefind/${call!.name}`).toBe(file.replace("/offline/", "/").replace(/\.js$/, ""));
      expect(call!.bytes.equals(fs.readFileSync(path.join(site.outDir, `/pagefind/${call!.name}`))), file).toBe(true);
    }
  });

  it.each([
    ["the fixture site", () => offlineDir],
    ["the sample archive", () => sampleOfflineDir],
  ])("resolves every href and src of every page of %s to a file of the copy", (_name, copy) => {
    const dir = copy();
    const pages = siteFiles(dir).filter((file) => file.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(20);
    let checked = 0;
    for (const page of pages) {
      for (const reference of referencesOf(fs.readFileSync(path.join(dir, page), "utf8"))) {
        if (/^(https?:|mailto:|#)/.test(reference)) continue;
        expect(reference, `${page}: ${reference}`).not.toMatch(/^\//);
        const target = path.resolve(path.dirname(path.join(dir, page)), decodeURIComponent(reference.replace(/[?#].*$/, "")));
        expect(fs.existsSync(target) && fs.statSync(target).isFile(), `${page}: ${reference}`).toBe(true);
        checked++;
      }
    }
    // Every page has its stylesheet, icon, header, menu and footer links at least.
    expect(checked).toBeGreaterThan(pages.length * 10);
  });

  it("keeps the text of every page and changes only its links", () => {
    for (const page of ["/index.html", "/2011/09/20/tin-luc-nua-dem/index.html", "/luu-tru/index.html"]) {
      const strip = (html: string) => html.replace(/\s(href|src|action)="[^"]*"/g, "");
      expect(strip(fs.readFileSync(path.join(offlineDir, page), "utf8"))).toBe(strip(site.text(page)));
    }
  });

  it("refuses to write into the site it copies", async () => {
    await expect(writeOfflineCopy(site.outDir, path.join(site.outDir, "offline"))).rejects.toThrow(/^thư mục đầu ra \S+ nằm trong trang web được sao chép /);
  });

  it("zips the copy under one folder", async () => {
    const zipFile = path.join(tempDir("zip"), "ban-tin.zip");
    const bytes = await zipFolder(offlineDir, zipFile, "ban-tin");
    const zip = fs.readFileSync(zipFile);
    expect(bytes).toBe(zip.length);
    // Local file headers name each entry; the central directory's end record, before the zip's comment, counts them.
    const entries = zip.readUInt16LE(zip.lastIndexOf(Buffer.from("PK\x05\x06", "latin1")) + 10);
    expect(entries).toBe(siteFiles(offlineDir).length);
    expect(zip.includes(Buffer.from("ban-tin/2011/09/20/tin-luc-nua-dem/index.html"))).toBe(true);
  });
});
