// Ids in the raw HTML of a body. An id is kept, so that in-article anchors (<a href="#ghi-chu">
// to id="ghi-chu") keep working, but it must be unique on its page: one that repeats an id of the
// page around it (the main landmark, a heading that aria-labelledby names) or another id of the
// body makes the HTML invalid and takes the skip link or the label to the wrong element. Such an
// id is a problem for the editor to rename, not something to rewrite behind their back.
import type { Problem } from "../core/errors.ts";
import { say } from "../core/messages.ts";

/**
 * Ids the layouts give elements of the pages that carry a body or a video anchor: every page's
 * header and sidebar (layouts/_includes/base.njk, sidebar.njk, date-picker.njk) and the article
 * page (pages/article.njk). tests/unit/body-ids.test.ts reads those layouts to keep this whole.
 */
export const LAYOUT_IDS: ReadonlySet<string> = new Set([
  "search-query",
  "noi-dung",
  "sidebar-categories",
  "sidebar-dates",
  "date-sidebar",
  "sidebar-videos",
  "tin-moi-hon",
  "tin-da-dua",
]);

export interface BodyId {
  id: string;
  /** Line of the file where the id is written, when it can be found. */
  line?: number;
}

/**
 * The ids of sanitised body HTML, in order. Read from sanitize-html's output, which writes every
 * attribute as name="value" with quotes in values escaped and escapes "<" in text, so the pattern
 * cannot be fooled by text or by another attribute's value. No other allowed attribute ends in "id".
 */
export function htmlIds(html: string): string[] {
  return [...html.matchAll(/<[a-z][a-z0-9]*\s[^>]*?(?<=\s)id="([^"]*)"/g)].map((match) => decodeEntities(match[1]!));
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"' };
/** An attribute value of sanitize-html's output as written in the body: it escapes only these four. */
export const decodeEntities = (value: string) => value.replace(/&(amp|lt|gt|quot);/g, (_, name: string) => ENTITIES[name]!);

/** Each id with the line of the body where it is written: the n-th id "x" at the n-th id="x" of the Markdown. */
export function locateIds(ids: readonly string[], body: string, bodyLine: number): BodyId[] {
  const searchFrom = new Map<string, number>();
  return ids.map((id) => {
    const attribute = new RegExp(`(?<![\\w-])[iI][dD]\\s*=\\s*["']?${id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?=["'\\s>/]|$)`, "gm");
    attribute.lastIndex = searchFrom.get(id) ?? 0;
    const match = attribute.exec(body);
    if (!match) return { id };
    searchFrom.set(id, attribute.lastIndex);
    return { id, line: bodyLine + body.slice(0, match.index).split("\n").length - 1 };
  });
}

/** An id that is empty or not one word, that the layout uses, or that the body gives twice. */
export function bodyIdProblems(file: string, ids: readonly BodyId[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, BodyId>();
  for (const { id, line } of ids) {
    const at = (message: string) => problems.push({ file, line, message });
    if (!/^\S+$/.test(id)) at(say("idNotOneWord", { id: JSON.stringify(id) }));
    else if (LAYOUT_IDS.has(id)) at(say("idOfLayout", { id, advice: say("renameId") }));
    else if (seen.has(id)) at(say("idTwice", { id, lines: lineNote(seen.get(id)!.line, line), advice: say("renameOneId") }));
    else seen.set(id, { id, line });
  }
  return problems;
}

const lineNote = (first: number | undefined, second: number | undefined) =>
  first === undefined || second === undefined ? "" : say("idLines", { first: String(first), second: String(second) });

export interface VideoIds {
  file: string;
  /** Its anchor on the video page. */
  id: string;
  /** The ids of its description. */
  bodyIds: readonly BodyId[];
}

/**
 * The video page holds every video's anchor and description: an id of one description must not
 * be another video's anchor or an id of an earlier description.
 */
export function videoPageIdProblems(videos: readonly VideoIds[]): Problem[] {
  const anchors = new Map(videos.map((video) => [video.id, video.file]));
  const described = new Map<string, string>();
  const problems: Problem[] = [];
  for (const video of videos) {
    const own = new Set<string>();
    for (const { id, line } of video.bodyIds) {
      const anchorOf = anchors.get(id);
      const earlier = described.get(id);
      if (anchorOf !== undefined) problems.push({ file: video.file, line, message: say("idIsVideoAnchor", { id, file: anchorOf, advice: say("renameId") }) });
      else if (earlier !== undefined && earlier !== video.file) problems.push({ file: video.file, line, message: say("idOfEarlierVideo", { id, file: earlier, advice: say("renameOneId") }) });
      own.add(id);
    }
    for (const id of own) if (!described.has(id)) described.set(id, video.file);
  }
  return problems;
}
