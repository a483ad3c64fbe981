// Live reload for `generator serve`; never part of the published site.
// A rebuilt page reloads (keeping the scroll position); changed stylesheets are swapped in
// place; a failed rebuild reloads to show the server's overlay with the problems.
(function () {
  'use strict';
  var key = 'handbook-serve-scroll:' + location.pathname;
  var saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    window.addEventListener('load', function () { window.scrollTo(0, parseInt(saved, 10) || 0); });
  }
  function reload() {
    sessionStorage.setItem(key, String(window.scrollY));
    location.reload();
  }
  function swapStylesheets() {
    fetch(location.href, { cache: 'no-store' }).then(function (r) { return r.text(); }).then(function (text) {
      var fresh = new DOMParser().parseFromString(text, 'text/html').querySelectorAll('link[rel="stylesheet"]:not([data-serve])');
      var old = document.querySelectorAll('link[rel="stylesheet"]:not([data-serve])');
      var pending = fresh.length;
      var done = function () { if (--pending <= 0) { old.forEach(function (l) { l.remove(); }); } };
      if (pending === 0) { done(); }
      fresh.forEach(function (l) {
        var n = document.createElement('link');
        n.rel = 'stylesheet';
        n.href = l.getAttribute('href');
        if (l.integrity) { n.integrity = l.integrity; }
        n.addEventListener('load', done);
        n.addEventListener('error', done);
        document.head.appendChild(n);
      });
    }).catch(reload);
  }
  var events = new EventSource('/__serve/events');
  // Tests (and the curious) can see that the page is listening.
  events.addEventListener('open', function () { window.handbookServeLive = true; });
  events.addEventListener('reload', function (e) {
    // data: the changed pages' paths, or "*" when the whole site was built.
    if (e.data === '*' || e.data.split(' ').indexOf(location.pathname) >= 0) { reload(); }
  });
  events.addEventListener('failed', reload);
  events.addEventListener('css', function () {
    if (document.getElementById('serve-overlay')) { reload(); } else { swapStylesheets(); }
  });
  var close = document.getElementById('serve-overlay-close');
  if (close) {
    close.addEventListener('click', function () { document.getElementById('serve-overlay').hidden = true; });
  }
})();
