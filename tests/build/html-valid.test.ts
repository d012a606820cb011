import fs from "node:fs";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import { describe, expect, it } from "vitest";
import { buildFixture, FIXTURES, PROJECT } from "../helpers/site.ts";

const validator = new HtmlValidate({
  extends: ["html-validate:recommended"],
  rules: {
    // News headlines are long; that is an editorial matter, not invalid HTML.
    "long-title": "off",
    // The sanitiser writes <img />; both spellings are valid HTML.
    "void-style": "off",
    // Not in the recommended preset: one h1 per page and no skipped level, on every page.
    "heading-level": "error",
  },
});

async function problemsIn(outDir: string): Promise<{ pages: number; problems: string[] }> {
  const pages = fs.readdirSync(outDir, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".html"));
  const problems: string[] = [];
  for (const file of pages) {
    const report = await validator.validateString(fs.readFileSync(path.join(outDir, file), "utf8"), file);
    for (const result of report.results) {
      for (const message of result.messages) problems.push(`${file}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
    }
  }
  return { pages: pages.length, problems };
}

describe("every generated page is valid HTML", () => {
  it.each([
    ["the sample archive", path.join(PROJECT, "content")],
    ["the test fixture", path.join(FIXTURES, "site")],
  ])("%s", async (_name, contentDir) => {
    const site = await buildFixture(contentDir);
    const { pages, problems } = await problemsIn(site.outDir);
    expect(pages).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });
});
