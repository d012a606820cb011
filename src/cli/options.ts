// Options several commands share, declared once so that they read and default the same everywhere.
import { DEFAULT_CONTENT_DIR } from "../core/project.ts";
import type { OptionSpec } from "./args.ts";

/** The content folder a command reads. */
export const contentOption = { type: "string", value: "DIR", default: DEFAULT_CONTENT_DIR, help: "content folder: articles, videos, _data/site.json" } as const satisfies OptionSpec;

/** Where `build` and `serve` write the site. */
export const siteOutOption = { type: "string", value: "DIR", default: "dist", help: "folder the site is written into" } as const satisfies OptionSpec;
