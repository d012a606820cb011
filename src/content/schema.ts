import { z } from "zod";
import type { DateTime } from "luxon";
import { parseArticleDate } from "../core/dates.ts";
import { type MessageKey, say } from "../core/messages.ts";
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from "../core/slug.ts";
import { codePoint, FORBIDDEN_CHARACTER } from "./file-text.ts";

// The schemas are made once; every message is a function, so that it is said in the language of the run.

/** Non-empty text; the message says what a person must write, `what` being a key of the messages. */
const text = (whatKey: MessageKey) => {
  const what = () => say(whatKey);
  return (
    z
      .string({ error: (issue) => (issue.input === undefined ? say("required", { what: what() }) : say("expectedText", { what: what(), found: describe(issue.input) })) })
      .trim()
      .min(1, { error: () => say("emptyValue", { what: what() }) })
      // Zero-width spaces, joiners and direction marks are not whitespace to trim(), yet show nothing.
      .refine((value) => !/^\p{Cf}+$/u.test(value), { error: () => say("invisibleOnly", { what: what() }) })
      // A YAML escape ("\x01") gives characters the file itself may not hold (see file-text.ts).
      .refine((value) => !FORBIDDEN_CHARACTER.test(value), {
        error: (issue) => {
          const found = FORBIDDEN_CHARACTER.exec(String(issue.input));
          const where = found ? say("controlCharacterAt", { codePoint: codePoint(found[0]), index: String(found.index + 1) }) : say("controlCharacterSome");
          return say("controlCharacterIn", { what: what(), found: where });
        },
      })
  );
};

/** A publication time, kept as a string by the YAML reader and read here in Vietnam time. */
const date = z
  .string({
    error: (issue) =>
      issue.input === undefined ? say("dateRequired") : say("dateNotText", { found: describe(issue.input) }),
  })
  .transform((value, ctx): DateTime => {
    const parsed = parseArticleDate(value);
    if (parsed.ok) return parsed.date;
    ctx.addIssue({ code: "custom", message: say("dateInvalid", { reason: parsed.reason, value }) });
    return z.NEVER;
  });

const url = (whatKey: MessageKey) =>
  text(whatKey).refine((value) => /^https?:\/\/[^\s/]+/i.test(value), { error: (issue) => say("expectedUrl", { what: say(whatKey), found: describe(issue.input) }) });

const trueOrFalse = () => z.boolean({ error: (issue) => say("expectedBoolean", { found: describe(issue.input) }) });

/** Front matter of an article (content/**\/*.md). */
export const articleSchema = z.strictObject({
  /** Headline. */
  title: text("whatTitle"),
  /** Publication time: `YYYY-MM-DD HH:mm[:ss]` in Vietnam time, or ISO 8601 with an offset. */
  date,
  /** Category display name; its slug names the category page. */
  category: text("whatCategory"),
  /** Shown as "Theo {source}". */
  source: text("whatSource").optional(),
  /** Signature under the article. */
  author: text("whatAuthor").optional(),
  /** The author's position, shown after the name. */
  author_title: text("whatAuthorTitle").optional(),
  /** View count carried over from the legacy portal. */
  views: z
    .number({ error: (issue) => say("viewsWithSeparators", { found: describe(issue.input) }) })
    .int({ error: (issue) => say("wholeNumberFound", { found: describe(issue.input) }) })
    .min(0, { error: (issue) => say("wholeNumberFound", { found: describe(issue.input) }) })
    .optional(),
  /** List excerpt and meta description; default: the start of the first paragraph. */
  summary: text("whatSummary").optional(),
  /** Keywords. */
  tags: z.array(text("whatTag"), { error: (issue) => say("tagsNotList", { found: describe(issue.input) }) }).optional(),
  /** Overrides the slug made from the title. */
  slug: z
    .string({ error: (issue) => say("slugNotText", { found: describe(issue.input) }) })
    .regex(SLUG_PATTERN, { error: (issue) => say("slugPattern", { found: describe(issue.input) }) })
    // A longer one makes a folder name the file system may refuse; slugs made from titles stop here too.
    .max(MAX_SLUG_LENGTH, { error: (issue) => say("slugTooLong", { max: MAX_SLUG_LENGTH, length: String(issue.input).length }) })
    .optional(),
  /** Cover image: a path under static/ or an http(s) URL (checked by media.ts). */
  image: text("whatImage").optional(),
  /** The article's address on the old portal. */
  legacy_url: url("whatLegacyUrl").optional(),
  /** A draft is neither built nor indexed. */
  draft: trueOrFalse().optional(),
});
export type ArticleFrontMatter = z.output<typeof articleSchema>;

/** Front matter of a video entry (content/video/*.md). */
export const videoSchema = z
  .strictObject({
    title: text("whatTitle"),
    date,
    /** A path under static/, e.g. media/videos/clip.webm. */
    file: text("whatVideoFile")
      .refine((value) => !/^[/\\]|(^|[/\\])\.\.([/\\]|$)|^[a-z]+:/i.test(value), {
        error: (issue) => say("videoFilePath", { found: describe(issue.input) }),
      })
      .optional(),
    /** An external address of the video. */
    url: url("whatVideoUrl").optional(),
    summary: text("whatSummary").optional(),
    draft: trueOrFalse().optional(),
  })
  .refine((video) => (video.file === undefined) !== (video.url === undefined), {
    error: () => say("videoFileOrUrl"),
    path: ["file"],
  });
export type VideoFrontMatter = z.output<typeof videoSchema>;

/** Git hosts the CMS can save to (Decap CMS backends). */
export const CMS_BACKENDS = ["github", "gitlab", "gitea", "forgejo"] as const;

const positiveInt = (whatKey: MessageKey) => {
  const error = () => say("positiveWholeNumber", { what: say(whatKey) });
  return z.int({ error }).min(1, { error });
};

/** Site settings (content/_data/site.json). */
export const settingsSchema = z.strictObject({
  /** Site title in the header and feeds. */
  title: text("whatSiteTitle"),
  /** One sentence for the home page's meta description and the feed. */
  description: text("whatDescription").optional(),
  /** Absolute URL of the hosted site, used by feeds and the sitemap. */
  url: url("whatSiteUrl").transform((value) => value.replace(/\/+$/, "")),
  language: z.literal("vi", { error: () => say("expectedLiteral", { value: "vi" }) }).default("vi"),
  timeZone: z.literal("Asia/Ho_Chi_Minh", { error: () => say("expectedLiteral", { value: "Asia/Ho_Chi_Minh" }) }).default("Asia/Ho_Chi_Minh"),
  /** Articles per page on the home page, and on year and day pages. */
  pageSize: positiveInt("whatPageSize").default(10),
  /** Articles per page on category pages. */
  categoryPageSize: positiveInt("whatCategoryPageSize").default(10),
  /** How many newer and older articles an article page lists. */
  relatedCount: positiveInt("whatRelatedCount").default(5),
  /** Hosts whose <iframe> embeds the body may keep. */
  iframeHosts: z.array(text("whatHost"), { error: (issue) => say("expectedList", { found: describe(issue.input) }) }).default([]),
  /** Display names of categories, by category slug or by the name as captured. */
  categories: z.record(z.string(), text("whatCategoryName"), { error: (issue) => say("expectedNames", { found: describe(issue.input) }) }).default({}),
  /** Where the CMS at /quan-tri/ saves on the hosted site (src/cms/config.ts); without it, it saves only through the local proxy (npm run cms). */
  cms: z
    .strictObject({
      /** The git host of the repository. */
      backend: z.enum(CMS_BACKENDS, { error: (issue) => say("expectedOneOf", { choices: CMS_BACKENDS.join(", "), found: describe(issue.input) }) }),
      /** The repository, "owner/name" (a GitLab group path may have more parts). */
      repo: text("whatRepository").refine((value) => /^[^\s/]+(\/[^\s/]+)+$/.test(value), { error: (issue) => say("expectedRepository", { found: describe(issue.input) }) }),
      /** The branch the CMS commits to, the one the site is built from. */
      branch: text("whatBranch").default("main"),
      /** The OAuth service that signs editors in to GitHub (its base URL), or a self-hosted GitLab, Gitea or Forgejo. */
      baseUrl: url("whatSignInUrl").optional(),
      /** The API of a self-hosted GitLab, Gitea or Forgejo. */
      apiRoot: url("whatApiRoot").optional(),
      /** The id of the OAuth application (GitLab, Gitea, Forgejo: sign-in without a service of its own). */
      appId: text("whatAppId").optional(),
    })
    .optional(),
  /** Figures kept from the legacy portal. */
  legacy: z
    .strictObject({
      /** The archived visit counter ("Số lượt truy cập"). */
      visitCounter: z
        .int({ error: (issue) => say("wholeNumberFound", { found: describe(issue.input) }) })
        .min(0, { error: (issue) => say("wholeNumberFound", { found: describe(issue.input) }) })
        .optional(),
    })
    .default({}),
});
export type Settings = z.output<typeof settingsSchema>;

/** Short, readable rendering of a bad value for messages. */
export function describe(value: unknown): string {
  if (value === undefined) return say("foundNothing");
  if (value === null) return say("foundEmpty");
  if (Array.isArray(value)) return say("foundList");
  if (typeof value === "object") return say("foundObject");
  // A control character would reach the terminal as is; it is named instead.
  const visible = (text: string) => text.replace(new RegExp(FORBIDDEN_CHARACTER.source, "g"), codePoint);
  if (typeof value === "string") return `"${visible(value.length > 60 ? `${value.slice(0, 57)}…` : value)}"`;
  if (typeof value === "number") return say("foundNumber", { value: String(value) });
  if (typeof value === "boolean") return say("foundBoolean", { value: String(value) });
  return say("foundOther", { type: typeof value, value: String(value) });
}
