// Site script: small, deferred, no inline code anywhere (the CSP allows only 'self').
(function () {
  "use strict";
  // Remember the language a reader picks in the switcher, so "/" can send them back to it.
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a[data-lang]");
    if (!a) return;
    try { localStorage.setItem("handbook-lang", a.getAttribute("data-lang")); } catch (err) { /* private mode */ }
    document.cookie = "nf_lang=" + a.getAttribute("data-lang") + "; path=/; max-age=31536000; SameSite=Lax";
  });
  // The root page lists the languages; a reader who chose one before goes straight to it.
  var list = document.querySelector("[data-remember-language]");
  if (list) {
    var lang = null;
    try { lang = localStorage.getItem("handbook-lang"); } catch (err) { /* private mode */ }
    var a = lang && list.querySelector('a[data-lang="' + lang.replace(/[^a-z-]/gi, "") + '"]');
    if (a) location.replace(a.href);
  }
})();

// Search: static/js/search.js loads only when a reader focuses a search box (press "/" to
// jump there), or straight away on the search page.
(function () {
  "use strict";
  var form = document.querySelector("form[data-search]");
  if (!form) return;
  var loaded = false;
  function add(src, integrity) {
    var s = document.createElement("script");
    s.src = src;
    // file:// copies have no origin to check an integrity value against.
    if (integrity && location.protocol !== "file:") s.integrity = integrity;
    document.head.appendChild(s);
  }
  function load() {
    if (loaded) return;
    loaded = true;
    var src = new URL(form.getAttribute("data-script"), document.baseURI).href;
    // The index's entry file loads beside the script, not after it: it registers itself in
    // a queue that search.js reads.
    window.hbsearch = window.hbsearch || function (key, data) { (window.hbsearch.q = window.hbsearch.q || []).push([key, data]); };
    add(src.replace(/assets\/js\/[^/]*$/, "") + "search/" + form.getAttribute("data-search-lang") + "/index.js");
    add(src, form.getAttribute("data-integrity"));
  }
  document.addEventListener("focusin", function (e) { if (e.target.type === "search") load(); });
  document.addEventListener("keydown", function (e) {
    var el = e.target, tag = el.tagName;
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || el.isContentEditable || tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") return;
    e.preventDefault();
    form.querySelector("input[name=q]").focus();
  });
  if (document.querySelector("form[data-search-page]")) load();
})();

// Print buttons ([data-print]) are hidden without JavaScript, since they need it to work.
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (b) {
    b.hidden = false;
    b.addEventListener("click", function () { window.print(); });
  });
})();
