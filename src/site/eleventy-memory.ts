// Eleventy 3.1 holds the whole site in memory before it writes any of it: it renders every page's
// content first (TemplateMap#populateContentDataInMap), then starts every template's layout and write
// at once (TemplateWriter#generateTemplates), and keeps each page, before and after its layout, until
// the build ends. At 100,000 articles that is more than Node's heap. bantin renders no page from
// another's content (its lists are built from the archive data), so each page is rendered just
// before it is written, a few templates at a time, and let go once written: memory no longer grows
// with the number of pages.

/** How many templates render at once. Rendering is on one thread; a few overlap its waits. */
export const TEMPLATES_AT_ONCE = 4;

interface PageEntry {
  templateContent?: string;
  _templateContent?: string;
  needsCheck?: boolean;
  inputPath?: string;
  template: TemplateInstance;
}

interface TemplateInstance extends Record<string, unknown> {
  isRenderable(): boolean;
  renderPageEntryWithoutLayout(page: PageEntry): Promise<string>;
}

interface WriteResult {
  content?: unknown;
  rawInput?: unknown;
}

interface TemplatePrototype {
  _write?: (page: PageEntry, content: unknown) => Promise<WriteResult | undefined>;
  renderPageEntry?: (page: PageEntry) => Promise<unknown>;
  generateMapEntry?: (mapEntry: { inputPath: string }, to: unknown) => Promise<unknown>;
}

/** Pages rendered and not yet written: now, and the most at one time since the process started. */
export const pagesInMemory = { now: 0, most: 0 };

let patched = false;

/**
 * Patches Eleventy's Template and TemplateMap (src/Template.js and src/TemplateMap.js, 3.1). If a
 * later Eleventy lacks one of the methods, nothing is patched: the build then only needs more memory.
 */
export async function renderPagesAsWritten(): Promise<void> {
  if (patched) return;
  patched = true;
  const eleventy = import.meta.resolve("@11ty/eleventy");
  const load = async <T>(file: string) => ((await import(new URL(file, eleventy).href)) as { default: T }).default;
  const template = (await load<{ prototype: TemplatePrototype }>("Template.js")).prototype;
  const templateMap = (await load<{ prototype: { populateContentDataInMap?: unknown } }>("TemplateMap.js")).prototype;
  const errors = await load<{ isPrematureTemplateContentError?: (error: unknown) => boolean }>("Errors/EleventyErrorUtil.js");
  const { _write: write, renderPageEntry, generateMapEntry } = template;
  if (typeof write !== "function" || typeof renderPageEntry !== "function" || typeof generateMapEntry !== "function") return;
  if (typeof templateMap.populateContentDataInMap !== "function" || typeof errors.isPrematureTemplateContentError !== "function") return;
  const usesOtherContent = errors.isPrematureTemplateContentError.bind(errors);

  templateMap.populateContentDataInMap = async () => {};

  template.renderPageEntry = async function (this: unknown, page: PageEntry) {
    if (page.needsCheck && page._templateContent === undefined && page.template.isRenderable()) {
      page.templateContent = await page.template.renderPageEntryWithoutLayout(page);
      pagesInMemory.most = Math.max(pagesInMemory.most, ++pagesInMemory.now);
    }
    return renderPageEntry.call(this, page);
  };

  template._write = async function (this: unknown, page: PageEntry, content: unknown) {
    const result = await write.call(this, page, content);
    if (page._templateContent !== undefined) pagesInMemory.now--;
    // Not through the setter, which would let a later reader of this page's content get nothing.
    page._templateContent = undefined;
    delete page.template._cacheRenderedPromise;
    delete page.template._cacheRenderedTransformsAndLayoutsPromise;
    if (result) result.content = result.rawInput = undefined;
    return result;
  };

  const slots = limit(TEMPLATES_AT_ONCE);
  template.generateMapEntry = function (this: unknown, mapEntry, to) {
    return slots(async () => {
      try {
        return await generateMapEntry.call(this, mapEntry, to);
      } catch (error) {
        // Eleventy would put such a template aside for a second pass, which no longer comes.
        if (usesOtherContent(error)) {
          throw new Error(`${mapEntry.inputPath} uses another page's content, which bantin's pages must not: each page is rendered when it is written`, { cause: error });
        }
        throw error;
      }
    });
  };
}

/** Runs at most `count` of the tasks given to it at a time, the others in the order given. */
function limit(count: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= count) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
