// The one argument parser of every command, on node:util's parseArgs. A command declares its
// options and positionals once: they make its usage text, its checks and the types of its values.
import { parseArgs } from "node:util";
import { currentLanguage, say } from "../core/messages.ts";
import { UsageError } from "./errors.ts";
import { VIETNAMESE_HELP } from "./help.ts";
import type { IO } from "./io.ts";

/**
 * An option as a command declares it; `value` names its argument in the usage, `help` says what it
 * does. The help texts of a command are its English help; help.ts has them in Vietnamese.
 */
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
  /** In the current language, as the two below. */
  summary(): string;
  /** The whole help text. */
  usage(): string;
  /** Its options, as help.ts must say them in Vietnamese. */
  optionNames: readonly string[];
  /** Answers --help or -h with the usage, doing nothing else; otherwise parses `args` and runs. Throws UsageError for wrong arguments. */
  run(args: readonly string[], io: IO): Promise<number>;
  /** Whether `args` ask for --debug, read as leniently as --help, so that it is known even when they are wrong. */
  wantsDebug(args: readonly string[]): boolean;
  /** The value of the last --lang of `args`, read as leniently; undefined when none is given. */
  languageAsked(args: readonly string[]): string | undefined;
}

/** Options every command takes besides its own: main.ts acts on --debug and --lang, defineCommand on --help. */
const GLOBAL_OPTIONS = { help: { type: "boolean", short: "h" }, debug: { type: "boolean" }, lang: { type: "string" } } as const;

export function defineCommand<const O extends OptionSpecs>(spec: CommandSpec<O>): Command {
  const synopsis = `${spec.invocation} ${spec.arguments}`;
  const usage = () => usageText(synopsis, spec);
  return {
    name: spec.name,
    synopsis,
    summary: () => helpOf(spec).summary,
    usage,
    optionNames: Object.keys(spec.options),
    async run(args, io) {
      if (asksFor("help", args, spec.options)) {
        io.stdout.write(usage());
        return 0;
      }
      return spec.run(parse(args, spec), io);
    },
    wantsDebug: (args) => asksFor("debug", args, spec.options),
    languageAsked: (args) => optionTokens(args, spec.options).filter((token) => token.name === "lang").at(-1)?.value,
  };
}

/** The texts of a command's help in the current language: Vietnamese from help.ts, English as declared. */
function helpOf(spec: CommandSpec<OptionSpecs>): { summary: string; description: string; notes?: string; missing?: string; option: (name: string) => string } {
  const vietnamese = currentLanguage() === "vi" ? VIETNAMESE_HELP[spec.name] : undefined;
  return {
    summary: vietnamese?.summary ?? spec.summary,
    description: vietnamese?.description ?? spec.description,
    notes: vietnamese?.notes ?? spec.notes,
    missing: vietnamese?.missing ?? spec.positionals?.missing,
    option: (name) => vietnamese?.options[name] ?? spec.options[name]!.help,
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
function asksFor(name: "help" | "debug", args: readonly string[], options: OptionSpecs): boolean {
  return optionTokens(args, options).some((token) => token.name === name);
}

/** The options `args` give, read leniently: right or wrong, up to a "--". */
function optionTokens(args: readonly string[], options: OptionSpecs): { name: string; value?: string | undefined }[] {
  const { tokens } = parseArgs({ args: [...args], options: parserOptions(options), strict: false, allowPositionals: true, tokens: true });
  return tokens.flatMap((token) => (token.kind === "option" ? [{ name: token.name, value: token.value }] : []));
}

function parse<O extends OptionSpecs>(args: readonly string[], spec: CommandSpec<O>): { values: OptionValues<O>; positionals: string[] } {
  const positionals = spec.positionals ?? { min: 0, max: 0, missing: "" };
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options: parserOptions(spec.options), strict: true, allowPositionals: positionals.max > 0 });
  } catch (error) {
    throw new UsageError(parseProblem(error));
  }
  if (parsed.positionals.length < positionals.min) throw new UsageError(helpOf(spec).missing ?? positionals.missing);
  if (parsed.positionals.length > positionals.max) throw new UsageError(say("unexpectedArgument", { argument: parsed.positionals[positionals.max]! }));
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
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return say("unknownOption", { option: quoted });
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return say("unexpectedArgument", { argument: quoted });
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    if (/does not take an argument/.test(message)) return say("optionTakesNoValue", { option: quoted });
    if (/ambiguous/.test(message)) return say("optionNeedsValueDash", { option: quoted });
    return say("optionNeedsValue", { option: quoted });
  }
  throw error;
}

/** Synopsis, description, one aligned line an option (defaults said), --debug, --lang, --help, notes; in the current language. */
function usageText(synopsis: string, spec: CommandSpec<OptionSpecs>): string {
  const help = helpOf(spec);
  const rows = Object.entries(spec.options).map(([name, option]): [string, string] =>
    option.type === "string"
      ? [`--${name} ${option.value}`, option.default === undefined ? help.option(name) : say("helpDefault", { help: help.option(name), value: option.default })]
      : [`--${name}`, help.option(name)],
  );
  rows.push(["--debug", say("helpDebug")], ["--lang vi|en", say("helpLang")], ["-h, --help", say("helpHelp")]);
  const width = Math.max(...rows.map(([left]) => left.length));
  const indent = (text: string) => text.split("\n").map((line) => (line ? `  ${line}` : line));
  const lines = [synopsis, "", ...indent(help.description), "", ...rows.map(([left, text]) => `  ${left.padEnd(width)}   ${text}`)];
  if (help.notes) lines.push("", ...indent(help.notes));
  return `${lines.join("\n")}\n`;
}
