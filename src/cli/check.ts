// `npm run check`: every problem of every content file, and what a reader would see broken, without
// building (content/review.ts); `--fix` first rewrites files whose text is not NFC.
import path from "node:path";
import { say } from "../core/messages.ts";
import { formatProblem } from "../core/errors.ts";
import { normaliseFolder } from "../content/nfc.ts";
import { type Finding, type Review, reviewFolder } from "../content/review.ts";
import { defineCommand } from "./args.ts";
import { contentOption } from "./options.ts";

export const checkCommand = defineCommand({
  name: "check",
  invocation: "npm run check --",
  arguments: "[--content DIR] [--fix] [--json]",
  summary: "list every problem in every content file",
  description:
    "Reads and checks every content file and the site settings, drafts included, without building, and lists\n" +
    "at once every error (what a build refuses, links to pages or files the site does not have, text not in\n" +
    "Unicode NFC), every warning (one word with its tone mark on different vowels, a category that is none of\n" +
    "the site's) and every draft: file, line, field, what was found, what is expected.\n" +
    "Exit status 1 on errors; warnings alone leave it 0.",
  options: {
    content: contentOption,
    fix: { type: "boolean", help: "first rewrite the files whose text is not in NFC, normalised (nothing else is changed), and name them" },
    json: { type: "boolean", help: "print one JSON document for scripts instead: errors, warnings, drafts (file, line, field, message, kind)" },
  },
  async run({ values }, io) {
    const contentDir = path.resolve(io.cwd, values.content);
    const shown = (file: string) => path.join(values.content, file);
    const fixed = values.fix ? normaliseFolder(contentDir).map(shown) : [];
    const review = await reviewFolder(contentDir);
    const status = review.errors.length > 0 ? 1 : 0;
    if (values.json) {
      io.stdout.write(`${JSON.stringify(jsonReport(review, values.content, fixed, shown), null, 2)}\n`);
      return status;
    }
    const lines = fixed.map((file) => say("checkFixed", { file }));
    const section = (findings: Finding[], heading: string) => {
      if (findings.length > 0) lines.push(heading, ...findings.map((found) => `  ${formatProblem({ ...found, file: shown(found.file) })}`));
    };
    const files = new Set(review.errors.map((error) => error.file)).size;
    section(review.errors, say("checkErrorsHeading", { errors: review.errors.length, files }));
    section(review.warnings, say("checkWarningsHeading", { warnings: review.warnings.length }));
    section(review.drafts, say("checkDraftsHeading", { drafts: review.drafts.length }));
    lines.push(summary(review, values.content));
    io.stdout.write(`${lines.join("\n")}\n`);
    return status;
  },
});

/** "No problems: 34 articles, 3 videos in content/", or "2 errors, 1 warning: …". */
function summary({ errors, warnings, drafts, articles, videos }: Review, contentDir: string): string {
  const found =
    errors.length === 0
      ? warnings.length === 0
        ? say("checkNoProblems")
        : say("checkNoErrors", { warnings: warnings.length })
      : [say("checkErrorCount", { errors: errors.length }), ...(warnings.length ? [say("checkWarningCount", { warnings: warnings.length })] : [])].join(", ");
  const read = drafts.length ? say("checkReadDrafts", { articles, videos, drafts: drafts.length }) : say("checkRead", { articles, videos });
  return say("checkSummary", { found, read, dir: contentDir });
}

/** Every field of every finding, absent ones as null, so that each has the same shape. */
function jsonReport(review: Review, contentDir: string, fixed: string[], shown: (file: string) => string) {
  const plain = ({ file, line, field, message, kind }: Finding) => ({ file: shown(file), line: line ?? null, field: field ?? null, message, kind });
  return {
    content: contentDir,
    articles: review.articles,
    videos: review.videos,
    fixed,
    errors: review.errors.map(plain),
    warnings: review.warnings.map(plain),
    drafts: review.drafts.map(plain),
  };
}
