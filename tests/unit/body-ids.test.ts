// Ids in article bodies and video descriptions: kept for in-article anchors, but never one the page
// already has.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { bodyIdProblems, htmlIds, LAYOUT_IDS, locateIds, videoPageIdProblems } from "../../src/content/body-ids.ts";
import { createRenderer } from "../../src/content/markdown.ts";
import { PROJECT } from "../helpers/paths.ts";
import { setLanguage } from "../../src/core/messages.ts";

// These tests are about what is found, not its wording: they read the messages in English.
beforeAll(() => setLanguage("en"));

const render = createRenderer([]);
const idsOf = (markdown: string) => htmlIds(render(markdown).html);

describe("htmlIds", () => {
  it("lists the ids the sanitised body keeps, in order, decoded", () => {
    expect(idsOf('<h1 id="dau">Đầu</h1>\n\n<p title=\' id="gia"\' id="a&amp;b">x</p>\n\n<img src="https://example.org/a.png" id="anh">')).toEqual(["dau", "a&b", "anh"]);
  });

  it("ignores ids that are only text, or on elements the sanitiser drops", () => {
    expect(idsOf('`<p id="noi-dung">` viết trong mã\n\n    <p id="y">\n\n<script id="z">1</script><iframe id="w" src="https://evil.example/"></iframe>')).toEqual([]);
  });
});

describe("locateIds", () => {
  it("puts each id on the line of the file that writes it, a repeated id at its own place", () => {
    const body = 'Mở đầu.\n\n<p id="a">1</p> <p id=\'a\'>2</p>\n\n<p data-id="b">3</p>\n<p ID = b>4</p>';
    expect(locateIds(["a", "a", "b", "c"], body, 7)).toEqual([
      { id: "a", line: 9 },
      { id: "a", line: 9 },
      { id: "b", line: 12 },
      { id: "c" },
    ]);
  });
});

describe("bodyIdProblems", () => {
  it("accepts unique ids the layout does not use", () => {
    expect(bodyIdProblems("a.md", [{ id: "ghi-chu-1", line: 8 }, { id: "ghi-chu-2", line: 9 }])).toEqual([]);
  });

  it.each([...LAYOUT_IDS])("refuses the layout's id %s", (id) => {
    expect(bodyIdProblems("a.md", [{ id, line: 8 }])).toEqual([
      { file: "a.md", line: 8, message: `the body has id "${id}", which the page layout already gives one of its own elements; rename it, and the links to it (href="#…")` },
    ]);
  });

  it("refuses an id given twice, naming both lines, and ids that are not one word", () => {
    expect(bodyIdProblems("a.md", [{ id: "x", line: 8 }, { id: "", line: 9 }, { id: "a b" }, { id: "x", line: 12 }])).toEqual([
      { file: "a.md", line: 9, message: 'the body has id "": an id is one word with no spaces; write one, or remove the id' },
      { file: "a.md", message: 'the body has id "a b": an id is one word with no spaces; write one, or remove the id' },
      { file: "a.md", line: 12, message: 'the body gives id "x" to two elements (lines 8 and 12); ids must be unique on a page: rename one of them, and the links to it' },
    ]);
  });
});

describe("videoPageIdProblems", () => {
  it("refuses a description id that is a video's anchor, or an id of an earlier description", () => {
    const problems = videoPageIdProblems([
      { file: "video/a.md", id: "a", bodyIds: [{ id: "b", line: 6 }, { id: "chung", line: 7 }] },
      { file: "video/b.md", id: "b", bodyIds: [{ id: "chung", line: 6 }, { id: "rieng" }] },
      { file: "video/c.md", id: "c", bodyIds: [{ id: "rieng" }] },
    ]);
    expect(problems).toEqual([
      { file: "video/a.md", line: 6, message: 'the description has id "b", the anchor of video/b.md on the video page; rename it, and the links to it (href="#…")' },
      { file: "video/b.md", line: 6, message: 'the description has id "chung", as the description of video/a.md does; both are on the video page: rename one of them, and the links to it' },
      { file: "video/c.md", line: undefined, message: 'the description has id "rieng", as the description of video/b.md does; both are on the video page: rename one of them, and the links to it' },
    ]);
  });
});

describe("LAYOUT_IDS", () => {
  // The pages that carry a body or a video anchor, and what they include.
  const LAYOUTS = ["_includes/base.njk", "_includes/sidebar.njk", "_includes/date-picker.njk", "_includes/pages/article.njk", "_includes/pages/video.njk"];
  // Ids made from data: the picker the sidebar includes, and the videos' own anchors (load.ts checks those).
  const MADE = new Map([
    ["date-{{ pickerId }}", ["date-sidebar"]],
    ["{{ video.id }}", []],
  ]);

  it("holds every id of those layouts", () => {
    const found = LAYOUTS.flatMap((file) => [...fs.readFileSync(path.join(PROJECT, "layouts", file), "utf8").matchAll(/\sid="([^"]*)"/g)].map((match) => match[1]!));
    const ids = found.flatMap((id) => (id.includes("{{") ? (MADE.get(id) ?? [`unknown made id ${id}: add it to LAYOUT_IDS and to this test`]) : [id]));
    expect(new Set(ids)).toEqual(LAYOUT_IDS);
  });
});
