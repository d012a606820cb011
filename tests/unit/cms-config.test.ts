// The CMS's configuration against the schema it is made from: a field the schema has and the form
// lacks (or the other way round), a required flag, a date format or a path that differs would let
// the CMS write files `npm run check` refuses.
import fs from "node:fs";
import path from "node:path";
import { CORE_SCHEMA, load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { articleForms, categoryChoices, CMS_DATE_FORMAT, cmsConfig, type CmsConfigInput, cmsConfigYaml, formFields, PUBLIC_MEDIA_FOLDER, PUBLIC_VIDEO_FOLDER } from "../../src/cms/config.ts";
import { loadContent } from "../../src/content/load.ts";
import { mediaProblems } from "../../src/content/media.ts";
import { articleSchema, settingsSchema, videoSchema } from "../../src/content/schema.ts";
import { tempDir } from "../helpers/paths.ts";

interface Field {
  name: string;
  widget: string;
  required?: boolean;
  format?: string;
  options?: { label: string; value: string }[];
}
interface Collection {
  name: string;
  folder: string;
  slug: string;
  path?: string;
  media_folder?: string;
  public_folder?: string;
  fields: Field[];
}

const settings = settingsSchema.parse({ title: "Bản tin thử", url: "https://example.org/ban-tin/" });
const input: CmsConfigInput = {
  settings,
  categories: [
    { name: "Tin tức - Sự kiện", slug: "tin-tuc-su-kien" },
    { name: "Thông báo", slug: "thong-bao" },
  ],
  contentFolder: "content",
  localBackendUrl: "http://127.0.0.1:8081/api/v1",
};
const collections = (config = cmsConfig(input)) => config.collections as Collection[];
const collection = (name: string) => collections().find((candidate) => candidate.name === name)!;

describe("the CMS's fields, walked against the front-matter schema", () => {
  it.each([
    ["bai-viet", articleSchema, ["title", "date", "category"]],
    ["video", videoSchema, ["title", "date"]],
  ] as const)("%s: every schema field and no other, required as the schema requires, then the body", (name, schema, required) => {
    const fields = collection(name).fields;
    expect(fields.map((field) => field.name)).toEqual([...Object.keys(schema.shape), "body"]);
    for (const field of fields.slice(0, -1)) expect(field.required, field.name).toBe(!schema.shape[field.name as keyof typeof schema.shape].safeParse(undefined).success);
    expect(fields.filter((field) => field.required).map((field) => field.name)).toEqual(required);
    expect(fields.at(-1)).toMatchObject({ name: "body", widget: "markdown" });
  });

  it("refuses a form that lacks a schema field or has one the schema does not", () => {
    const { tags: _tags, ...withoutTags } = articleForms([]);
    expect(() => formFields(articleSchema, withoutTags)).toThrow("the CMS form lacks the schema's field `tags`");
    expect(() => formFields(articleSchema, { ...articleForms([]), autor: { label: "Tác giả", widget: "string" } })).toThrow("the CMS form has fields the schema does not: autor");
  });

  it("writes dates as the schema reads them, in Vietnam time", () => {
    for (const name of ["bai-viet", "video"]) expect(collection(name).fields.find((field) => field.name === "date")).toMatchObject({ widget: "datetime", format: CMS_DATE_FORMAT });
    expect(CMS_DATE_FORMAT).toBe("YYYY-MM-DD HH:mm");
    const written = articleSchema.parse({ title: "Tin", date: "2024-06-01 05:30", category: "Thông báo" });
    expect(written.date.toISO()).toBe("2024-06-01T05:30:00.000+07:00");
  });

  it("offers the archive's categories, each a value that lands in its own category page", () => {
    expect(collection("bai-viet").fields.find((field) => field.name === "category")).toMatchObject({
      widget: "select",
      options: [
        { label: "Tin tức - Sự kiện", value: "Tin tức - Sự kiện" },
        { label: "Thông báo", value: "Thông báo" },
      ],
    });
    // A display name the settings give to another slug: the slug is written, and read back as that category.
    expect(categoryChoices([{ name: "Thời sự", slug: "tin-tuc" }])).toEqual([{ label: "Thời sự", value: "tin-tuc" }]);
    const dir = tempDir("cms-categories");
    fs.mkdirSync(path.join(dir, "_data"));
    fs.writeFileSync(path.join(dir, "_data", "site.json"), JSON.stringify({ title: "Bản tin", url: "https://example.org", categories: { "tin-tuc": "Thời sự" } }));
    fs.writeFileSync(path.join(dir, "tin.md"), '---\ntitle: "Tin"\ndate: "2024-06-01 05:30"\ncategory: "tin-tuc"\n---\nNội dung.\n');
    expect(loadContent(dir).articles.map(({ category, categorySlug }) => ({ category, categorySlug }))).toEqual([{ category: "Thời sự", categorySlug: "tin-tuc" }]);
  });

  it("puts a new article at content/YYYY/MM/slug.md by its own date, and lists articles three folders deep", () => {
    const articles = collection("bai-viet");
    expect(articles.folder).toBe("content");
    expect(articles.slug).toBe("{{fields.date | date('YYYY')}}/{{fields.date | date('MM')}}/{{slug}}");
    // Decap lists as many folder levels as the path template has parts.
    expect(articles.path!.split("/")).toHaveLength(3);
    expect(articles.path).toMatch(/^\{\{slug \| /);
    expect(collection("video")).toMatchObject({ folder: "content/video", slug: "{{slug}}" });
    expect(cmsConfig(input).slug).toEqual({ encoding: "ascii", clean_accents: true, sanitize_replacement: "-" });
  });

  it("stores pictures under static/media/ and names them as the schema's media check expects", () => {
    const config = cmsConfig(input);
    expect(config).toMatchObject({ media_folder: "static/media", public_folder: "/media" });
    const lines = new Map<string, number>();
    expect(mediaProblems("tin.md", "image", `${PUBLIC_MEDIA_FOLDER}/placeholder.svg`, lines)).toEqual([]);
    const video = collection("video");
    expect(video).toMatchObject({ media_folder: "/static/media/videos", public_folder: "media/videos" });
    const file = `${PUBLIC_VIDEO_FOLDER}/phong-chay-chua-chay.webm`;
    expect(videoSchema.safeParse({ title: "Video", date: "2024-06-01 05:30", file }).success).toBe(true);
    expect(mediaProblems("video/a.md", "file", file, lines)).toEqual([]);
  });
});

describe("where the CMS saves", () => {
  it("saves through the local proxy alone when the settings name no git host", () => {
    expect(cmsConfig(input)).toMatchObject({
      locale: "vi",
      backend: { name: "proxy", proxy_url: input.localBackendUrl },
      local_backend: { url: input.localBackendUrl },
    });
  });

  it("saves to the repository the settings name, through the proxy when opened on localhost", () => {
    const github = settingsSchema.parse({ ...settings, cms: { backend: "github", repo: "uy-ban/ban-tin", baseUrl: "https://dang-nhap.example.org" } });
    expect(cmsConfig({ ...input, settings: github })).toMatchObject({
      backend: { name: "github", repo: "uy-ban/ban-tin", branch: "main", base_url: "https://dang-nhap.example.org" },
      local_backend: { url: input.localBackendUrl },
    });
    const gitlab = settingsSchema.parse({ ...settings, cms: { backend: "gitlab", repo: "uy-ban/ban-tin", branch: "xuat-ban", appId: "abc123" } });
    expect(cmsConfig({ ...input, settings: gitlab }).backend).toEqual({ name: "gitlab", repo: "uy-ban/ban-tin", branch: "xuat-ban", app_id: "abc123", auth_type: "pkce" });
  });

  it("refuses settings naming an unknown git host or a repository without its owner", () => {
    const problems = (cms: unknown) => settingsSchema.safeParse({ ...settings, cms }).error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    expect(problems({ backend: "svn", repo: "a/b" })).toEqual(['cms.backend: cần một trong các giá trị github, gitlab, gitea, forgejo, nhưng thấy "svn"']);
    expect(problems({ backend: "github", repo: "ban-tin" })).toEqual(['cms.repo: cần kho mã dạng chủ/tên, nhưng thấy "ban-tin"']);
  });
});

describe("config.yml", () => {
  it("is the configuration as YAML, saying where it comes from", () => {
    const yaml = cmsConfigYaml(input);
    expect(yaml.split("\n")[0]).toMatch(/^# Generated by the build from src\/content\/schema\.ts/);
    expect(load(yaml, { schema: CORE_SCHEMA })).toEqual(cmsConfig(input));
  });
});
