// Hides the page until its fonts have loaded, one second at most, so that no text moves when they
// come (src/site/fonts.ts says why they come after the first layout). The page head loads it
// without defer after the stylesheets: it runs once they have loaded, when their faces are known,
// and before the body is drawn. Without scripts the page shows at once, the fonts swapped in.

const MOST_MS = 1000;

if ("fonts" in document) {
  const root = document.documentElement;
  root.classList.add("fonts-loading");
  const show = () => {
    clearTimeout(timer);
    root.classList.remove("fonts-loading");
  };
  const timer = setTimeout(show, MOST_MS);
  // Every face, not only the ones this page uses: they are inside the stylesheet, so loading one is only decoding it.
  Promise.all(Array.from(document.fonts, (face) => face.load())).then(show, show);
}
