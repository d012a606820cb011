// `npm run new`: a new article file, a draft dated now, and what to do next.
import path from "node:path";
import { DEFAULT_CONTENT_DIR } from "../core/project.ts";
import { UserError } from "../core/errors.ts";
import { scaffoldArticle } from "../content/scaffold.ts";
import { defineCommand } from "./args.ts";
import { say } from "../core/messages.ts";
import { contentOption } from "./options.ts";

export const newCommand = defineCommand({
  name: "new",
  invocation: "npm run new --",
  arguments: '"Tiêu đề" [--category NAME] [--new-category] [--content DIR]',
  summary: "write a new article file, a draft dated now",
  description:
    "Writes DIR/YYYY/MM/slug.md, a draft (draft: true) with the title, the date and time now (Vietnam time),\n" +
    "the category, and every other field an article may have, commented out, ready to edit. The category must\n" +
    "be one of the site's: one the site settings name, or, if they name none, one another article has.\n" +
    "Never writes over an existing file.",
  options: {
    category: { type: "string", value: "NAME", default: "Tin tức - Sự kiện", help: "category display name" },
    "new-category": { type: "boolean", help: "accept a category that is none of the site's, starting a new section of the site" },
    content: contentOption,
  },
  positionals: { min: 1, max: 1, missing: 'no title given: write it in quotes, e.g. npm run new -- "Tiêu đề"' },
  run({ values, positionals: [title = ""] }, io) {
    const contentDir = path.resolve(io.cwd, values.content);
    let written: ReturnType<typeof scaffoldArticle>;
    try {
      written = scaffoldArticle(contentDir, { title, category: values.category, newCategory: values["new-category"] });
    } catch (error) {
      if (error instanceof UserError) throw error;
      // An existing file or a title without letters: the message says which, and where.
      throw new UserError((error as Error).message);
    }
    const file = path.join(values.content, path.relative(contentDir, written.file));
    const contentArgument = values.content === DEFAULT_CONTENT_DIR ? "" : ` -- --content ${values.content}`;
    const spelling = written.category === values.category.normalize("NFC").trim() ? "" : say("newCategorySpelling", { category: written.category });
    const steps = [
      say("newWroteDraft", { file, spelling }),
      say("newStepEdit", { file }),
      say("newStepCheck", { args: contentArgument }),
      say("newStepPublish"),
      say("newStepPreview", { args: contentArgument }),
    ];
    io.stdout.write(`${steps.join("\n")}\n`);
    return 0;
  },
});
