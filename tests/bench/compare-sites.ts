// Compares two built sites file by file: which files only one has, and which differ, with the
// first differing line of each. For refactors that must not change the output.
//   tsx tests/bench/compare-sites.ts BEFORE_DIR AFTER_DIR [--ignore REGEX]… [--drop REGEX]…
// --ignore leaves out files whose site path matches (e.g. the bundled scripts, "^/js/|^/pagefind/");
// --drop removes the text a pattern matches from both sides before comparing (an intended change).
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { siteFiles } from "../../src/core/files.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { ignore: { type: "string", multiple: true, default: [] }, drop: { type: "string", multiple: true, default: [] } } });
if (positionals.length !== 2) {
  console.error("usage: tsx tests/bench/compare-sites.ts BEFORE_DIR AFTER_DIR [--ignore REGEX]… [--drop REGEX]…");
  process.exit(2);
}
const [before, after] = positionals as [string, string];
const ignored = values.ignore.map((pattern) => new RegExp(pattern));
const dropped = values.drop.map((pattern) => new RegExp(pattern, "g"));
const read = (file: string) => {
  const bytes = fs.readFileSync(file);
  return dropped.length === 0 ? bytes : Buffer.from(dropped.reduce((text, pattern) => text.replace(pattern, ""), bytes.toString("utf8")));
};
const files = (dir: string) => new Set(siteFiles(dir).filter((file) => !ignored.some((pattern) => pattern.test(file))));
const [a, b] = [files(before), files(after)];

let differences = 0;
for (const file of [...a].filter((file) => !b.has(file))) console.log(`only in ${before}: ${file}`), differences++;
for (const file of [...b].filter((file) => !a.has(file))) console.log(`only in ${after}: ${file}`), differences++;
let same = 0;
for (const file of [...a].filter((file) => b.has(file))) {
  const [left, right] = [read(path.join(before, file)), read(path.join(after, file))];
  if (left.equals(right)) {
    same++;
    continue;
  }
  differences++;
  const [leftLines, rightLines] = [left.toString("utf8").split("\n"), right.toString("utf8").split("\n")];
  const line = leftLines.findIndex((text, index) => text !== rightLines[index]);
  console.log(`differs: ${file}, line ${line + 1}\n  - ${leftLines[line]?.trim()}\n  + ${rightLines[line]?.trim()}`);
}
console.log(`${same} files identical, ${differences} differences`);
process.exitCode = differences === 0 ? 0 : 1;
