// What a command can throw, and how main.ts says it: wrong usage, content problems turned into one
// UserError (core/errors.ts), files the system refused, and what nobody could have caused from the
// command line. Each is one line (a UserError may list problems on more); --debug adds the stack trace.
import { errorChain, findContentError, problemLines, UserError } from "../core/errors.ts";
import { say } from "../core/messages.ts";

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
    throw new UserError(problemLines(contentError, contentDir).join("\n"));
  }
}

/** What run() prints for an error that `command` threw, and the exit status. */
export function errorReport(error: unknown, command: { name: string; synopsis: string }, debug: boolean): { message: string; status: number } {
  if (error instanceof UsageError) return { message: say("usageProblem", { command: command.name, problem: error.message, synopsis: command.synopsis }), status: 2 };
  const trace = debug ? `\n${stackTrace(error)}` : "";
  if (error instanceof UserError) return { message: `${error.message}${trace}`, status: error.status };
  // A file the system refused (missing, not allowed, no space): its message names the call and the path.
  if (isSystemError(error)) return { message: `${command.name}: ${error.message}${trace}`, status: 1 };
  if (debug) return { message: stackTrace(error), status: 1 };
  const what = error instanceof Error ? `${error.name}: ${error.message.split("\n")[0]}` : String(error).split("\n")[0]!;
  return { message: say("unexpectedError", { command: command.name, what }), status: 1 };
}

function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string" && typeof (error as NodeJS.ErrnoException).syscall === "string";
}

/** The stack of an error and of each error it wraps (`cause`, or Eleventy's `originalError`). */
function stackTrace(error: unknown): string {
  const chain = errorChain(error);
  if (chain.length === 0) return String(error);
  return chain.map((link) => link.stack ?? `${link.name}: ${link.message}`).join("\nCaused by: ");
}
