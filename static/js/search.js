// Search client. Loaded by site.js when the reader focuses a search box (or on the search
// page). It implements the ranking of generator/internal/search (query.go, match.go): keep
// the two in step. Index files are scripts that call hbsearch(key, data); over HTTP they are
// fetched and the JSON after the first comma is parsed, from file:// they are loaded as
// <script> elements. No eval, no inline script, no WebAssembly.
(function () {
  "use strict";
  var form = document.querySelector("form[data-search]");
  var early = window.hbsearch;
  if (!form || (early && early.query)) return;
  var lang = form.getAttribute("data-search-lang");
  var me = document.currentScript;
  var root = (me ? me.src : location.href).replace(/assets\/js\/[^/]*$/, "");
  var base = root + "search/" + lang + "/";
  var useFetch = /^https?:$/.test(location.protocol);
  // From disk (an offline copy) a page is reached by its index.html, relative to the copy.
  function pageURL(u) {
    if (useFetch) return u;
    var i = u.indexOf("#"), path = (i < 0 ? u : u.slice(0, i)).replace(/^\//, "");
    return root + path + (/\/$|^$/.test(path) ? "index.html" : "") + (i < 0 ? "" : u.slice(i));
  }
  var PREFIX = 0.8, TYPO = 0.7, MAXEXP = 20, MINTYPO = 5, WINDOW = 10, MAXPREFIXSHARDS = 6;
  var TABLE = { "ø": "o", "æ": "ae", "œ": "oe", "ı": "i", "ß": "ss", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "ŀ": "l", "ħ": "h", "ـ": "" };
  var WORD = /[\p{L}\p{Nd}\p{Mn}\p{Mc}]+/gu;
  var files = {}, posts = {}, cache = {};
  var entry;

  function t(k) { return form.getAttribute("data-t-" + k) || ""; }
  function fold(s) {
    return s.normalize("NFD").replace(/\p{Mn}/gu, "").toLowerCase()
      .replace(/[øæœıßđðłþŀħـ]/g, function (c) { return TABLE[c]; }).normalize("NFC");
  }
  var folded = new Map();
  function foldWord(w) {
    var f = folded.get(w);
    if (f === undefined) folded.set(w, (f = fold(w)));
    return f;
  }
  function words(s) { return (s.match(WORD) || []).filter(function (w) { return w.length <= 80; }); }
  function esc(s) { return s.replace(/[&<>"]/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; }); }

  // hbsearch registers a loaded file; it is also the API for tests: hbsearch.query(q).
  var hb = window.hbsearch = function (key, data) {
    var f = files[key];
    if (f) f.resolve(data);
    else files[key] = { p: Promise.resolve(data), resolve: function () {} };
  };
  ((early && early.q) || []).forEach(function (x) { files[x[0]] = { p: Promise.resolve(x[1]), resolve: function () {} }; });
  function load(name) {
    var key = lang + "/" + name;
    if (files[key]) return files[key].p;
    var f = files[key] = {}, url = base + name + ".js";
    f.p = new Promise(function (resolve, reject) {
      f.resolve = resolve;
      if (useFetch) {
        // Every file but the entry has a content hash in its path: a cached copy is never stale,
        // so use it without asking the server (this also works offline once fetched).
        fetch(url, name === "index" ? {} : { cache: "force-cache" }).then(function (r) {
          if (!r.ok) throw new Error(url + ": " + r.status);
          return r.text();
        }).then(function (s) { resolve(JSON.parse(s.slice(s.indexOf(",") + 1, s.lastIndexOf(")")))); }, reject);
      } else {
        var el = document.createElement("script");
        el.src = url;
        el.onerror = function () { reject(new Error(url)); };
        document.head.appendChild(el);
      }
    });
    f.p.catch(function () { delete files[key]; });
    return f.p;
  }

  // shardOf: the shard whose key is the longest prefix of k. under: shards whose key starts with k.
  function shardOf(k) {
    var s = entry.s, best = null, len = -1;
    for (var i = 0; i < s.length; i += 2) {
      if (s[i].length > len && k.lastIndexOf(s[i], 0) === 0) { best = s[i + 1]; len = s[i].length; }
    }
    return best;
  }
  function under(k) {
    var s = entry.s, out = [];
    for (var i = 0; i < s.length; i += 2) if (s[i].length > k.length && s[i].lastIndexOf(k, 0) === 0) out.push(s[i + 1]);
    return out.length > MAXPREFIXSHARDS ? [] : out;
  }
  // A word with a letter no shard starts with is in no shard: it has an empty one.
  var NONE = { w: {}, p: {}, v: {} };
  function shard(k) { var n = shardOf(k); return n ? files[lang + "/" + n].data : NONE; }
  function loadAll(names) {
    return Promise.all(names.filter(Boolean).map(function (n) {
      return load(n).then(function (d) { files[lang + "/" + n].data = d; return d; });
    }));
  }
  function postings(stem) {
    if (posts[stem]) return posts[stem];
    var flat = shard(stem).p[stem] || [], m = new Map(), page = 0;
    for (var i = 0; i < flat.length; i += 2) { page += flat[i]; m.set(page, flat[i + 1]); }
    return (posts[stem] = m);
  }

  function oneEdit(a, b) {
    var x = Array.from(a), y = Array.from(b);
    if (x.length > y.length) { var z = x; x = y; y = z; }
    if (y.length - x.length > 1) return false;
    var i = 0;
    while (i < x.length && x[i] === y[i]) i++;
    if (x.length === y.length) {
      if (i === x.length) return false;
      if (x.slice(i + 1).join("") === y.slice(i + 1).join("")) return true;
      return i + 1 < x.length && x[i] === y[i + 1] && x[i + 1] === y[i] && x.slice(i + 2).join("") === y.slice(i + 2).join("");
    }
    return x.slice(i).join("") === y.slice(i + 1).join("");
  }

  // candidates lists [word, stem] of the loaded shards for w that pass keep.
  function candidates(w, names, keep) {
    var out = [];
    names.filter(Boolean).forEach(function (n) {
      var d = files[lang + "/" + n].data;
      for (var x in d.w) if (keep(x)) out.push([x, d.w[x] || x]);
    });
    return out;
  }
  // expand adds candidates, most frequent first, up to MAXEXP stems.
  function expand(slot, cands, factor) {
    cands.forEach(function (c) { c[2] = (shard(c[1]).p[c[1]] || []).length; });
    cands.sort(function (a, b) { return b[2] - a[2] || (a[0] < b[0] ? -1 : 1); });
    var seen = {};
    slot.forEach(function (c) { seen[c[0]] = 1; });
    var n = slot.length;
    cands.forEach(function (c) {
      if (n < MAXEXP && !seen[c[1]]) { seen[c[1]] = 1; n++; slot.push([c[1], factor]); }
    });
    return slot;
  }

  async function parse(q, prefix) {
    entry = await load("index");
    var toks = words(fold(q)), names = [], cs = [], stems = [], need = [];
    toks.forEach(function (w, i) {
      var c = { w: w, names: [shardOf(w)], last: prefix && i === toks.length - 1 && !/\s$/.test(q) };
      if (c.last) c.names = c.names.concat(under(w));
      names = names.concat(c.names);
      cs.push(c);
    });
    await loadAll(names);
    cs.forEach(function (c) {
      var w = c.w, st = shard(w).w[w];
      c.exact = st !== undefined;
      c.slot = c.exact ? [[st || w, 1]] : [];
      stems.push(c.exact ? st || w : w);
      if (c.last) c.pre = candidates(w, c.names, function (x) { return x !== w && x.lastIndexOf(w, 0) === 0; });
      if (!c.exact && Array.from(w).length >= MINTYPO) c.typo = candidates(w, c.names, function (x) { return oneEdit(w, x); });
      (c.pre || []).concat(c.typo || []).forEach(function (x) { need.push(shardOf(x[1])); });
    });
    await loadAll(Array.from(new Set(need)));
    cs = cs.map(function (c) {
      if (c.pre) expand(c.slot, c.pre, PREFIX);
      if (c.typo) expand(c.slot, c.typo, TYPO);
      return [[c.slot]];
    });
    cs = synonyms(cs, stems);
    need = [];
    cs.forEach(function (c) { c.forEach(function (alt) { alt.forEach(function (slot) { slot.forEach(function (ch) { need.push(shardOf(ch[0])); }); }); }); });
    await loadAll(Array.from(new Set(need)));
    return cs;
  }

  function same(a, b) { return a.length === b.length && a.every(function (x, i) { return x === b[i]; }); }
  function synonyms(cs, stems) {
    for (var i = 0; i < stems.length; i++) {
      var bl = 0, bg = -1;
      (entry.syn || []).forEach(function (g, gi) {
        g.forEach(function (alt) {
          if (alt.length > bl && i + alt.length <= stems.length && same(stems.slice(i, i + alt.length), alt)) { bl = alt.length; bg = gi; }
        });
      });
      if (bg < 0) continue;
      var c = entry.syn[bg].map(function (alt) { return alt.map(function (s) { return [[s, 1]]; }); });
      if (bl === 1) c.push(cs[i][0]);
      cs.splice(i, bl, c);
      stems.splice(i, bl, "");
    }
    return cs;
  }

  // conceptScores: the alternatives of a synonym group count as one word, each stem scaled
  // from its own rarity to the group's (query.go).
  function idf(df) { return Math.log(1 + (entry.n - df + 0.5) / (df + 0.5)); }
  function altScores(alt, scale) {
    var sum = null;
    alt.forEach(function (slot) {
      var s = new Map();
      slot.forEach(function (ch) {
        var f = ch[1] * scale(ch[0]);
        postings(ch[0]).forEach(function (w, page) { s.set(page, Math.max(s.get(page) || 0, f * w)); });
      });
      if (!sum) { sum = s; return; }
      sum.forEach(function (v, page) { if (s.get(page)) sum.set(page, v + s.get(page)); else sum.delete(page); });
    });
    return sum;
  }
  function conceptScores(c) {
    var scale = function () { return 1; }, out = new Map();
    if (c.length > 1) {
      var union = new Set();
      c.forEach(function (alt) { altScores(alt, scale).forEach(function (v, page) { union.add(page); }); });
      var group = idf(union.size);
      scale = function (stem) { return Math.min(1, group / idf(postings(stem).size)); };
    }
    c.forEach(function (alt) {
      altScores(alt, scale).forEach(function (v, page) { out.set(page, Math.max(out.get(page) || 0, v)); });
    });
    return out;
  }

  function highlightSets(cs) {
    return cs.map(function (c) {
      var set = new Set();
      c.forEach(function (alt) {
        alt.forEach(function (slot) {
          slot.forEach(function (ch) {
            var d = shard(ch[0]);
            if (d.w[ch[0]] === "") set.add(ch[0]);
            (d.v[ch[0]] || []).forEach(function (v) { set.add(v); });
          });
        });
      });
      return set;
    });
  }

  function cmp(a, b) {
    return b.matched - a.matched || (b.phrase || 0) - (a.phrase || 0) || b.score - a.score || a.page - b.page;
  }

  async function filterSet(filters) {
    var keys = Object.keys(filters).filter(function (k) { return filters[k]; });
    if (!keys.length) return null;
    var f = await load(entry.f), set = null;
    keys.forEach(function (k) {
      var s = new Set(), page = 0;
      ((f[k] || {})[filters[k]] || []).forEach(function (gap) { page += gap; s.add(page); });
      set = set ? new Set(Array.from(set).filter(function (p) { return s.has(p); })) : s;
    });
    return set;
  }

  // query ranks the pages: all words first, then phrases (on the first WINDOW), then score.
  async function query(q, prefix, filters) {
    var cs = await parse(q, prefix);
    if (!cs.length) return { results: [], sets: [] };
    var by = new Map();
    cs.forEach(function (c) {
      conceptScores(c).forEach(function (s, page) {
        var r = by.get(page) || { page: page, score: 0, matched: 0 };
        r.score += s; r.matched++;
        by.set(page, r);
      });
    });
    var allowed = await filterSet(filters || {});
    var results = Array.from(by.values()).filter(function (r) { return !allowed || allowed.has(r.page); });
    results.sort(cmp);
    var sets = highlightSets(cs);
    await details(results.slice(0, WINDOW), sets, cs.length > 1);
    var head = results.slice(0, WINDOW).sort(cmp);
    return { results: head.concat(results.slice(WINDOW)), sets: sets };
  }

  // details loads the stored pages of results and finds phrases and the best section.
  // A page's words are folded once: d.k = [title, summary, [heading, text] per section].
  function keys(d) {
    if (!d.k) {
      var f = function (x) { return words(fold(x || "")); };
      d.k = [f(d.t), f(d.s), d.h.map(function (s) { return [f(s[1]), f(s[2])]; })];
      d.k[3] = d.k[2].map(function (x) { return [new Set(x[0]), new Set(x[1])]; });
    }
    return d.k;
  }
  async function details(rs, sets, phrases) {
    var docs = await Promise.all(rs.map(function (r) { return load(entry.d + "/" + r.page); }));
    rs.forEach(function (r, i) {
      var d = r.doc = docs[i], k = keys(d), best = -1, bestScore = 0, title = new Set(k[0]);
      sets.forEach(function (set) { if (has(title, set)) bestScore += 2; });
      k[3].forEach(function (hb, n) {
        var score = 0;
        sets.forEach(function (set) { if (has(hb[0], set)) score += 2; else if (has(hb[1], set)) score++; });
        if (score > bestScore) { best = n; bestScore = score; }
      });
      r.section = best < 0 ? null : d.h[best];
      r.phrase = !phrases ? 0 : phrase(k[0], sets) ? 2 :
        phrase(k[1], sets) || k[2].some(function (x) { return phrase(x[0], sets) || phrase(x[1], sets); }) ? 1 : 0;
    });
  }
  function has(a, set) { for (var x of set) if (a.has(x)) return true; return false; }
  function phrase(toks, sets) {
    outer: for (var i = 0; i + sets.length <= toks.length; i++) {
      for (var k = 0; k < sets.length; k++) if (!sets[k].has(toks[i + k])) continue outer;
      return true;
    }
    return false;
  }

  // mark escapes text and wraps the words of the query in <mark>.
  function mark(text, sets) {
    var out = "", last = 0, m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text))) {
      var f = foldWord(m[0]);
      if (sets.some(function (s) { return s.has(f); })) {
        out += esc(text.slice(last, m.index)) + "<mark>" + esc(m[0]) + "</mark>";
        last = m.index + m[0].length;
      }
    }
    return out + esc(text.slice(last));
  }
  function snippet(r, sets) {
    var text = (r.section && r.section[2]) || r.doc.s || "", at = -1, m;
    WORD.lastIndex = 0;
    while (at < 0 && (m = WORD.exec(text))) {
      var f = foldWord(m[0]);
      if (sets.some(function (s) { return s.has(f); })) at = m.index;
    }
    var from = Math.max(0, at - 60), to = Math.min(text.length, Math.max(at, 0) + 160);
    while (from > 0 && /\S/.test(text[from - 1])) from--;
    while (to < text.length && /\S/.test(text[to])) to++;
    return (from > 0 ? "… " : "") + mark(text.slice(from, to), sets) + (to < text.length ? " …" : "");
  }

  function item(r, sets, n) {
    var d = r.doc, url = pageURL(d.u + (r.section && r.section[0] ? "#" + r.section[0] : ""));
    var sec = r.section && r.section[1] ? ' <span class="search-section">› ' + mark(r.section[1], sets) + "</span>" : "";
    return '<li class="search-result"><a id="' + n + '" href="' + esc(url) + '"><span class="search-title">' + mark(d.t, sets) + "</span>" +
      sec + ' <span class="search-type">' + esc(d.y) + '</span></a><p class="search-snippet">' + snippet(r, sets) + "</p></li>";
  }
  function count(n) { return n === 0 ? t("none") : n === 1 ? t("one") : t("many").replace("{n}", n); }

  // ui binds an input, a result list and a status line; more is the page size, or 0 for a dropdown.
  function ui(input, list, status, panel, getFilters, onQuery) {
    var timer, seq = 0, shown = 0, current;
    async function run() {
      var q = input.value.trim(), filters = getFilters(), my = ++seq;
      if (onQuery) onQuery(q, filters);
      if (!q) { list.innerHTML = ""; status.textContent = ""; if (panel) panel.hidden = true; return; }
      var key = q + "\n" + JSON.stringify(filters) + (panel ? "\nprefix" : "");
      status.textContent = t("loading");
      try {
        var res = cache[key] || (cache[key] = await query(input.value, !!panel, filters));
        if (my !== seq) return;
        current = res; shown = 0; list.innerHTML = "";
        await show();
        list.setAttribute("data-query", q); // which words the list answers (tests wait for it)
        status.textContent = count(res.results.length);
      } catch (e) {
        delete cache[key];
        if (my === seq) status.textContent = t("error");
      }
      if (panel) panel.hidden = false;
    }
    async function show() {
      var rs = current.results.slice(shown, shown + WINDOW);
      var missing = rs.filter(function (r) { return !r.doc; });
      if (missing.length) await details(missing, current.sets, false);
      list.insertAdjacentHTML("beforeend", rs.map(function (r, i) { return item(r, current.sets, list.id + "-" + (shown + i)); }).join(""));
      shown += rs.length;
      var more = list.parentNode.querySelector(".search-more");
      if (more) more.hidden = shown >= current.results.length;
      if (panel) {
        var all = panel.querySelector(".search-all");
        all.href = form.action + "?q=" + encodeURIComponent(input.value.trim());
        all.hidden = current.results.length <= WINDOW;
      }
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 120); });
    // Keyboard: arrows move between the input and the results, Escape goes back and closes.
    function links() { return Array.from((panel || list).querySelectorAll("a")); }
    (panel || list).parentNode.addEventListener("keydown", function (e) {
      var ls = links(), i = ls.indexOf(document.activeElement);
      if (e.key === "ArrowDown" && (e.target === input || i >= 0)) { e.preventDefault(); (ls[i + 1] || ls[i] || input).focus(); }
      else if (e.key === "ArrowUp" && i >= 0) { e.preventDefault(); (i ? ls[i - 1] : input).focus(); }
      else if (e.key === "Escape" && panel) { panel.hidden = true; input.focus(); }
    });
    return { run: run, more: function () { return show(); } };
  }

  // The box in the header: results as you type, in a panel under it.
  var panel = form.querySelector(".search-panel");
  var box = ui(form.querySelector("input[name=q]"), panel.querySelector("ol"), panel.querySelector("[role=status]"), panel,
    function () { return {}; });
  document.addEventListener("click", function (e) { if (!form.contains(e.target)) panel.hidden = true; });
  // What was typed before this script arrived (it loads when the box gets focus) fired no
  // input event this script could hear: search for it now.
  var typed = form.querySelector("input[name=q]");
  if (typed.value.trim() && document.activeElement === typed) box.run();

  // The search page: ?q= and the filters come from, and go back into, the URL.
  var page = document.querySelector("form[data-search-page]");
  if (page) {
    var az = document.getElementById("search-az"), params = new URLSearchParams(location.search);
    var fields = ["type", "theme", "audience"], pinput = page.querySelector("input[name=q]");
    pinput.value = params.get("q") || "";
    fields.forEach(function (f) { var el = page.elements[f]; if (el) el.value = params.get(f) || ""; });
    var p = ui(pinput, document.getElementById("search-results"), document.getElementById("search-status"), null,
      function () {
        var o = {};
        fields.forEach(function (f) { var el = page.elements[f]; if (el && el.value) o[f] = el.value; });
        return o;
      },
      function (q, filters) {
        var u = new URLSearchParams(filters);
        if (q) u.set("q", q);
        var s = u.toString();
        history.replaceState(null, "", location.pathname + (s ? "?" + s.replace(/\+/g, "%20") : ""));
        if (az) az.hidden = !!q;
      });
    page.addEventListener("change", function (e) { if (e.target.tagName === "SELECT") p.run(); });
    page.addEventListener("submit", function (e) { e.preventDefault(); p.run(); });
    var more = page.parentNode.querySelector(".search-more");
    if (more) more.addEventListener("click", function () { p.more(); });
    if (pinput.value) p.run();
  }

  hb.query = function (q, prefix, filters) {
    return query(q, prefix, filters).then(function (res) {
      return Promise.all(res.results.slice(0, WINDOW).map(function (r) { return r.doc; })).then(function () {
        return res.results.map(function (r) { return { url: r.doc ? r.doc.u + (r.section && r.section[0] ? "#" + r.section[0] : "") : r.page, score: r.score }; });
      });
    });
  };
  hb.run = box.run;
})();
