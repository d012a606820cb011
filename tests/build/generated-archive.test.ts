import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type Content, loadContent } from "../../src/content/load.ts";
import { type ArchiveStats, generateArchive } from "../bench/generated-archive.ts";
import { tempDir } from "../helpers/site.ts";

/** Every file of a folder, by its path inside it. */
function filesOf(dir: string): Map<string, Buffer> {
  const files = fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((file) => fs.statSync(path.join(dir, file)).isFile());
  return new Map(files.sort().map((file) => [file, fs.readFileSync(path.join(dir, file))]));
}

const bodyOf = (text: string) => text.slice(text.indexOf("\n---\n", 3) + 5);
/** Words as the generator counts them: runs of letters and digits, in lower case. */
const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

let dir: string;
let stats: ArchiveStats;
let files: Map<string, Buffer>;
let bodies: string[];
let content: Content;

beforeAll(() => {
  dir = tempDir("generated");
  stats = generateArchive(dir, 300);
  files = filesOf(dir);
  bodies = [...files].filter(([file]) => file.endsWith(".md")).map(([, bytes]) => bodyOf(bytes.toString("utf8")));
  // Throws a ContentError naming every problem of every file, should there be one.
  content = loadContent(dir);
});

describe("the generated benchmark archive", () => {
  it("is read by the content loader without a problem, in eight categories", () => {
    expect(content.articles).toHaveLength(300);
    expect(new Set(content.articles.map((article) => article.category)).size).toBe(8);
  });

  it("turns into paragraphs and section headings only, nothing else Markdown could make", () => {
    const tags = new Set(content.articles.flatMap((article) => [...article.html.matchAll(/<(\w+)/g)].map((match) => match[1])));
    expect([...tags].sort()).toEqual(["h2", "p"]);
    expect(content.articles.filter((article) => article.html.includes("<h2")).length).toBeGreaterThan(200);
  });

  it("has bodies of 400 to 1,200 words, about 770 on average, as its statistics say", () => {
    const counts = bodies.map((body) => wordsOf(body).length);
    for (const count of counts) {
      expect(count).toBeGreaterThanOrEqual(400);
      expect(count).toBeLessThanOrEqual(1200);
    }
    const total = counts.reduce((sum, count) => sum + count, 0);
    expect(total / counts.length).toBeGreaterThan(600);
    expect(total / counts.length).toBeLessThan(950);
    expect(stats).toEqual({ articles: 300, words: total, distinctWords: new Set(bodies.flatMap(wordsOf)).size, averageWords: Math.round(total / 300) });
  });

  it("draws on more than 3,000 distinct words, digits aside", () => {
    const words = new Set(bodies.flatMap(wordsOf).filter((word) => !/\d/.test(word)));
    expect(words.size).toBeGreaterThan(3000);
  });

  it("is NFC throughout", () => {
    for (const [file, bytes] of files) expect(bytes.toString("utf8") === bytes.toString("utf8").normalize("NFC"), file).toBe(true);
  });

  it("spans at least fifteen years", () => {
    const times = content.articles.map((article) => article.timestamp);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(15 * 365.25 * 86_400_000);
  });

  it("is signed by a staff of reporters, a few of whom write most, or by a new name each time when asked", () => {
    const signatures = content.articles.flatMap((article) => (article.author === undefined ? [] : [article.author]));
    const counts = new Map<string, number>();
    for (const name of signatures) counts.set(name, (counts.get(name) ?? 0) + 1);
    expect(signatures.length).toBeGreaterThan(100);
    expect(counts.size).toBeLessThanOrEqual(150);
    expect(Math.max(...counts.values())).toBeGreaterThanOrEqual(5);
    const solo = tempDir("generated-solo");
    generateArchive(solo, 300, { staff: 0 });
    const names = loadContent(solo).articles.flatMap((article) => (article.author === undefined ? [] : [article.author]));
    expect(new Set(names).size).toBeGreaterThan(names.length * 0.9);
  });

  it("gives the same first 100 articles, byte for byte, when asked for 100", () => {
    const small = tempDir("generated-100");
    generateArchive(small, 100);
    // As Latin-1 text, one character a byte: equal text is equal bytes, and far quicker to compare than Buffers.
    const texts = (entries: [string, Buffer][]) => entries.map(([file, bytes]) => [file, bytes.toString("latin1")]);
    const first = [...files].filter(([file]) => Number(/bai-(\d+)\.md$/.exec(file)?.[1] ?? 0) <= 100);
    expect(texts([...filesOf(small)])).toEqual(texts(first));
  });
});
