// `npm run build`: the site, once.
import path from "node:path";
import { decimal, say } from "../core/messages.ts";
import { buildSite } from "../site/build.ts";
import { defineCommand } from "./args.ts";
import { reportingContentProblems } from "./errors.ts";
import { baseUrlOf, baseUrlOption, contentOption, siteOutOption } from "./options.ts";

export const buildCommand = defineCommand({
  name: "build",
  invocation: "npm run build --",
  arguments: "[--content DIR] [--out DIR] [--base-url URL]",
  summary: "build the site (default content/ → dist/)",
  description: "Builds the site from the content folder into the output folder, search index included.\nBad content fails the build with every problem of every file listed; exit status 0 only on success.",
  options: { content: contentOption, out: siteOutOption, "base-url": baseUrlOption },
  async run({ values }, io) {
    const options = { contentDir: path.resolve(io.cwd, values.content), outDir: path.resolve(io.cwd, values.out), siteUrl: baseUrlOf(values["base-url"]) };
    const result = await reportingContentProblems(values.content, () => buildSite(options));
    io.stdout.write(`${say("built", { pages: result.pages, content: values.content, out: values.out, seconds: decimal(result.milliseconds / 1000, 2) })}\n`);
    return 0;
  },
});
