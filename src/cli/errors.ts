// Wrong usage, and content problems turned into one UserError (core/errors.ts). main.ts prints
// both as their message alone, without a stack trace, which it keeps for what nobody could have
// caused from the command line.
import path from "node:path";
import { findContentError, formatProblem, UserError } from "../core/errors.ts";

/** Wrong arguments: main.ts adds the command and its synopsis, and the exit status is 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * Runs `work`; bad content becomes a UserError with every problem on a line of its own, each file
 * as the editor would open it: under the content folder as it was given.
 */
export async function reportingContentProblems<T>(contentDir: string, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const contentError = findContentError(error);
    if (!contentError) throw error;
    const problems = contentError.problems.map((problem) => `  ${formatProblem({ ...problem, file: path.join(contentDir, problem.file) })}`);
    throw new UserError([contentError.message.split("\n")[0], ...problems].join("\n"));
  }
}
