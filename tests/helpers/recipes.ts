// The publishing recipes (README, "Xuất bản") as the tests read them: the CI files as YAML, the nginx
// server block as directives, `_headers` as rules, and the commands they run turned into the
// bantin commands that `npm run` would start.
import fs from "node:fs";
import path from "node:path";
import { CORE_SCHEMA, load } from "js-yaml";
import { PROJECT } from "./paths.ts";

export const GITHUB_WORKFLOW = path.join(PROJECT, ".github/workflows/xuat-ban.yml");
export const GITLAB_CI = path.join(PROJECT, ".gitlab-ci.yml");
export const NGINX_CONF = path.join(PROJECT, "docs/xuat-ban/nginx.conf");

/** The parts of a GitHub Actions workflow the tests read. */
export interface Workflow {
  on: Record<string, { branches?: string[] } | null>;
  permissions?: Record<string, string>;
  jobs: Record<string, WorkflowJob>;
}
export interface WorkflowJob {
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  environment?: { name: string; url?: string };
  concurrency?: { group: string; "cancel-in-progress"?: boolean };
  env?: Record<string, string>;
  steps: { id?: string; uses?: string; run?: string; with?: Record<string, string>; env?: Record<string, string> }[];
}

/** The parts of a GitLab CI job the tests read. */
export interface GitlabJob {
  rules?: { if: string }[];
  script: string[];
  artifacts?: { paths: string[] };
  cache?: { key: string; paths: string[] };
}

/** A YAML file read as YAML 1.2 (`on:` stays a key), taken to have the shape a test asserts. */
export const readYaml = <T>(file: string): T => load(fs.readFileSync(file, "utf8"), { schema: CORE_SCHEMA }) as T;

/**
 * A command line split as sh splits it, for the simple lines the recipes use: words, "double" and
 * 'single' quotes, $NAME and ${NAME} expanded from `env` outside single quotes. A variable `env`
 * lacks, or anything else sh would read specially (;, |, &, <, >, `, \), is an error.
 */
export function shellWords(line: string, env: Record<string, string> = {}): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quote === "'" ? char === "'" : quote === '"' ? char === '"' : false) {
      quote = undefined;
    } else if (!quote && (char === '"' || char === "'")) {
      quote = char;
      word ??= "";
    } else if (char === "$" && quote !== "'") {
      const name = /^\$(?:\{(\w+)\}|(\w+))/.exec(line.slice(i));
      if (!name) throw new Error(`a "$" that is not a variable in: ${line}`);
      const value = env[name[1] ?? name[2]!];
      if (value === undefined) throw new Error(`$${name[1] ?? name[2]} is not set for: ${line}`);
      word = (word ?? "") + value;
      i += name[0].length - 1;
    } else if (!quote && /\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (!quote && /[;|&<>`\\]/.test(char)) {
      throw new Error(`"${char}" in: ${line}`);
    } else {
      word = (word ?? "") + char;
    }
  }
  if (quote) throw new Error(`an unclosed quote in: ${line}`);
  if (word !== undefined) words.push(word);
  return words;
}

const SCRIPTS: Record<string, string> = JSON.parse(fs.readFileSync(path.join(PROJECT, "package.json"), "utf8")).scripts;

/**
 * The arguments of `bantin` that `npm run <script> [-- args…]` runs: the command its package.json
 * script names, then the arguments after "--". An error for a script package.json lacks, or one
 * that does not run bantin.
 */
export function bantinArgs(line: string, env: Record<string, string> = {}): string[] {
  const [npm, run, script, ...rest] = shellWords(line, env);
  if (npm !== "npm" || run !== "run" || script === undefined) throw new Error(`not an npm script: ${line}`);
  const command = SCRIPTS[script];
  if (command === undefined) throw new Error(`package.json has no script "${script}"`);
  const name = /\bsrc\/cli\/main\.ts (\w+)$/.exec(command)?.[1];
  if (!name) throw new Error(`the script "${script}" does not run bantin: ${command}`);
  if (rest.length > 0 && rest[0] !== "--") throw new Error(`arguments to npm itself, not to the script: ${line}`);
  return [name, ...rest.slice(1)];
}

/** `args` with the value of `--option` replaced by what `change` makes of it. */
export function withOption(args: readonly string[], option: string, change: (value: string | undefined) => string): string[] {
  const at = args.indexOf(option);
  if (at === -1) return [...args, option, change(undefined)];
  return [...args.slice(0, at + 1), change(args[at + 1]), ...args.slice(at + 2)];
}

/** An nginx directive: its name, its arguments (quotes removed), and its block, if it has one. */
export interface Directive {
  name: string;
  args: string[];
  block?: Directive[];
}

/**
 * An nginx configuration as its directives, read as nginx reads them: words up to ";" or a "{ … }"
 * block, "#" comments to the end of the line, "double" and 'single' quoted words. An unbalanced
 * brace or an unended directive is an error.
 */
export function readNginx(text: string): Directive[] {
  const tokens: string[] = [];
  for (const line of text.split("\n")) {
    for (const match of line.matchAll(/"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([{};])|(#.*$)|([^\s{};"'#]+)/g)) {
      if (match[4] !== undefined) break;
      tokens.push(match[1] ?? match[2] ?? match[3] ?? match[5]!);
    }
  }
  let at = 0;
  const block = (nested: boolean): Directive[] => {
    const directives: Directive[] = [];
    let words: string[] = [];
    while (at < tokens.length) {
      const token = tokens[at++]!;
      if (token === ";") {
        if (words.length === 0) throw new Error("an empty directive");
        directives.push({ name: words[0]!, args: words.slice(1) });
        words = [];
      } else if (token === "{") {
        if (words.length === 0) throw new Error("a block without a directive");
        directives.push({ name: words[0]!, args: words.slice(1), block: block(true) });
        words = [];
      } else if (token === "}") {
        if (!nested || words.length > 0) throw new Error(`an unexpected "}" after ${words.join(" ")}`);
        return directives;
      } else words.push(token);
    }
    if (nested || words.length > 0) throw new Error("the configuration ends inside a block or a directive");
    return directives;
  };
  return block(false);
}

/** The rules of a `_headers` file: each URL pattern with its headers, in order. */
export function readHeaders(text: string): { pattern: string; headers: Record<string, string> }[] {
  const rules: { pattern: string; headers: Record<string, string> }[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: {} });
    else {
      const header = /^\s+([\w-]+):\s*(.*)$/.exec(line);
      if (!header || rules.length === 0) throw new Error(`not a header line: ${line}`);
      rules.at(-1)!.headers[header[1]!.toLowerCase()] = header[2]!;
    }
  }
  return rules;
}

/** Whether a `_headers` pattern matches a URL path as Netlify and Cloudflare Pages match it: "*" any run of characters. */
export function headerPatternMatches(pattern: string, urlPath: string): boolean {
  const source = pattern.split("*").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*");
  return new RegExp(`^${source}$`).test(urlPath);
}
