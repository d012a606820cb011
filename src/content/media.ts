// Local files: media named in front matter (an article's `image`, a video's `file`), a file under
// static/, which the build copies to the site root, or an address on the web; and the files a body
// links to (links.ts), which must be there too.
import fs from "node:fs";
import path from "node:path";
import type { Problem } from "../core/errors.ts";
import { say } from "../core/messages.ts";
import { STATIC_DIR } from "../core/project.ts";

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** The only addresses a page may load media from; `javascript:`, `data:`, `file:` and the rest are refused. */
const WEB_URL = /^https?:\/\/[^\s/]+/i;

/** Path under static/ of a local media value: "./a/b", "/a/b", "//a/b" and "a\\b" all name static/a/b. */
function staticPath(value: string): string {
  return value.replace(/\\/g, "/").replace(/^(?:\.?\/+)+/, "");
}

/** Address of a media value on the site: a URL as written, a local file from the site root. */
export function mediaSrc(value: string): string {
  return URL_SCHEME.test(value) ? value : `/${staticPath(value)}`;
}

/** Whether a path (relative to static/, with forward slashes) names a file there. */
export function isStaticFile(local: string): boolean {
  return !local.split("/").includes("..") && fs.statSync(path.join(STATIC_DIR, local), { throwIfNoEntry: false })?.isFile() === true;
}

/** What is wrong with a local file `value` that is not under static/, at `local` there. */
export const notAStaticFile = (value: string, local: string) => say("mediaMissing", { value: JSON.stringify(value), path: local });

/**
 * A problem when a media value is neither an http(s) address nor the path of a file under
 * static/. Web addresses are not fetched.
 */
export function mediaProblems(file: string, field: string, value: string | undefined, lines: ReadonlyMap<string, number>): Problem[] {
  if (value === undefined) return [];
  const problem = (message: string): Problem[] => [{ file, field, line: lines.get(field), message }];
  if (URL_SCHEME.test(value)) {
    if (WEB_URL.test(value)) return [];
    return problem(say("mediaNotLocalOrWeb", { value: JSON.stringify(value) }));
  }
  const local = staticPath(value);
  return isStaticFile(local) ? [] : problem(notAStaticFile(value, local));
}
