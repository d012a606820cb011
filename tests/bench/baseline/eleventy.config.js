// The baseline of `npm run bench` (tests/bench/build.ts): bare Eleventy 3 over the same content
// folder, one page per Markdown file with the one layout beside this file (title, date, body), and
// nothing else: no lists, archives, calendars, feeds or sidebar. The benchmark runs it as
//   node node_modules/@11ty/eleventy/cmd.cjs --config=tests/bench/baseline/eleventy.config.js --input=CONTENT --output=OUT --quiet
// and then the Pagefind CLI over OUT.
import fs from "node:fs";

export default function (eleventyConfig) {
  // The layout lives here, not in the content folder: a virtual template in the input's _includes/.
  eleventyConfig.addTemplate("_includes/article.njk", fs.readFileSync(new URL("article.njk", import.meta.url), "utf8"));
  eleventyConfig.addGlobalData("layout", "article.njk");
  // Front matter dates are text such as "2011-09-20 09:05", which Eleventy's ISO parser refuses with
  // the space; the layout prints them as written, so any reading will do for Eleventy's page.date.
  eleventyConfig.addDateParsing((date) => (typeof date === "string" ? date.replace(" ", "T") : undefined));
  return {
    templateFormats: ["md"],
    // Bodies are Markdown only, as bantin reads them, not Liquid templates.
    markdownTemplateEngine: false,
  };
}
