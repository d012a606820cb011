// Eleventy 3.1 keeps every page it rendered until a build ends: each page's content before and after
// its layout, and again in the list of written files that write() returns. That is two or three
// copies of the whole site in memory (1.9 GiB of heap at 10,000 articles), and no archive of
// 100,000 fits in Node's heap. bantin renders no page from another's content (its lists are built
// from the archive data), so a page's content is let go once the page is written.
interface PageEntry {
  templateContent?: string;
  template?: Record<string, unknown>;
}

interface WriteResult {
  content?: unknown;
  rawInput?: unknown;
}

interface TemplateClass {
  prototype: { _write?: (page: PageEntry, content: unknown) => Promise<WriteResult | undefined> };
}

let patched = false;

/**
 * Wraps Eleventy's Template#_write (its source, src/Template.js, 3.1) so that a written page's
 * content is dropped: from the page, from its template's caches, and from the result. A later
 * Eleventy without that method is left as it is (the build then only needs more memory).
 */
export async function releaseWrittenPages(): Promise<void> {
  if (patched) return;
  patched = true;
  const eleventy = import.meta.resolve("@11ty/eleventy");
  const { default: Template } = (await import(new URL("Template.js", eleventy).href)) as { default: TemplateClass };
  const write = Template.prototype._write;
  if (typeof write !== "function") return;
  Template.prototype._write = async function (this: unknown, page: PageEntry, content: unknown) {
    const result = await write.call(this, page, content);
    page.templateContent = undefined;
    if (page.template) {
      delete page.template._cacheRenderedPromise;
      delete page.template._cacheRenderedTransformsAndLayoutsPromise;
    }
    if (result) result.content = result.rawInput = undefined;
    return result;
  };
}
