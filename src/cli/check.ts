// `npm run check`: every problem of every content file, without building.
import path from "node:path";
import { loadContent } from "../content/load.ts";
import { say } from "../core/messages.ts";
import { defineCommand } from "./args.ts";
import { reportingContentProblems } from "./errors.ts";
import { contentOption } from "./options.ts";

export const checkCommand = defineCommand({
  name: "check",
  invocation: "npm run check --",
  arguments: "[--content DIR]",
  summary: "list every problem in every content file",
  description: "Reads and checks every content file and the site settings, and lists every problem at once\n(file, line, field, what was found, what is expected), without building. Exit status 1 on problems.",
  options: { content: contentOption },
  async run({ values }, io) {
    const { articles, videos } = await reportingContentProblems(values.content, () => loadContent(path.resolve(io.cwd, values.content)));
    io.stdout.write(`${say("noProblems", { articles: articles.length, videos: videos.length, dir: values.content })}\n`);
    return 0;
  },
});
