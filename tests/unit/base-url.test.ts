// `--base-url`: which URLs a build takes instead of the settings' `url`, the one line a wrong one
// gets, and the source hash that keeps `offline` from reusing a site built for another URL.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { normalizeSiteUrl } from "../../src/content/urls.ts";
import { hashSources } from "../../src/core/source-hash.ts";
import { bantin } from "../helpers/cli.ts";
import { copyFixture, tempDir } from "../helpers/site.ts";

describe("normalizeSiteUrl", () => {
  it.each([
    ["https://example.github.io/fork-name", "https://example.github.io/fork-name/"],
    ["https://example.github.io/fork-name/", "https://example.github.io/fork-name/"],
    ["https://example.github.io/fork-name//", "https://example.github.io/fork-name/"],
    ["HTTPS://Ban-Tin.Example.ORG", "https://ban-tin.example.org/"],
    ["http://localhost:8080/xem-truoc/", "http://localhost:8080/xem-truoc/"],
    ["https://example.org/bản-tin/", "https://example.org/b%E1%BA%A3n-tin/"],
  ])("takes %s as %s", (value, url) => {
    expect(normalizeSiteUrl(value)).toBe(url);
  });

  it.each(["", "example.org", "/fork-name/", "ftp://example.org/", "file:///srv/site/", "https:example.org", "https://", "https://example.org/a b/", " https://example.org/", "https://example.org/?q=1", "https://example.org/#top", "https://user:pw@example.org/"])(
    "refuses %j",
    (value) => {
      expect(normalizeSiteUrl(value)).toBeUndefined();
    },
  );
});

describe("a wrong --base-url", () => {
  it.each([
    ["build", "ftp://example.org/"],
    ["serve", "example.github.io/fork-name"],
    ["offline", ""],
  ])("%s: one line naming the option and the value, exit status 2, nothing written", async (command, value) => {
    const cwd = tempDir("base-url");
    const content = copyFixture("site");
    const { code, stdout, stderr } = await bantin([command, "--content", content, "--base-url", value], { cwd });
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toMatch(new RegExp(`^${command}: --base-url: cần một địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://, không có \\? hay #, ví dụ https://example\\.github\\.io/ban-tin/, nhưng thấy ${JSON.stringify(value).replace(/[.?]/g, "\\$&")}; cách dùng: npm [^\\n]+\\[--base-url URL\\]\\n$`));
    expect(fs.readdirSync(cwd)).toEqual([]);
  });

  it("without its value: one line", async () => {
    const { code, stderr } = await bantin(["build", "--base-url"], { cwd: tempDir("base-url") });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^build: tùy chọn --base-url cần một giá trị; cách dùng: [^\n]+\n$/);
  });
});

describe("the source hash", () => {
  it("is the files' alone without options, and differs with each option", () => {
    const dir = tempDir("hash");
    fs.writeFileSync(path.join(dir, "a.md"), "Nội dung.");
    const plain = hashSources([dir]);
    expect(hashSources([dir], [])).toBe(plain);
    const forked = hashSources([dir], ["base-url https://example.github.io/fork-name/"]);
    expect(forked).not.toBe(plain);
    expect(hashSources([dir], ["base-url https://example.github.io/fork-name/"])).toBe(forked);
    expect(hashSources([dir], ["base-url https://example.github.io/khac/"])).not.toBe(forked);
  });
});
