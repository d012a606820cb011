// `npm run new`: a new article file, dated now.
import path from "node:path";
import { scaffoldArticle } from "../content/scaffold.ts";
import { defineCommand } from "./args.ts";
import { UserError } from "../core/errors.ts";
import { say } from "../core/messages.ts";
import { contentOption } from "./options.ts";

export const newCommand = defineCommand({
  name: "new",
  invocation: "npm run new --",
  arguments: '"Tiêu đề" [--category NAME] [--content DIR]',
  summary: "write a new article file, dated now",
  description: "Writes DIR/YYYY/MM/slug.md with the title, the date and time now (Vietnam time) and the\ncategory, ready to edit. Never writes over an existing file.",
  options: {
    category: { type: "string", value: "NAME", default: "Tin tức - Sự kiện", help: "category display name" },
    content: contentOption,
  },
  positionals: { min: 1, max: 1, missing: 'no title given: write it in quotes, e.g. npm run new -- "Tiêu đề"' },
  run({ values, positionals: [title = ""] }, io) {
    const contentDir = path.resolve(io.cwd, values.content);
    let file: string;
    try {
      file = scaffoldArticle(contentDir, { title, category: values.category });
    } catch (error) {
      // An existing file or a title without letters: the message says which, and where.
      throw new UserError((error as Error).message);
    }
    io.stdout.write(`${say("wrote", { file: path.join(values.content, path.relative(contentDir, file)) })}\n`);
    return 0;
  },
});
