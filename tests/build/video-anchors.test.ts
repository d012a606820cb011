// The sidebar used to link a video as /video/#<file name as written> while the video page's ids are
// the slug of the file name: a file named with capitals or tone marks got a dead link.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load.ts";
import { findContentError } from "../../src/core/errors.ts";
import { buildFixture, copyFixture, writeArticle } from "../helpers/site.ts";
import { setLanguage } from "../../src/core/messages.ts";

// These tests are about what bantin does, not its wording: they read its messages in English.
beforeAll(() => setLanguage("en"));

describe("video anchors", () => {
  it("link every sidebar video to its own entry of the video page, whatever its file name", async () => {
    const contentDir = copyFixture("site");
    fs.renameSync(path.join(contentDir, "video/clip.md"), path.join(contentDir, "video/Phòng Cháy.md"));
    writeArticle(contentDir, "video/Lễ hội đình.md", `title: "Lễ hội đình"\ndate: "2011-09-22 08:00"\nurl: "https://video.example.org/le-hoi"`);
    const site = await buildFixture(contentDir);
    const ids = [...site.page("/video/").querySelectorAll(".video")].map((video) => video.id);
    expect(ids.sort()).toEqual(["le-hoi-dinh", "phong-chay"]);
    const links = [...site.page("/").querySelectorAll('.sidebar a[href*="#"]')].map((link) => link.getAttribute("href"));
    expect(links.sort()).toEqual(["/video/#le-hoi-dinh", "/video/#phong-chay"]);
  });

  it("are one per video: two files whose names give one anchor are an error naming both", () => {
    const contentDir = copyFixture("site");
    writeArticle(contentDir, "video/Clip.md", `title: "Bản khác"\ndate: "2011-09-22 08:00"\nurl: "https://video.example.org/khac"`);
    let problems: { file: string; message: string }[] = [];
    try {
      loadContent(contentDir);
    } catch (error) {
      problems = findContentError(error)?.problems ?? [];
    }
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/^same anchor \/video\/#clip as video\/(Clip|clip)\.md; rename one of the two files$/);
    expect([problems[0]!.file, problems[0]!.message.match(/as (\S+);/)?.[1]].sort()).toEqual(["video/Clip.md", "video/clip.md"]);
  });
});
