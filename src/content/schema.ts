import { z } from "zod";
import type { DateTime } from "luxon";
import { parseArticleDate } from "../core/dates.ts";
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from "../core/slug.ts";
import { codePoint, FORBIDDEN_CHARACTER } from "./file-text.ts";

/** Non-empty text; the message says what a person must write. */
const text = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `required: ${what}` : `expected ${what} (text), found ${describe(issue.input)}`) })
    .trim()
    .min(1, { error: `expected ${what}, found an empty value` })
    // Zero-width spaces, joiners and direction marks are not whitespace to trim(), yet show nothing.
    .refine((value) => !/^\p{Cf}+$/u.test(value), { error: `expected ${what}, found only invisible characters (zero-width spaces or marks)` })
    // A YAML escape ("\x01") gives characters the file itself may not hold (see file-text.ts).
    .refine((value) => !FORBIDDEN_CHARACTER.test(value), {
      error: (issue) => {
        const found = FORBIDDEN_CHARACTER.exec(String(issue.input));
        return `expected ${what} without control characters, found ${found ? `${codePoint(found[0])} at character ${found.index + 1}` : "one"}; remove it`;
      },
    });

/** A publication time, kept as a string by the YAML reader and read here in Vietnam time. */
const date = z
  .string({
    error: (issue) =>
      issue.input === undefined
        ? "required: the publication date, as YYYY-MM-DD HH:mm"
        : `expected a date as a quoted string "YYYY-MM-DD HH:mm", found ${describe(issue.input)}`,
  })
  .transform((value, ctx): DateTime => {
    const parsed = parseArticleDate(value);
    if (parsed.ok) return parsed.date;
    ctx.addIssue({
      code: "custom",
      message: `${parsed.reason}: "${value}"; expected YYYY-MM-DD HH:mm[:ss] (Vietnam time) or ISO 8601 with an offset (2011-09-20T09:05:00+07:00)`,
    });
    return z.NEVER;
  });

const url = (what: string) =>
  text(what).refine((value) => /^https?:\/\/[^\s/]+/i.test(value), { error: (issue) => `expected ${what} starting with http:// or https://, found ${describe(issue.input)}` });

/** Front matter of an article (content/**\/*.md). */
export const articleSchema = z.strictObject({
  /** Headline. */
  title: text("a title"),
  /** Publication time: `YYYY-MM-DD HH:mm[:ss]` in Vietnam time, or ISO 8601 with an offset. */
  date,
  /** Category display name; its slug names the category page. */
  category: text("a category name"),
  /** Shown as "Theo {source}". */
  source: text("a source").optional(),
  /** Signature under the article. */
  author: text("an author name").optional(),
  /** The author's position, shown after the name. */
  author_title: text("the author's position").optional(),
  /** View count carried over from the legacy portal. */
  views: z
    .number({ error: (issue) => `expected a whole number ≥ 0 without separators, found ${describe(issue.input)}` })
    .int({ error: (issue) => `expected a whole number ≥ 0, found ${describe(issue.input)}` })
    .min(0, { error: (issue) => `expected a whole number ≥ 0, found ${describe(issue.input)}` })
    .optional(),
  /** List excerpt and meta description; default: the start of the first paragraph. */
  summary: text("a summary").optional(),
  /** Keywords. */
  tags: z.array(text("a tag"), { error: (issue) => `expected a list of tags, e.g. ["Gò Vấp", "Đảng bộ"], found ${describe(issue.input)}` }).optional(),
  /** Overrides the slug made from the title. */
  slug: z
    .string({ error: (issue) => `expected a slug (text), found ${describe(issue.input)}` })
    .regex(SLUG_PATTERN, { error: (issue) => `expected only a-z, 0-9 and single hyphens between them, found ${describe(issue.input)}` })
    // A longer one makes a folder name the file system may refuse; slugs made from titles stop here too.
    .max(MAX_SLUG_LENGTH, { error: (issue) => `expected at most ${MAX_SLUG_LENGTH} characters, as a slug made from a title has, found ${String(issue.input).length}; shorten it` })
    .optional(),
  /** Cover image: a path under static/ or an http(s) URL (checked by media.ts). */
  image: text("an image path or URL").optional(),
  /** The article's address on the old portal. */
  legacy_url: url("the legacy URL").optional(),
  /** A draft is neither built nor indexed. */
  draft: z.boolean({ error: (issue) => `expected true or false, found ${describe(issue.input)}` }).optional(),
});
export type ArticleFrontMatter = z.output<typeof articleSchema>;

/** Front matter of a video entry (content/video/*.md). */
export const videoSchema = z
  .strictObject({
    title: text("a title"),
    date,
    /** A path under static/, e.g. media/videos/clip.webm. */
    file: text("a file path under static/")
      .refine((value) => !/^[/\\]|(^|[/\\])\.\.([/\\]|$)|^[a-z]+:/i.test(value), {
        error: (issue) => `expected a relative path under static/ such as media/videos/clip.webm (no leading /, no .., no scheme), found ${describe(issue.input)}`,
      })
      .optional(),
    /** An external address of the video. */
    url: url("the video URL").optional(),
    summary: text("a summary").optional(),
    draft: z.boolean({ error: (issue) => `expected true or false, found ${describe(issue.input)}` }).optional(),
  })
  .refine((video) => (video.file === undefined) !== (video.url === undefined), {
    error: "expected exactly one of `file` (a path under static/) or `url`",
    path: ["file"],
  });
export type VideoFrontMatter = z.output<typeof videoSchema>;

/** Git hosts the CMS can save to (Decap CMS backends). */
export const CMS_BACKENDS = ["github", "gitlab", "gitea", "forgejo"] as const;

const positiveInt = (what: string) => z.int({ error: `expected ${what} as a whole number ≥ 1` }).min(1, { error: `expected ${what} as a whole number ≥ 1` });

/** Site settings (content/_data/site.json). */
export const settingsSchema = z.strictObject({
  /** Site title in the header and feeds. */
  title: text("the site title"),
  /** One sentence for the home page's meta description and the feed. */
  description: text("a description").optional(),
  /** Absolute URL of the hosted site, used by feeds and the sitemap. */
  url: url("the site URL").transform((value) => value.replace(/\/+$/, "")),
  language: z.literal("vi", { error: 'expected "vi"' }).default("vi"),
  timeZone: z.literal("Asia/Ho_Chi_Minh", { error: 'expected "Asia/Ho_Chi_Minh"' }).default("Asia/Ho_Chi_Minh"),
  /** Articles per page on the home page, and on year and day pages. */
  pageSize: positiveInt("the page size").default(10),
  /** Articles per page on category pages. */
  categoryPageSize: positiveInt("the category page size").default(10),
  /** How many newer and older articles an article page lists. */
  relatedCount: positiveInt("the number of related articles").default(5),
  /** Hosts whose <iframe> embeds the body may keep. */
  iframeHosts: z.array(text("a host name")).default([]),
  /** Display names of categories, by category slug or by the name as captured. */
  categories: z.record(z.string(), text("a category display name")).default({}),
  /** Where the CMS at /quan-tri/ saves on the hosted site (src/cms/config.ts); without it, it saves only through the local proxy (npm run cms). */
  cms: z
    .strictObject({
      /** The git host of the repository. */
      backend: z.enum(CMS_BACKENDS, { error: (issue) => `expected one of ${CMS_BACKENDS.join(", ")}, found ${describe(issue.input)}` }),
      /** The repository, "owner/name" (a GitLab group path may have more parts). */
      repo: text("the repository as owner/name").refine((value) => /^[^\s/]+(\/[^\s/]+)+$/.test(value), { error: (issue) => `expected the repository as owner/name, found ${describe(issue.input)}` }),
      /** The branch the CMS commits to, the one the site is built from. */
      branch: text("a branch name").default("main"),
      /** The OAuth service that signs editors in to GitHub (its base URL), or a self-hosted GitLab, Gitea or Forgejo. */
      baseUrl: url("the base URL of the sign-in service").optional(),
      /** The API of a self-hosted GitLab, Gitea or Forgejo. */
      apiRoot: url("the API root").optional(),
      /** The id of the OAuth application (GitLab, Gitea, Forgejo: sign-in without a service of its own). */
      appId: text("the OAuth application id").optional(),
    })
    .optional(),
  /** Figures kept from the legacy portal. */
  legacy: z
    .strictObject({
      /** The archived visit counter ("Số lượt truy cập"). */
      visitCounter: z.int({ error: "expected a whole number" }).min(0).optional(),
    })
    .default({}),
});
export type Settings = z.output<typeof settingsSchema>;

/** Short, readable rendering of a bad value for messages. */
export function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "an empty value";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a nested object";
  // A control character would reach the terminal as is; it is named instead.
  const visible = (text: string) => text.replace(new RegExp(FORBIDDEN_CHARACTER.source, "g"), codePoint);
  const shown = typeof value === "string" ? `"${visible(value.length > 60 ? `${value.slice(0, 57)}…` : value)}"` : String(value);
  return `${typeof value === "string" ? "" : `${typeof value} `}${shown}`;
}
