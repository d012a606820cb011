import path from "node:path";
import { fileURLToPath } from "node:url";

/** The project folder: layouts and static files are found from here, whatever the working directory. */
export const PROJECT_DIR = fileURLToPath(new URL("../..", import.meta.url));
/** Eleventy's input: page templates, and their includes in _includes/. */
export const LAYOUTS_DIR = path.join(PROJECT_DIR, "layouts");
/** Files copied to the site as they are; local media (a video's `file`, an article's `image`) too. */
export const STATIC_DIR = path.join(PROJECT_DIR, "static");
/** The sample archive, and the content folder of every command by default. */
export const DEFAULT_CONTENT_DIR = "content";
