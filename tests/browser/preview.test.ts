// npm start in Chromium: an open page turns into the list of problems when an edit breaks the
// content, and back into the page when the edit is fixed, without the reader reloading it.
import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../helpers/browser.ts";
import { saveUntil, type Serving, startServing } from "../helpers/serve.ts";
import { copyFixture, tempDir } from "../helpers/site.ts";

let browser: Browser;
let serving: Serving;
let contentDir: string;

beforeAll(async () => {
  contentDir = copyFixture("site");
  serving = await startServing(contentDir, path.join(tempDir("preview-out"), "dist"));
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  serving?.stop();
});

describe("npm start, in the browser", () => {
  it("shows the problems on the open page when an edit breaks the content, and the page again once it is fixed", async () => {
    const page = await browser.newPage();
    await page.goto(new URL("2011/09/", serving.address).href);
    await expect.poll(() => page.locator("h1").textContent()).toMatch(/Tháng 9\/2011/);
    const file = path.join(contentDir, "2011/09/buoi-sang.md");
    const good = fs.readFileSync(file, "utf8");
    await saveUntil(file, good.replace(/^date: .*$/m, 'date: "20/09/2011"'), async () => (await page.locator("h1").textContent()) === "Bản tin chưa dựng lại được");
    expect(await page.locator("li").allTextContents()).toEqual([expect.stringMatching(/buoi-sang\.md:\d+: `date`: .*"20\/09\/2011"/)]);
    await saveUntil(file, good, async () => /Tháng 9\/2011/.test((await page.locator("h1").textContent()) ?? ""));
  }, 90_000);
});
