// A site built and served, with Chromium, for the tests of one browser test file. Apart from
// browser.ts, which the benchmark scripts use outside vitest.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser, serveStatic, type StaticServer } from "./browser.ts";
import { buildFixture, type BuiltSite } from "./site.ts";

/** A content folder built and served on loopback, and Chromium: what a test file reads the site with. */
export interface ServedSite {
  site: BuiltSite;
  server: StaticServer;
  browser: Browser;
}

/** Builds and serves `contentDir` and launches Chromium before the tests of the calling file, and closes both after them. */
export function servedInBrowser(contentDir: string): ServedSite {
  const served = {} as ServedSite;
  beforeAll(async () => {
    served.site = await buildFixture(contentDir);
    served.server = await serveStatic(served.site.outDir);
    served.browser = await launchBrowser();
  });
  afterAll(async () => {
    await served.browser?.close();
    await served.server?.close();
  });
  return served;
}
