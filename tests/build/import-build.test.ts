import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runImport } from "../../src/importer/import.ts";
import { buildFixture, PROJECT, tempDir, textOf } from "../helpers/site.ts";

const SEED = fileURLToPath(new URL("../../shared/seeds/legacy-page-govap-2011-09-20.txt", import.meta.url));
const SEED_URL = "/2011/09/20/hoc-tap-va-lam-theo-tam-guong-dao-duc-ho-chi-minh-nhung-kinh-nghiem-thuc-tien/";
const SAMPLE = path.join("2011", "09", "hoc-tap-va-lam-theo-tam-guong-dao-duc-ho-chi-minh.md");

/** What the article page shows of the legacy page's fields. */
function fields(document: Document) {
  return {
    title: textOf(document.querySelector("h1")),
    time: document.querySelector("article time")?.getAttribute("datetime"),
    shownTime: textOf(document.querySelector("article time")),
    category: textOf(document.querySelector(".article__category")),
    source: textOf(document.querySelector(".article__source")),
    signature: textOf(document.querySelector(".article__signature")),
    views: textOf(document.querySelector(".article__views")),
    headings: [...document.querySelectorAll(".article__body h2")].map(textOf),
  };
}

describe("an imported legacy page", () => {
  it("builds without any edit and shows the same fields as the sample article it replaces", async () => {
    const sample = await buildFixture(path.join(PROJECT, "content"));
    const contentDir = path.join(tempDir("import-site"), "content");
    fs.cpSync(path.join(PROJECT, "content"), contentDir, { recursive: true });
    fs.rmSync(path.join(contentDir, SAMPLE));
    const quiet = { stdout: { write: () => true }, stderr: { write: () => true } };
    expect(await runImport(["--out", contentDir, SEED], quiet)).toBe(0);
    const imported = await buildFixture(contentDir);
    const expected = fields(sample.page(SEED_URL));
    expect(expected.headings).toHaveLength(3);
    expect(fields(imported.page(SEED_URL))).toEqual(expected);
    // The rest of the archive is untouched: the same pages (the search index differs with the body), with the full legacy body.
    const pages = (files: string[]) => files.filter((file) => !file.startsWith("/pagefind/"));
    expect(pages(imported.files())).toEqual(pages(sample.files()));
    expect(textOf(imported.page(SEED_URL).querySelector(".article__body")).length).toBeGreaterThan(textOf(sample.page(SEED_URL).querySelector(".article__body")).length);
  });
});
