import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, serveStatic, type StaticServer } from "../helpers/browser.ts";
import { fingerprint, generatedContent, GENERATED_ARTICLES, GOLDEN_COMMIT, type GoldenArchive, readGolden, topTens } from "../helpers/search-ranking.ts";
import { buildFixture, PROJECT } from "../helpers/site.ts";

// The search page must rank exactly as the page of commit ab35d0c did: the top 10 and the status
// line of every query of tests/browser/search-ranking.golden.json, which that page produced (see
// tests/helpers/search-ranking.ts), on the sample archive and on a generated one (GENERATED_ARTICLES).

const golden = readGolden();
const sampleContent = path.join(PROJECT, "content");
let generatedDir: string;
let browser: Browser;
let sample: StaticServer;
let generated: StaticServer;

beforeAll(async () => {
  generatedDir = generatedContent();
  sample = await serveStatic((await buildFixture(sampleContent)).outDir);
  generated = await serveStatic((await buildFixture(generatedDir)).outDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await sample?.close();
  await generated?.close();
});

/** Every row of the golden against the page: all differences reported, not only the first. */
async function compare(archive: GoldenArchive, server: StaticServer): Promise<void> {
  const shown = await topTens(browser, server, archive.rows);
  archive.rows.forEach((row, i) => {
    expect.soft({ status: shown[i]!.status, hrefs: shown[i]!.hrefs }, `${row.name}: ${JSON.stringify(row.params)}`).toEqual({ status: row.status, hrefs: row.hrefs });
  });
}

describe("/tim-kiem/ ranks as the search page of commit ab35d0c", () => {
  it("has a golden of that commit, with at least 20 queries an archive", () => {
    expect(golden.commit).toBe(GOLDEN_COMMIT);
    expect(golden.archives.sample.rows.length).toBeGreaterThanOrEqual(20);
    expect(golden.archives.generated.rows.length).toBeGreaterThanOrEqual(20);
    expect(golden.archives.generated.articles).toBe(GENERATED_ARTICLES);
    // Results on most rows: a golden of empty pages would prove nothing.
    for (const archive of Object.values(golden.archives)) {
      expect(archive.rows.filter((row) => row.hrefs.length > 0).length).toBeGreaterThanOrEqual(20);
    }
  });

  it("on the sample archive: the same top 10, in the same order, for every query", async () => {
    // Another archive would rank otherwise: then the golden is out of date, not the page wrong.
    expect(fingerprint(sampleContent), "content/ changed since the golden was made").toBe(golden.archives.sample.fingerprint);
    await compare(golden.archives.sample, sample);
  });

  it(`on the generated archive of ${GENERATED_ARTICLES} articles: the same top 10, in the same order, for every query`, async () => {
    expect(fingerprint(generatedDir), "tests/bench/generated-archive.ts writes another archive than the golden's").toBe(golden.archives.generated.fingerprint);
    await compare(golden.archives.generated, generated);
  });
});
