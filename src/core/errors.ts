import path from "node:path";
import { say } from "./messages.ts";

/** One thing wrong in one file, said so that an editor can fix it. */
export interface Problem {
  /** The file, as the editor would type it. */
  file: string;
  /** The front-matter field, when the problem is in one. */
  field?: string;
  /** Line in the file, when known. */
  line?: number;
  /** What is wrong and what is expected. */
  message: string;
  /** What sort of problem, for scripts (`npm run check -- --json`); "content" when not given. */
  kind?: string;
}

export function formatProblem(problem: Problem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  return problem.field === undefined ? `${where}: ${problem.message}` : `${where}: \`${problem.field}\`: ${problem.message}`;
}

/**
 * A failure the user caused and can fix (a wrong folder, a refused output folder, bad settings):
 * its message says what and where in one line, and the CLI prints it alone, without a stack trace,
 * then exits with `status`. Any layer may throw one.
 */
export class UserError extends Error {
  override name = "UserError";

  constructor(
    message: string,
    readonly status = 1,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Every problem of every content file, raised together so that one run shows them all. */
export class ContentError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    super([problemSummary(problems), ...problems.map((problem) => `  ${formatProblem(problem)}`)].join("\n"));
    this.name = "ContentError";
    this.problems = problems;
  }
}

/** "2 problems in 2 files:", the line above a list of problems. */
function problemSummary(problems: readonly Problem[]): string {
  return say("problemSummary", { problems: problems.length, files: new Set(problems.map((problem) => problem.file)).size });
}

/**
 * A ContentError as the commands print it: the count, then one problem a line, each file under
 * `contentDir` as the editor would open it.
 */
export function problemLines(error: ContentError, contentDir: string): string[] {
  return [problemSummary(error.problems), ...error.problems.map((problem) => `  ${formatProblem({ ...problem, file: path.join(contentDir, problem.file) })}`)];
}

/** An error and those it wraps, outermost first: Eleventy's `originalError`, or the standard `cause`. */
export function errorChain(error: unknown): Error[] {
  const chain: Error[] = [];
  for (let current: unknown = error; current instanceof Error && !chain.includes(current); ) {
    chain.push(current);
    const wrapped = current as Error & { originalError?: unknown };
    current = wrapped.originalError ?? wrapped.cause;
  }
  return chain;
}

/**
 * Finds a ContentError however deep a framework wrapped it. Checked by name, not instanceof:
 * Eleventy loads the config through its own module loader, which may hold a second copy of this class.
 */
export function findContentError(error: unknown): ContentError | undefined {
  return errorChain(error).find((link): link is ContentError => link.name === "ContentError" && Array.isArray((link as ContentError).problems));
}

/** The closest known name to a misspelt one, if it is close enough to be a likely typo. */
export function suggest(name: string, known: readonly string[]): string | undefined {
  const best = closest(name.toLowerCase(), known);
  return best && best.distance <= Math.max(2, Math.floor(name.length / 3)) ? known[best.index] : undefined;
}

/** The index of the known name fewest edits away from `name` (the first of a tie), however far; undefined when none is known. */
export function closest(name: string, known: readonly string[]): { index: number; distance: number } | undefined {
  let best: { index: number; distance: number } | undefined;
  known.forEach((candidate, index) => {
    const distance = editDistance(name, candidate);
    if (!best || distance < best.distance) best = { index, distance };
  });
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
