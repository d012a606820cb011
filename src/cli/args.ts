// The one argument parser of every command, on node:util's parseArgs. A command declares its
// options and positionals once: they make its usage text, its checks and the types of its values.
import { parseArgs } from "node:util";
import { UsageError } from "./errors.ts";
import type { IO } from "./io.ts";

/** An option as a command declares it; `value` names its argument in the usage, `help` says what it does. */
export type OptionSpec = { type: "string"; value: string; help: string; default?: string } | { type: "boolean"; help: string };
export type OptionSpecs = Record<string, OptionSpec>;

/** A boolean is false when absent; a string with a default is always a string. */
export type OptionValues<O extends OptionSpecs> = {
  [K in keyof O]: O[K] extends { type: "boolean" } ? boolean : O[K] extends { default: string } ? string : string | undefined;
};

export interface PositionalSpec {
  min: number;
  /** Infinity for any number. */
  max: number;
  /** What to say when fewer than `min` are given. */
  missing: string;
}

export interface CommandSpec<O extends OptionSpecs> {
  /** The word after `bantin`, e.g. "build". */
  name: string;
  /** How a user types it, e.g. "npm run build --". */
  invocation: string;
  /** The arguments after the invocation, as the usage shows them. */
  arguments: string;
  /** For the list of commands. */
  summary: string;
  /** Lines under the synopsis. */
  description: string;
  options: O;
  /** None when left out. */
  positionals?: PositionalSpec;
  /** Lines after the options. */
  notes?: string;
  run(parsed: { values: OptionValues<O>; positionals: string[] }, io: IO): number | Promise<number>;
}

export interface Command {
  name: string;
  /** One line: invocation and arguments. */
  synopsis: string;
  summary: string;
  /** The whole help text. */
  usage: string;
  /** Answers --help or -h with the usage, doing nothing else; otherwise parses `args` and runs. Throws UsageError for wrong arguments. */
  run(args: readonly string[], io: IO): Promise<number>;
  /** Whether `args` ask for --debug, read as leniently as --help, so that it is known even when they are wrong. */
  wantsDebug(args: readonly string[]): boolean;
}

/** Options every command takes besides its own: main.ts acts on --debug, defineCommand on --help. */
const GLOBAL_OPTIONS = { help: { type: "boolean", short: "h" }, debug: { type: "boolean" } } as const;

export function defineCommand<const O extends OptionSpecs>(spec: CommandSpec<O>): Command {
  const synopsis = `${spec.invocation} ${spec.arguments}`;
  const usage = usageText(synopsis, spec);
  return {
    name: spec.name,
    synopsis,
    summary: spec.summary,
    usage,
    async run(args, io) {
      if (asksFor("help", args, spec.options)) {
        io.stdout.write(usage);
        return 0;
      }
      return spec.run(parse(args, spec), io);
    },
    wantsDebug: (args) => asksFor("debug", args, spec.options),
  };
}

/** The options as parseArgs takes them, with --help, -h and --debug added. */
function parserOptions(options: OptionSpecs) {
  const parser: Record<string, { type: "string" | "boolean"; default?: string; short?: string }> = { ...GLOBAL_OPTIONS };
  for (const [name, option] of Object.entries(options)) parser[name] = option.type === "string" && option.default !== undefined ? { type: "string", default: option.default } : { type: option.type };
  return parser;
}

/**
 * True when a global option (--help or -h, --debug) stands as an option anywhere before a "--":
 * read leniently, so that it counts whatever the other arguments are, right or wrong, while
 * `--out -h` or `-- -h` stay what they are.
 */
function asksFor(name: keyof typeof GLOBAL_OPTIONS, args: readonly string[], options: OptionSpecs): boolean {
  const { tokens } = parseArgs({ args: [...args], options: parserOptions(options), strict: false, allowPositionals: true, tokens: true });
  return tokens.some((token) => token.kind === "option" && token.name === name);
}

function parse<O extends OptionSpecs>(args: readonly string[], spec: CommandSpec<O>): { values: OptionValues<O>; positionals: string[] } {
  const positionals = spec.positionals ?? { min: 0, max: 0, missing: "" };
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options: parserOptions(spec.options), strict: true, allowPositionals: positionals.max > 0 });
  } catch (error) {
    throw new UsageError(parseProblem(error));
  }
  if (parsed.positionals.length < positionals.min) throw new UsageError(positionals.missing);
  if (parsed.positionals.length > positionals.max) throw new UsageError(`unexpected argument "${parsed.positionals[positionals.max]}"`);
  const values: Record<string, string | boolean | undefined> = {};
  for (const [name, option] of Object.entries(spec.options)) values[name] = option.type === "boolean" ? parsed.values[name] === true : parsed.values[name];
  // The one place the declared specs and the parsed values meet: parseArgs checked each type above.
  return { values: values as OptionValues<O>, positionals: parsed.positionals };
}

/** parseArgs's error as one short line naming the argument. */
function parseProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const message = (error as Error).message;
  const quoted = /'([^']*?)(?: <value>)?'/.exec(message)?.[1] ?? "";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `unknown option ${quoted}`;
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return `unexpected argument "${quoted}"`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    if (/does not take an argument/.test(message)) return `option ${quoted} takes no value`;
    if (/ambiguous/.test(message)) return `option ${quoted} needs a value; write ${quoted}=VALUE for one that starts with "-"`;
    return `option ${quoted} needs a value`;
  }
  throw error;
}

/** Synopsis, description, one aligned line an option (defaults said), --help, notes. */
function usageText(synopsis: string, spec: CommandSpec<OptionSpecs>): string {
  const rows = Object.entries(spec.options).map(([name, option]): [string, string] =>
    option.type === "string" ? [`--${name} ${option.value}`, option.default === undefined ? option.help : `${option.help} (default: ${option.default})`] : [`--${name}`, option.help],
  );
  rows.push(["--debug", "print the stack trace of an error (also before the command)"], ["-h, --help", "print this help and do nothing else"]);
  const width = Math.max(...rows.map(([left]) => left.length));
  const indent = (text: string) => text.split("\n").map((line) => (line ? `  ${line}` : line));
  const lines = [synopsis, "", ...indent(spec.description), "", ...rows.map(([left, help]) => `  ${left.padEnd(width)}   ${help}`)];
  if (spec.notes) lines.push("", ...indent(spec.notes));
  return `${lines.join("\n")}\n`;
}
