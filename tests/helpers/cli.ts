import { run } from "../../src/cli/main.ts";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `bantin argv…` in this process, as `npm run …` would in `cwd`, and collects what it prints. */
export async function bantin(argv: string[], { cwd = process.cwd(), tty = false } = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text), isTTY: tty },
    cwd,
  });
  return { code, stdout, stderr };
}
