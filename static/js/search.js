// The search page, /tim-kiem/: Pagefind's search API with a Vietnamese interface, and three things
// Pagefind does not do alone for Vietnamese:
// - `đ` typed as `d`. Pagefind folds tone marks (go vap → Gò Vấp) but keeps đ and d apart. In
//   Vietnamese đ only starts a syllable, so a word that starts with d is also tried with đ.
// - Tone marks the reader typed are meant: pages whose words carry exactly those marks rank first.
// - Words are written as separate syllables ("đạo đức"): pages where the typed syllables stand
//   together rank above pages where they are scattered.
// A classic script, not a module, so that an offline copy can run it from file://; Pagefind itself
// is reached only through loadPagefind() below.
(function () {
  "use strict";

  var script = document.currentScript;
  // The site root, found from this script's own address: works under a sub-path and from disk.
  var root = script ? script.src.replace(/js\/search\.js(?:[?#].*)?$/, "") : "/";

  /**
   * The one place that knows where Pagefind comes from. Over http, its ES module. From disk
   * (an offline copy, see src/offline-search.ts), Chromium refuses module scripts, fetch and workers,
   * so the copy carries Pagefind bundled as a classic script that reads its index from script files.
   */
  function loadPagefind(siteRoot) {
    if (location.protocol !== "file:") return import(siteRoot + "pagefind/pagefind.js");
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = siteRoot + "pagefind/pagefind-offline.js";
      tag.onload = function () {
        var pagefind = window.BantinPagefind;
        Promise.resolve(pagefind.options({ noWorker: true })).then(function () {
          resolve(pagefind);
        }, reject);
      };
      tag.onerror = function () {
        reject(new Error("Pagefind's offline bundle did not load: " + tag.src));
      };
      document.head.appendChild(tag);
    });
  }

  // At most this many d-words with both readings (d and đ in the index) are tried both ways:
  // 2^3 = 8 searches. Further ambiguous d-words are searched as typed.
  var MAX_AMBIGUOUS_D_WORDS = 3;
  var PAGE_SIZE = 10;
  var DEBOUNCE_MS = 250;

  var OPTIONS = {
    // Result URLs are made from the site root below, the same way under a sub-path or from disk.
    baseUrl: "/",
    excerptLength: 32,
    excerptEllipsis: "…",
    // Pages with every typed mark come first by a separate exact pass (see runSearch()); among the
    // others, a word that keeps the typed marks gets a stronger boost than Pagefind's default 0.8.
    ranking: { diacriticSimilarity: 1.5 },
  };

  // ---- Query expansion -------------------------------------------------------------------

  /** The query as Pagefind should see it: NFC (Pagefind does not normalise), lower case, single spaces. */
  function cleanQuery(raw) {
    return String(raw || "").normalize("NFC").toLocaleLowerCase("vi").replace(/\s+/g, " ").trim();
  }

  /** Tone and vowel marks removed; đ kept, as Pagefind does. */
  function fold(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC");
  }

  var D_WORD = /^([^\p{L}\p{N}]*)d(.*)$/u;

  /** Splits `"…"` phrase queries (Pagefind's exact search) from plain ones. */
  function parseQuery(query) {
    var phrase = /^".+"$/.test(query);
    var inner = phrase ? query.slice(1, -1).trim() : query;
    return { phrase: phrase, words: inner.split(" ").filter(Boolean) };
  }

  function joinQuery(words, phrase) {
    var text = words.join(" ");
    return phrase ? '"' + text + '"' : text;
  }

  /**
   * The queries to run for one typed query: the query itself, and for each word that starts with d,
   * the same word with đ, when the index has it. `hasWord(word)` resolves whether the index holds
   * that word (tone marks folded). A word whose two readings are both missing (the reader is still
   * typing it) keeps both, so that Pagefind's prefix matching can find either.
   */
  async function expandQuery(query, hasWord) {
    var parsed = parseQuery(query);
    var choices = [];
    var ambiguous = 0;
    for (var i = 0; i < parsed.words.length; i++) {
      var word = parsed.words[i];
      var match = D_WORD.exec(word);
      if (!match) {
        choices.push([word]);
        continue;
      }
      var withD = word;
      var withDd = match[1] + "đ" + match[2];
      var found = await Promise.all([hasWord(fold(withD)), hasWord(fold(withDd))]);
      var forms = [];
      if (found[0]) forms.push(withD);
      if (found[1]) forms.push(withDd);
      if (forms.length === 0) forms = [withD, withDd];
      if (forms.length > 1 && ++ambiguous > MAX_AMBIGUOUS_D_WORDS) forms = [withD];
      choices.push(forms);
    }
    // Every combination, the typed reading first.
    var variants = [[]];
    choices.forEach(function (forms) {
      var next = [];
      variants.forEach(function (prefix) {
        forms.forEach(function (form) {
          next.push(prefix.concat([form]));
        });
      });
      variants = next;
    });
    return variants.map(function (words) {
      return joinQuery(words, parsed.phrase);
    });
  }

  // ---- Searching ---------------------------------------------------------------------------

  var pagefindPromise = null;

  function getPagefind() {
    if (!pagefindPromise) {
      pagefindPromise = loadPagefind(root).then(function (pagefind) {
        return Promise.resolve(pagefind.options(OPTIONS)).then(function () {
          return pagefind;
        });
      });
      pagefindPromise.catch(function () {
        pagefindPromise = null;
      });
    }
    return pagefindPromise;
  }

  // Searches change Pagefind's options (the exact pass), so they run one at a time.
  var queue = Promise.resolve();

  function exclusive(task) {
    var run = queue.then(task);
    queue = run.catch(function () {});
    return run;
  }

  /** Searches with Pagefind's exact-diacritics option on: only words with the typed marks match. */
  async function exactSearch(pagefind, query, options) {
    await pagefind.options({ exactDiacritics: true });
    try {
      return await pagefind.search(query, options);
    } finally {
      await pagefind.options({ exactDiacritics: false });
    }
  }

  /**
   * How often the words of a query stand next to each other, in order, on each page: Vietnamese
   * writes a word such as "đạo đức" or "Gò Vấp" as separate syllables, which Pagefind indexes and
   * ranks one by one, so "dao duc" would rank "giáo dục – Đào tạo" with "đạo đức". Counts, per
   * result id, the positions where word i is directly followed by word i + 1, from the word
   * locations Pagefind returns for each word searched alone.
   */
  async function adjacentPairs(words, options, locationsOf) {
    var perWord = [];
    for (var i = 0; i < words.length; i++) perWord.push(await locationsOf(words[i], options));
    var pairs = new Map();
    for (var w = 0; w + 1 < words.length; w++) {
      perWord[w].forEach(function (positions, id) {
        var following = perWord[w + 1].get(id);
        if (!following) return;
        var count = 0;
        positions.forEach(function (position) {
          if (following.has(position + 1)) count++;
        });
        if (count) pairs.set(id, (pairs.get(id) || 0) + count);
      });
    }
    return pairs;
  }

  /**
   * Runs a query and merges its variants into one list of Pagefind results:
   * - relevance: pages matching every typed tone mark (the exact pass) first, then pages where the
   *   query's words stand together (see adjacentPairs), then the rest; within each, a page's best
   *   Pagefind score over the variants, raised by how often its words stand together;
   * - newest: each variant comes back in date order from Pagefind; they are merged by date,
   *   reading each page's date as the list is walked (see ResultList).
   * A query of no words with a filter lists the filter's pages, newest first.
   */
  function runSearch(query, filters, newest) {
    return exclusive(async function () {
      var pagefind = await getPagefind();
      var sort = newest || !query ? { date: "desc" } : undefined;
      var options = { filters: filters, sort: sort };
      if (!query) {
        var all = await pagefind.search(null, options);
        return new ResultList([all.results], true);
      }
      // Whether the index holds a word: a quoted search matches whole words only, no prefixes.
      var known = new Map();
      var hasWord = function (word) {
        if (!known.has(word)) {
          known.set(
            word,
            pagefind.search('"' + word + '"').then(function (found) {
              return found.results.length > 0;
            }),
          );
        }
        return known.get(word);
      };
      var variants = await expandQuery(query, hasWord);
      var lists = [];
      for (var i = 0; i < variants.length; i++) lists.push((await pagefind.search(variants[i], options)).results);
      if (newest) return new ResultList(lists, true);

      var best = new Map();
      lists.forEach(function (results) {
        results.forEach(function (result) {
          var seen = best.get(result.id);
          if (!seen || result.score > seen.score) best.set(result.id, result);
        });
      });

      // Exact pass: only when the reader typed marks, else it could only repeat the folded search.
      // Its results stand in for the folded ones, so that their excerpts mark the words as typed.
      var exact = new Set();
      if (fold(query) !== query) {
        for (var j = 0; j < variants.length; j++) {
          (await exactSearch(pagefind, variants[j], options)).results.forEach(function (result) {
            exact.add(result.id);
            var folded = best.get(result.id);
            result.score = Math.max(result.score, folded ? folded.score : 0);
            best.set(result.id, result);
          });
        }
      }

      var together = new Map();
      var parsed = parseQuery(query);
      if (!parsed.phrase && parsed.words.length > 1) {
        var locations = new Map();
        var locationsOf = async function (word, searchOptions) {
          if (!locations.has(word)) {
            var byId = new Map();
            (await pagefind.search(word, searchOptions)).results.forEach(function (result) {
              byId.set(result.id, new Set(result.words));
            });
            locations.set(word, byId);
          }
          return locations.get(word);
        };
        for (var v = 0; v < variants.length; v++) {
          if (lists[v].length === 0) continue;
          (await adjacentPairs(parseQuery(variants[v]).words, { filters: filters }, locationsOf)).forEach(function (count, id) {
            together.set(id, Math.max(together.get(id) || 0, count));
          });
        }
      }

      var rank = function (result) {
        return result.score * (1 + Math.log(1 + (together.get(result.id) || 0)));
      };
      var merged = Array.from(best.values()).sort(function (a, b) {
        return (
          (exact.has(b.id) ? 1 : 0) - (exact.has(a.id) ? 1 : 0) ||
          (together.has(b.id) ? 1 : 0) - (together.has(a.id) ? 1 : 0) ||
          rank(b) - rank(a)
        );
      });
      return new ResultList([merged], false);
    });
  }

  /**
   * Results loaded a page at a time. With several lists each in date order (newest first), it merges
   * them by date, loading only the pages it shows, plus the head of each list.
   */
  function ResultList(lists, byDate) {
    this.lists = lists;
    this.byDate = byDate;
    this.positions = lists.map(function () {
      return 0;
    });
    this.taken = new Set();
    var ids = new Set();
    lists.forEach(function (results) {
      results.forEach(function (result) {
        ids.add(result.id);
      });
    });
    this.total = ids.size;
  }

  ResultList.prototype.hasMore = function () {
    return this.taken.size < this.total;
  };

  /** The next `count` results, with their data (URL, title, excerpt, metadata) loaded. */
  ResultList.prototype.next = async function (count) {
    var out = [];
    while (out.length < count && this.hasMore()) {
      var pick = -1;
      var pickData = null;
      for (var i = 0; i < this.lists.length; i++) {
        var list = this.lists[i];
        while (this.positions[i] < list.length && this.taken.has(list[this.positions[i]].id)) this.positions[i]++;
        if (this.positions[i] >= list.length) continue;
        if (!this.byDate || this.lists.length === 1) {
          pick = i;
          break;
        }
        var data = await dataOf(list[this.positions[i]]);
        if (pick === -1 || (data.meta.date || "") > (pickData.meta.date || "")) {
          pick = i;
          pickData = data;
        }
      }
      if (pick === -1) break;
      var result = this.lists[pick][this.positions[pick]];
      this.taken.add(result.id);
      out.push(result);
    }
    return Promise.all(out.map(dataOf));
  };

  var loadedData = new WeakMap();

  function dataOf(result) {
    if (!loadedData.has(result)) loadedData.set(result, result.data());
    return loadedData.get(result);
  }

  // ---- Page ----------------------------------------------------------------------------------

  function label(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return name in values ? String(values[name]) : whole;
    });
  }

  /** Vietnamese number format: 1234 → "1.234". */
  function formatNumber(value) {
    return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }

  /** "Thứ Ba, 20/09/2011 09:05" from 2011-09-20T09:05:00+07:00, as the article lists show it. */
  function formatDate(iso, weekdays) {
    var match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso || "");
    if (!match) return "";
    // The ISO date is already in Vietnam time; the weekday depends only on the calendar date.
    var weekday = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])).getUTCDay();
    return weekdays[(weekday + 6) % 7] + ", " + match[3] + "/" + match[2] + "/" + match[1] + " " + match[4] + ":" + match[5];
  }

  /** A result's link, relative to the site root; from disk a folder needs its index.html. */
  function pageHref(url) {
    var path = String(url).replace(/^\//, "");
    if (location.protocol === "file:" && (path === "" || /\/$/.test(path))) path += "index.html";
    return root + path;
  }

  function renderResult(data, strings) {
    var item = document.createElement("li");
    item.className = "search-result";
    var heading = document.createElement("h3");
    heading.className = "search-result__title";
    var link = document.createElement("a");
    link.href = pageHref(data.url);
    link.textContent = data.meta.title || data.url;
    heading.appendChild(link);
    item.appendChild(heading);

    var meta = document.createElement("p");
    meta.className = "meta";
    if (data.meta.date) {
      var time = document.createElement("time");
      time.dateTime = data.meta.date;
      time.textContent = formatDate(data.meta.date, strings.weekdays);
      meta.appendChild(time);
    }
    if (data.meta.category) {
      if (meta.firstChild) meta.appendChild(document.createTextNode(" · "));
      var category = document.createElement("span");
      category.className = "search-result__category";
      category.textContent = data.meta.category;
      meta.appendChild(category);
    }
    item.appendChild(meta);

    var excerpt = document.createElement("p");
    excerpt.className = "search-result__excerpt";
    // Pagefind escapes the page text and adds only <mark> elements: safe as HTML.
    excerpt.innerHTML = data.excerpt;
    item.appendChild(excerpt);
    return item;
  }

  function setUp(form) {
    var strings = JSON.parse(document.getElementById("search-strings").textContent);
    var input = form.elements.namedItem("q");
    var category = form.elements.namedItem("chuyen-muc");
    var year = form.elements.namedItem("nam");
    var sort = form.elements.namedItem("sap-xep");
    var status = document.querySelector("[data-search-status]");
    var list = document.querySelector("[data-search-results]");
    var more = document.querySelector("[data-search-more]");
    var noScript = document.querySelector("[data-search-nojs]");
    if (noScript) noScript.hidden = true;

    var generation = 0;
    var current = null;
    var timer = 0;

    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    setSelect(category, params.get("chuyen-muc"));
    setSelect(year, params.get("nam"));
    setSelect(sort, params.get("sap-xep"));

    function setSelect(select, value) {
      if (!value) return;
      for (var i = 0; i < select.options.length; i++) {
        if (select.options[i].value === value) select.value = value;
      }
    }

    function filters() {
      var chosen = {};
      if (category.value) chosen.category = category.value;
      if (year.value) chosen.year = year.value;
      return chosen;
    }

    /** Keeps the address in step with the form, so that a search can be shared or bookmarked. */
    function updateAddress(query) {
      var next = new URLSearchParams();
      if (query) next.set("q", query);
      if (category.value) next.set("chuyen-muc", category.value);
      if (year.value) next.set("nam", year.value);
      if (sort.value) next.set("sap-xep", sort.value);
      var search = next.toString();
      if (location.protocol === "file:") return;
      history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
    }

    async function search() {
      var mine = ++generation;
      var typed = input.value.trim();
      var query = cleanQuery(typed);
      updateAddress(typed);
      var chosen = filters();
      if (!query && Object.keys(chosen).length === 0) {
        current = null;
        list.replaceChildren();
        more.hidden = true;
        status.textContent = strings.prompt;
        return;
      }
      status.textContent = strings.loading;
      try {
        var results = await runSearch(query, chosen, sort.value === "moi-nhat");
        var first = await results.next(PAGE_SIZE);
        if (mine !== generation) return;
        current = results;
        list.replaceChildren.apply(
          list,
          first.map(function (data) {
            return renderResult(data, strings);
          }),
        );
        more.hidden = !results.hasMore();
        var shown = typed || [chosen.category, chosen.year].filter(Boolean).join(", ");
        status.textContent = results.total === 0 ? label(strings.noResult, { query: shown }) : label(strings.count, { count: formatNumber(results.total), query: shown });
      } catch (error) {
        if (mine !== generation) return;
        status.textContent = strings.failed;
        console.error(error);
      }
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      search();
    });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      // Start fetching Pagefind while the reader types.
      getPagefind().catch(function () {});
      timer = setTimeout(search, DEBOUNCE_MS);
    });
    [category, year, sort].forEach(function (select) {
      select.addEventListener("change", function () {
        clearTimeout(timer);
        search();
      });
    });
    var loadingMore = false;
    more.addEventListener("click", async function () {
      var results = current;
      // One page at a time: two walks of the same list at once would show a result twice.
      if (!results || loadingMore) return;
      loadingMore = true;
      var mine = generation;
      var page;
      try {
        page = await results.next(PAGE_SIZE);
      } finally {
        loadingMore = false;
      }
      if (mine !== generation) return;
      var firstNew = null;
      page.forEach(function (data) {
        var item = renderResult(data, strings);
        if (!firstNew) firstNew = item;
        list.appendChild(item);
      });
      more.hidden = !results.hasMore();
      // Keyboard and screen-reader users continue from the first new result.
      if (firstNew) {
        var link = firstNew.querySelector("a");
        if (link) link.focus();
      }
    });

    search();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form[data-search]");
    if (form) setUp(form);
  });
})();
