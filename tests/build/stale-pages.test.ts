import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/site/build.ts";
import { siteFiles } from "../../src/core/files.ts";
import { indexSite } from "../../src/search/indexer.ts";
import { copyFixture, tempDir } from "../helpers/site.ts";

const RENAMED = "/2011/09/20/tin-luc-nua-dem/index.html";
const WITHDRAWN = "/2011/09/25/chuyen-de-sau-do/index.html";

describe("building again into the same folder", () => {
  it("removes the pages of renamed and withdrawn articles, and nothing it did not make", async () => {
    const contentDir = copyFixture("site");
    const outDir = tempDir("out");
    await buildSite({ contentDir, outDir });
    fs.writeFileSync(path.join(outDir, "ghi-chu.html"), "<!doctype html><title>Ghi chú của người quản trị</title>");
    fs.writeFileSync(path.join(outDir, "ghi-chu.txt"), "Không phải trang của bantin.");
    expect(siteFiles(outDir)).toEqual(expect.arrayContaining([RENAMED, WITHDRAWN]));

    const renamed = path.join(contentDir, "2011/09/nua-dem.md");
    fs.writeFileSync(renamed, fs.readFileSync(renamed, "utf8").replace(/^title: .*$/m, 'title: "Tin lúc nửa đêm, đã sửa"'));
    const withdrawn = path.join(contentDir, "2011/09/sau-do.md");
    fs.writeFileSync(withdrawn, fs.readFileSync(withdrawn, "utf8").replace(/^---\n/, "---\ndraft: true\n"));
    await buildSite({ contentDir, outDir });

    const after = siteFiles(outDir);
    expect(after).toContain("/2011/09/20/tin-luc-nua-dem-da-sua/index.html");
    expect(after).not.toContain(RENAMED);
    expect(after).not.toContain(WITHDRAWN);
    // Their folders went with them; the day archive of the 20th, which other articles keep, stays.
    expect(fs.existsSync(path.join(outDir, "2011/09/20/tin-luc-nua-dem"))).toBe(false);
    expect(fs.existsSync(path.join(outDir, "2011/09/25"))).toBe(false);
    expect(after).toContain("/2011/09/20/index.html");
    // Files bantin did not make stay.
    expect(after).toEqual(expect.arrayContaining(["/ghi-chu.html", "/ghi-chu.txt"]));
    // Search indexes what the folder holds: the old pages are not in it.
    const indexed = (await indexSite(outDir)).indexed.map((page) => page.url);
    expect(indexed).toContain("/2011/09/20/tin-luc-nua-dem-da-sua/");
    expect(indexed).not.toContain("/2011/09/20/tin-luc-nua-dem/");
    expect(indexed).not.toContain("/2011/09/25/chuyen-de-sau-do/");
  });
});
