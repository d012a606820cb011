// `bantin <command> …`, run through the npm scripts: finds the command, runs it, and turns what
// went wrong into an exit status and a message. One module a command; the parser is args.ts.
import fs from "node:fs";
import { pathToFileURL } from "node:url";
import type { Command } from "./args.ts";
import { buildCommand } from "./build.ts";
import { checkCommand } from "./check.ts";
import { cmsCommand } from "./cms.ts";
import { errorReport } from "./errors.ts";
import { importCommand } from "./import.ts";
import type { IO } from "./io.ts";
import { newCommand } from "./new.ts";
import { offlineCommand } from "./offline.ts";
import { serveCommand } from "./serve.ts";

export const COMMANDS: readonly Command[] = [buildCommand, serveCommand, checkCommand, offlineCommand, importCommand, newCommand, cmsCommand];

/** Summaries start in this column of the list of commands; after a longer synopsis, on the next line. */
const SUMMARY_COLUMN = 49;

function commandList(): string {
  const lines = COMMANDS.map(({ synopsis, summary }) => {
    const line = `  ${synopsis}`;
    return line.length < SUMMARY_COLUMN - 1 ? `${line.padEnd(SUMMARY_COLUMN)}${summary}` : `${line}\n${" ".repeat(SUMMARY_COLUMN)}${summary}`;
  });
  return (
    `bantin — builds a static website from an archive of news bulletins\n\n${lines.join("\n")}\n\n` +
    "  Each command explains itself and its options with --help, e.g. npm run import -- --help\n" +
    "  --debug, before or after the command, prints the stack trace of an error\n"
  );
}

/**
 * Runs `bantin` with `argv` (the arguments after the program) and resolves to its exit status:
 * 0 done, 1 failed, 2 wrong usage. Never throws, and is the one place that prints errors: what a
 * command throws is one line (errors.ts), with its stack trace after `--debug`, which may stand
 * before the command or among its arguments.
 */
export async function run(argv: readonly string[], io: IO): Promise<number> {
  let start = 0;
  while (argv[start] === "--debug") start++;
  const [name, ...args] = argv.slice(start);
  if (name === undefined || name === "--help" || name === "-h") {
    io.stdout.write(commandList());
    return 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr.write(`unknown command "${name}"; the commands are ${COMMANDS.map((known) => known.name).join(", ")}\n`);
    return 2;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    const { message, status } = errorReport(error, command, start > 0 || command.wantsDebug(args));
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
  void run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() }).then((status) => {
    process.exitCode = status;
  });
}
