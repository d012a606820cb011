// Options several commands share, declared once so that they read and default the same everywhere.
import { say } from "../core/messages.ts";
import { DEFAULT_CONTENT_DIR } from "../core/project.ts";
import { normalizeSiteUrl } from "../content/urls.ts";
import type { OptionSpec } from "./args.ts";
import { UsageError } from "./errors.ts";

/** The content folder a command reads. */
export const contentOption = { type: "string", value: "DIR", default: DEFAULT_CONTENT_DIR, help: "content folder: articles, videos, _data/site.json" } as const satisfies OptionSpec;

/** Where `build` and `serve` write the site. */
export const siteOutOption = { type: "string", value: "DIR", default: "dist", help: "folder the site is written into" } as const satisfies OptionSpec;

/** The number of a port option such as `--port`, or a usage error naming it. */
export function portNumber(option: string, value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) throw new UsageError(say("badPort", { option, value }));
  return port;
}

/** The site URL of one build instead of the settings' `url` (a preview, a fork's GitHub Pages site). */
export const baseUrlOption = { type: "string", value: "URL", help: "build for this site URL instead of the `url` of the site settings" } as const satisfies OptionSpec;

/** The --base-url given, normalised (its path ending in "/"), or undefined when none was. */
export function baseUrlOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const url = normalizeSiteUrl(value);
  if (url === undefined) throw new UsageError(say("badBaseUrl", { found: JSON.stringify(value) }));
  return url;
}
