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
})();
