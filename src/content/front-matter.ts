// The front matter of a content file, read into plain data, and checked against a schema with a
// problem per wrong field.
import matter from "gray-matter";
import { CORE_SCHEMA, dump, load } from "js-yaml";
import type { z } from "zod";
import { type Problem, suggest } from "../core/errors.ts";
import { say } from "../core/messages.ts";
import { describe } from "./schema.ts";

export interface Source {
  data: Record<string, unknown>;
  body: string;
  /** Line of the file where the body starts. */
  bodyLine: number;
  /** Line of each front-matter key in the file. */
  lines: Map<string, number>;
}

// CORE_SCHEMA has no timestamp type, so `date: 2011-09-20 00:30` stays the string the editor wrote
// instead of becoming a UTC Date that lands on the wrong day. It has no JavaScript types either,
// and the opening line must be `---` alone: gray-matter would run the code of a `---js` block.
const matterOptions = {
  engines: {
    yaml: {
      parse: (source: string) => load(source, { schema: CORE_SCHEMA }) as object,
      stringify: (data: object) => dump(data),
    },
  },
};

/** Front matter and body of a content file's text, or undefined with the problem added. */
export function readSource(file: string, text: string, problems: Problem[]): Source | undefined {
  if (!/^---[^\S\r\n]*\r?\n/.test(text)) {
    problems.push({ file, line: 1, message: say("noFrontMatter") });
    return undefined;
  }
  try {
    const parsed = matter(text, matterOptions);
    if (parsed.data === null || typeof parsed.data !== "object" || Array.isArray(parsed.data)) {
      problems.push({ file, line: 2, message: say("frontMatterNotFields", { found: describe(parsed.data) }) });
      return undefined;
    }
    const bodyLine = text.slice(0, text.length - parsed.content.length).split("\n").length;
    return { data: parsed.data as Record<string, unknown>, body: parsed.content, bodyLine, lines: keyLines(text) };
  } catch (error) {
    const mark = (error as { mark?: { line: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    problems.push({
      file,
      // gray-matter hands YAML the text from the newline after `---`, so YAML's line 0 is that opening line.
      line: mark ? mark.line + 1 : undefined,
      // The usual cause of a YAML error in front matter: an unquoted value with ": " in it.
      message: say("frontMatterNotYaml", { reason, hint: /mapping|indentation/.test(reason) ? say("quotingHint") : "" }),
    });
    return undefined;
  }
}

/** The data as the schema reads it, or undefined with a problem for each wrong field. */
export function validate<S extends z.ZodType>(schema: S, data: Record<string, unknown>, file: string, lines: ReadonlyMap<string, number>, problems: Problem[]): z.output<S> | undefined {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const known = Object.keys((schema as unknown as { shape: object }).shape);
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const guess = suggest(key, known);
        problems.push({ file, field: key, line: lines.get(key), message: guess ? say("unknownFieldGuess", { guess }) : say("unknownField", { known: known.join(", ") }) });
      }
      continue;
    }
    const field = issue.path.length > 0 ? issue.path.join(".") : undefined;
    problems.push({ file, field, line: field ? lines.get(String(issue.path[0])) : undefined, message: issue.message });
  }
  return undefined;
}

/** The front-matter field whose value line `line` of the file is part of; undefined in the body or before the first field. */
export function fieldAtLine({ lines, bodyLine }: Pick<Source, "lines" | "bodyLine">, line: number): string | undefined {
  if (line >= bodyLine) return undefined;
  let field: string | undefined;
  let fieldLine = 0;
  for (const [key, keyLine] of lines) if (keyLine <= line && keyLine > fieldLine) [field, fieldLine] = [key, keyLine];
  return field;
}

/** Line of each top-level key in the front matter, so messages point at the line to fix. */
function keyLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const all = text.split(/\r?\n/);
  for (let index = 1; index < all.length && !/^(---|\.\.\.)\s*$/.test(all[index]!); index++) {
    const key = /^([^\s#:][^:]*?)\s*:(\s|$)/.exec(all[index]!)?.[1];
    if (key !== undefined && !lines.has(key)) lines.set(key, index + 1);
  }
  return lines;
}
