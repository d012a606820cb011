import { run } from "../../src/cli/main.ts";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `bantin argv…` in this process, as `npm run …` would in `cwd`, and collects what it prints.
 * The environment is `env`, none by default: the messages are in Vietnamese whatever the machine's locale.
 */
export async function bantin(argv: string[], { cwd = process.cwd(), tty = false, env = {} as Record<string, string> } = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text), isTTY: tty },
    cwd,
    env,
  });
  return { code, stdout, stderr };
}

/** `bantin` in an English locale, for tests about what a command does rather than its wording. */
export const bantinInEnglish = (argv: string[], options: { cwd?: string; tty?: boolean } = {}) => bantin(argv, { ...options, env: { LANG: "en_US.UTF-8" } });
