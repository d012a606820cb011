// What a command talks to, passed in rather than taken from `process`, so that tests run the CLI
// in-process with their own writers and working folder.

export interface Writer {
  write(text: string): unknown;
}

export interface IO {
  /** Results: reports, "Wrote …" lines, help. */
  stdout: Writer;
  /** Problems and progress; progress is drawn only when it is a terminal. */
  stderr: Writer & { isTTY?: boolean };
  /** The folder relative paths in arguments are read from. */
  cwd: string;
  /** The environment: its LC_ALL, LC_MESSAGES or LANG choose the language of the messages. */
  env: Readonly<Record<string, string | undefined>>;
}
