// The one table of what the commands tell an editor: both languages of a message take the same
// placeholders, counts are written as a reader of the language writes them, and the language
// comes from --lang or the locale.
import { afterEach, describe, expect, it } from "vitest";
import { decimal, languageOfEnvironment, MESSAGES, type MessageKey, placeholders, say, setLanguage } from "../../src/core/messages.ts";

afterEach(() => setLanguage("vi"));

describe("the messages", () => {
  const keys = Object.keys(MESSAGES.vi) as MessageKey[];

  it.each(keys)("%s takes the same placeholders in Vietnamese and English", (key) => {
    expect(placeholders(MESSAGES.vi[key])).toEqual(placeholders(MESSAGES.en[key]));
  });

  it("has no English left in the Vietnamese, nor an English message that is only copied", () => {
    const same = keys.filter((key) => MESSAGES.vi[key] === MESSAGES.en[key]);
    // Only messages that are placeholders and symbols alone read alike in both languages.
    expect(same).toEqual(["foundOther", "mebibytes", "linkToNoFile"]);
  });

  it("counts in Vietnamese style, with no plural", () => {
    expect(say("problemSummary", { problems: 12_345, files: 1 })).toBe("12.345 lỗi trong 1 tệp:");
    expect(say("noProblems", { articles: 1, videos: 0, dir: "content" })).toBe("Không có lỗi nào: 1 bài viết, 0 video trong content/");
    expect(decimal(1234.5, 2)).toBe("1.234,50");
  });

  it("counts in English style, the noun agreeing with its number", () => {
    setLanguage("en");
    expect(say("problemSummary", { problems: 1, files: 1 })).toBe("1 problem in 1 file:");
    expect(say("problemSummary", { problems: 12_345, files: 2 })).toBe("12,345 problems in 2 files:");
    expect(say("noProblems", { articles: 1, videos: 0, dir: "content" })).toBe("No problems: 1 article, 0 videos in content/");
    expect(decimal(1234.5, 2)).toBe("1,234.50");
  });

  it("keeps text values as given: a line number or a year is not a count", () => {
    expect(say("yearOutside", { year: "99999", first: "1000", last: "9999" })).toBe("năm 99999 nằm ngoài khoảng 1000–9999");
  });
});

describe("the language of the environment", () => {
  it.each([
    [{}, "vi"],
    [{ LANG: "C.UTF-8" }, "vi"],
    [{ LANG: "vi_VN.UTF-8" }, "vi"],
    [{ LANG: "en_US.UTF-8" }, "en"],
    [{ LANG: "en" }, "en"],
    [{ LANG: "eo.UTF-8" }, "vi"],
    [{ LC_MESSAGES: "en_GB.UTF-8", LANG: "vi_VN.UTF-8" }, "en"],
    [{ LC_MESSAGES: "vi_VN.UTF-8", LANG: "en_US.UTF-8" }, "vi"],
    [{ LC_ALL: "vi_VN.UTF-8", LC_MESSAGES: "en_GB.UTF-8", LANG: "en_US.UTF-8" }, "vi"],
    [{ LC_ALL: "en_US.UTF-8", LANG: "vi_VN.UTF-8" }, "en"],
    [{ LC_ALL: "", LANG: "en_US.UTF-8" }, "en"],
  ])("%j is %s", (env, language) => {
    expect(languageOfEnvironment(env)).toBe(language);
  });
});
