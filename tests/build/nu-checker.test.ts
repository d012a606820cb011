// The W3C's own checker (the Nu Html Checker, vnu.jar from the vnu-jar package, run by Debian's
// Java) over every page of the sample archive and the fixture: no error and no warning, heading
// levels included. html-validate (html-valid.test.ts) runs without Java and checks other rules.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildFixture, FIXTURES, PROJECT } from "../helpers/site.ts";

const VNU = createRequire(import.meta.url).resolve("vnu-jar/build/dist/vnu.jar");

interface NuMessage {
  type: "error" | "info" | "non-document-error";
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
}

/** The checker's errors and warnings over every HTML file of `outDir`, one line each; its other notes are left out. */
function nuProblems(outDir: string): { checked: boolean; problems: string[] } {
  const run = spawnSync("java", ["-jar", VNU, "--skip-non-html", "--format", "json", outDir], { encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
  if (run.error) throw new Error(`the Nu Html Checker needs Java (apt-get install default-jre-headless): ${run.error.message}`);
  const { messages } = JSON.parse(run.stderr) as { messages: NuMessage[] };
  const problems = messages
    .filter((message) => message.type !== "info" || message.subType === "warning")
    .map((message) => `${path.relative(outDir, new URL(message.url ?? "file:/").pathname)}:${message.lastLine ?? 0} ${message.subType ?? message.type}: ${message.message}`);
  return { checked: run.status !== null, problems };
}

describe("the Nu Html Checker", () => {
  it.each([
    ["the sample archive", path.join(PROJECT, "content")],
    ["the test fixture", path.join(FIXTURES, "site")],
  ])("finds no error and no warning on any page of %s", async (_name, contentDir) => {
    const site = await buildFixture(contentDir);
    const { checked, problems } = nuProblems(site.outDir);
    expect(checked).toBe(true);
    expect(problems).toEqual([]);
  });

  it("reports a page with a skipped heading level, so that silence above means something", async () => {
    const site = await buildFixture(path.join(FIXTURES, "site"));
    const page = path.join(site.outDir, "index.html");
    fs.writeFileSync(page, fs.readFileSync(page, "utf8").replace(/<h2([ >])/, "<h4$1").replace(/<\/h2>/, "</h4>"));
    expect(nuProblems(site.outDir).problems.join("\n")).toMatch(/index\.html:\d+ .*[Hh]eading/);
  });
});
