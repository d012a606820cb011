// `bantin <command> …`, run through the npm scripts: finds the command, runs it, and turns what
// went wrong into an exit status and a message. One module a command; the parser is args.ts.
import fs from "node:fs";
import { pathToFileURL } from "node:url";
import { isLanguage, languageOfEnvironment, say, setLanguage } from "../core/messages.ts";
import type { Command } from "./args.ts";
import { buildCommand } from "./build.ts";
import { checkCommand } from "./check.ts";
import { cmsCommand } from "./cms.ts";
import { errorReport, UsageError } from "./errors.ts";
import { importCommand } from "./import.ts";
import type { IO } from "./io.ts";
import { newCommand } from "./new.ts";
import { offlineCommand } from "./offline.ts";
import { zimCommand } from "./zim.ts";
import { serveCommand } from "./serve.ts";

export const COMMANDS: readonly Command[] = [buildCommand, serveCommand, checkCommand, offlineCommand, zimCommand, importCommand, newCommand, cmsCommand];

/** Summaries start in this column of the list of commands; after a longer synopsis, on the next line. */
const SUMMARY_COLUMN = 49;

function commandList(): string {
  const lines = COMMANDS.map(({ synopsis, summary }) => {
    const line = `  ${synopsis}`;
    return line.length < SUMMARY_COLUMN - 1 ? `${line.padEnd(SUMMARY_COLUMN)}${summary()}` : `${line}\n${" ".repeat(SUMMARY_COLUMN)}${summary()}`;
  });
  return `${say("helpTitle")}\n\n${lines.join("\n")}\n\n  ${say("helpEachCommand")}\n  ${say("helpDebugLine")}\n  ${say("helpLangLine")}\n`;
}

/** The options that may stand before the command: --debug, and --lang with its value. */
function leadingOptions(argv: readonly string[]): { start: number; debug: boolean; language?: string } {
  let start = 0;
  let debug = false;
  let language: string | undefined;
  for (;;) {
    const arg = argv[start];
    if (arg === "--debug") debug = true;
    else if (arg?.startsWith("--lang=")) language = arg.slice("--lang=".length);
    else if (arg === "--lang" && argv[start + 1] !== undefined) language = argv[++start];
    else return { start, debug, language };
    start++;
  }
}

/**
 * Runs `bantin` with `argv` (the arguments after the program) and resolves to its exit status:
 * 0 done, 1 failed, 2 wrong usage. Never throws, and is the one place that prints errors: what a
 * command throws is one line (errors.ts), with its stack trace after `--debug`. `--debug` and
 * `--lang` may stand before the command or among its arguments; the language is set for the whole
 * run, Vietnamese unless `--lang en` or an English locale in `io.env` asks for English.
 */
export async function run(argv: readonly string[], io: IO): Promise<number> {
  const leading = leadingOptions(argv);
  const [name, ...args] = argv.slice(leading.start);
  const command = COMMANDS.find((candidate) => candidate.name === name);
  const asked = command?.languageAsked(args) ?? leading.language;
  setLanguage(asked !== undefined && isLanguage(asked) ? asked : languageOfEnvironment(io.env));
  try {
    if (asked !== undefined && !isLanguage(asked)) throw new UsageError(say("unknownLanguage", { value: asked }));
    if (name === undefined || name === "--help" || name === "-h") {
      io.stdout.write(commandList());
      return 0;
    }
    if (!command) {
      io.stderr.write(`${say("unknownCommand", { name, commands: COMMANDS.map((known) => known.name).join(", ") })}\n`);
      return 2;
    }
    return await command.run(args, io);
  } catch (error) {
    // A wrong --lang before any command has no usage line to add.
    const { message, status } = command ? errorReport(error, command, leading.debug || command.wantsDebug(args)) : { message: (error as Error).message, status: 2 };
    io.stderr.write(`${message}\n`);
    return status;
  }
}

/** True when this module is the program (`tsx src/cli/main.ts …`), not a test importing run(). */
function isProgram(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return pathToFileURL(fs.realpathSync(script)).href === import.meta.url;
  } catch {
    return false;
  }
}

if (isProgram()) {
  void run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env }).then((status) => {
    process.exitCode = status;
  });
}
