// The configuration of the CMS at /quan-tri/ (Decap CMS), made by the build from the front-matter
// schemas and the site settings, so that the form asks for exactly what `npm run check` accepts:
// the same fields, the same required ones, the date format, the categories the archive has, and
// the file paths the content folder uses. Labels and hints are for the editors, in Vietnamese.
import { dump } from "js-yaml";
import type { z } from "zod";
import { SLUG_PATTERN, slugify } from "../core/slug.ts";
import { articleSchema, type Settings, videoSchema } from "../content/schema.ts";

/** How the form shows one front-matter field: its widget, label, hint and widget options. Name and `required` come from the schema. */
export interface FieldForm {
  label: string;
  widget: string;
  hint?: string;
  [option: string]: unknown;
}

/**
 * The date as the CMS writes it (dayjs tokens): "2024-05-01 07:30", read by core/dates.ts in
 * Vietnam time. No offset: the date input gives the time the editor typed, whatever the
 * computer's time zone, and that is taken as Vietnam time.
 */
export const CMS_DATE_FORMAT = "YYYY-MM-DD HH:mm";

/** Where pictures go in the repository, and how articles name them (`media.ts`: a path under static/ from the site root). */
export const MEDIA_FOLDER = "static/media";
export const PUBLIC_MEDIA_FOLDER = "/media";
/** Video files, named as a video's `file` wants them: relative, under static/. */
export const VIDEO_MEDIA_FOLDER = "static/media/videos";
export const PUBLIC_VIDEO_FOLDER = "media/videos";

const title: FieldForm = { label: "Tiêu đề", widget: "string" };
const date: FieldForm = {
  label: "Ngày giờ đăng",
  widget: "datetime",
  format: CMS_DATE_FORMAT,
  default: "{{now}}",
  hint: "Giờ Việt Nam. Nút «Ngay lúc này» lấy giờ của máy tính: kiểm tra lại nếu máy không đặt múi giờ Việt Nam.",
};
const summary: FieldForm = { label: "Tóm tắt", widget: "text", hint: "Hiện trong danh sách bài và khi chia sẻ; để trống thì lấy đầu đoạn văn đầu tiên." };
const draft: FieldForm = { label: "Bản nháp", widget: "boolean", hint: "Bản nháp không được đăng lên trang và không tìm thấy được." };

/** Every front-matter field of an article, as the form shows it. Typed by the schema: a field added there must be added here. */
export function articleForms(categoryNames: readonly { label: string; value: string }[]): Record<keyof z.input<typeof articleSchema>, FieldForm> {
  return {
    title,
    date,
    category: { label: "Chuyên mục", widget: "select", options: [...categoryNames], hint: "Chuyên mục mới do người quản lý trang thêm." },
    source: { label: "Nguồn", widget: "string", hint: "Hiện là «Theo …», ví dụ: Website Thành ủy." },
    author: { label: "Tác giả", widget: "string", hint: "Chữ ký cuối bài." },
    author_title: { label: "Chức vụ tác giả", widget: "string" },
    views: { label: "Số lượt xem (cổng cũ)", widget: "number", value_type: "int", min: 0, hint: "Chỉ dùng cho bài chuyển từ cổng thông tin cũ." },
    summary,
    tags: { label: "Từ khóa", widget: "list", hint: "Cách nhau bằng dấu phẩy." },
    slug: {
      label: "Đường dẫn riêng",
      widget: "string",
      pattern: [SLUG_PATTERN.source, "Chỉ chữ a-z, số 0-9 và dấu gạch nối giữa chúng."],
      hint: "Để trống thì đường dẫn làm từ tiêu đề (bỏ dấu, đ thành d).",
    },
    image: { label: "Ảnh đại diện", widget: "image", hint: "Ảnh được lưu vào static/media/." },
    legacy_url: { label: "Địa chỉ trên cổng cũ", widget: "string", pattern: ["^https?://\\S+", "Địa chỉ bắt đầu bằng http:// hoặc https://."] },
    draft,
  };
}

/** Every front-matter field of a video. */
export function videoForms(): Record<keyof z.input<typeof videoSchema>, FieldForm> {
  return {
    title,
    date,
    file: { label: "Tệp video", widget: "file", hint: "Tệp được lưu vào static/media/videos/. Điền tệp hoặc địa chỉ, không cả hai." },
    url: { label: "Địa chỉ video", widget: "string", pattern: ["^https?://\\S+", "Địa chỉ bắt đầu bằng http:// hoặc https://."], hint: "Điền tệp hoặc địa chỉ, không cả hai." },
    summary: { label: "Tóm tắt", widget: "text", hint: "Hiện dưới video." },
    draft,
  };
}

/** The body after the front matter: not a schema field, the Markdown itself. */
const BODY = { name: "body", label: "Nội dung", widget: "markdown", hint: "Dùng «Tiêu đề 2» cho đề mục trong bài." };

/** The fields of a collection: each schema field in the schema's order, required when the schema requires it, then the body. */
export function formFields(schema: z.ZodObject, forms: Readonly<Record<string, FieldForm>>): Record<string, unknown>[] {
  const names = Object.keys(schema.shape);
  const unknown = Object.keys(forms).filter((name) => !names.includes(name));
  if (unknown.length) throw new Error(`the CMS form has fields the schema does not: ${unknown.join(", ")}`);
  return [
    ...names.map((name) => {
      const form = forms[name];
      if (!form) throw new Error(`the CMS form lacks the schema's field \`${name}\``);
      return { name, ...form, required: !schema.shape[name]!.safeParse(undefined).success };
    }),
    BODY,
  ];
}

/**
 * The choices of the category list: each category the archive has, shown by its display name.
 * The value written is that name when it names the same category page; otherwise (a name the
 * settings' `categories` gives to another slug) the slug, which the settings map to that name.
 */
export function categoryChoices(categories: readonly { name: string; slug: string }[]): { label: string; value: string }[] {
  return categories.map(({ name, slug }) => ({ label: name, value: slugify(name) === slug ? name : slug }));
}

export interface CmsConfigInput {
  settings: Settings;
  /** The archive's categories. */
  categories: readonly { name: string; slug: string }[];
  /** The content folder, relative to the repository root (the folder that holds it, beside static/). */
  contentFolder: string;
  /** The local proxy (decap-server) the CMS saves through when opened on localhost. */
  localBackendUrl: string;
}

/** Where the CMS saves: the git host the settings name, or only the local proxy. */
function backend({ settings, localBackendUrl }: CmsConfigInput): Record<string, string> {
  const cms = settings.cms;
  if (!cms) return { name: "proxy", proxy_url: localBackendUrl, branch: "main" };
  return {
    name: cms.backend,
    repo: cms.repo,
    branch: cms.branch,
    ...(cms.baseUrl && { base_url: cms.baseUrl }),
    ...(cms.apiRoot && { api_root: cms.apiRoot }),
    // GitLab signs in with the application id alone by PKCE; Gitea and Forgejo always do.
    ...(cms.appId && { app_id: cms.appId, ...(cms.backend === "gitlab" && { auth_type: "pkce" }) }),
  };
}

/** The configuration as an object, for config.yml. */
export function cmsConfig(input: CmsConfigInput): Record<string, unknown> {
  const { settings, contentFolder } = input;
  return {
    locale: "vi",
    backend: backend(input),
    local_backend: { url: input.localBackendUrl },
    site_url: settings.url,
    display_url: settings.url,
    media_folder: MEDIA_FOLDER,
    public_folder: PUBLIC_MEDIA_FOLDER,
    // ASCII file names, tone marks dropped and đ → d, as core/slug.ts makes slugs.
    slug: { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" },
    collections: [
      {
        name: "bai-viet",
        label: "Bài viết",
        label_singular: "bài viết",
        description: "Các bài của bản tin. Bài mới được lưu vào content/năm/tháng/.",
        folder: contentFolder,
        // content/YYYY/MM/slug.md, the year and month of the article's own date (see articlePath).
        ...articlePath(),
        create: true,
        extension: "md",
        format: "yaml-frontmatter",
        summary: "{{title}} ({{category}})",
        sortable_fields: ["date", "title", "category"],
        fields: formFields(articleSchema, articleForms(categoryChoices(input.categories))),
      },
      {
        name: "video",
        label: "Video",
        label_singular: "video",
        folder: `${contentFolder}/video`,
        slug: "{{slug}}",
        create: true,
        extension: "md",
        format: "yaml-frontmatter",
        // Relative to the repository root: the file as the video's `file` names it.
        media_folder: `/${VIDEO_MEDIA_FOLDER}`,
        public_folder: PUBLIC_VIDEO_FOLDER,
        fields: formFields(videoSchema, videoForms()),
      },
    ],
  };
}

/**
 * Where a new article goes: content/YYYY/MM/slug.md, the year and month of its own date. Decap's
 * {{year}} and {{month}} read the date as UTC, which puts an article of 1 June 05:30 Vietnam time
 * in May; the date field formatted as written gives its own year and month, but only the slug
 * template keeps the case of "YYYY" (the path template is lower-cased). So the slug holds the
 * folders, and the path is that slug. Decap lists a collection as deep as its path template has
 * parts, counting the slashes in the template itself: the fallback (never used, the title being
 * required) gives it the three parts of YYYY/MM/slug, so that existing articles are listed.
 */
function articlePath(): Record<string, unknown> {
  return { slug: "{{fields.date | date('YYYY')}}/{{fields.date | date('MM')}}/{{slug}}", path: "{{slug | default('yyyy/mm/slug')}}" };
}

const HEADER = "# Generated by the build from src/content/schema.ts and the site settings (src/cms/config.ts): edit those, not this file.\n";

/** config.yml of the CMS. */
export function cmsConfigYaml(input: CmsConfigInput): string {
  return HEADER + dump(cmsConfig(input), { lineWidth: -1, noRefs: true });
}
