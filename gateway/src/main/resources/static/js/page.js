// Small enhancements every page gets (issue 14); the pages work the same without them.
//
// 1. Dates in the viewer's time zone. The server renders every date in UTC, labelled
// "UTC", inside <time datetime="ISO instant">; this rewrites the text into local time with the
// same shape (tables: "2025-03-05 17:03", pages: the long localized form) and puts the full date
// with its time zone name into the title. Without JavaScript the UTC text stays, still correct.
// 2. A field the user corrects drops its old error at once (red border, aria-invalid, message):
// the error was about the value that was sent, not the one now typed.
(function () {
  'use strict';
  var lang = document.documentElement.lang || 'ru';
  var SHORT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/;

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  function localise(el) {
    var iso = el.getAttribute('datetime');
    if (!iso || iso.indexOf('T') < 0) { return; }
    var date = new Date(iso);
    if (isNaN(date.getTime())) { return; }
    var text = el.textContent.trim();
    try {
      el.textContent = SHORT.test(text)
        ? date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) + ' ' +
          pad(date.getHours()) + ':' + pad(date.getMinutes())
        : new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(date);
      el.title = new Intl.DateTimeFormat(lang, {
        dateStyle: 'full', timeStyle: 'long'
      }).format(date);
    } catch (e) {
      // An old browser without these Intl options keeps the server's UTC text.
    }
  }

  function corrected(event) {
    var field = event.target;
    if (!field || field.getAttribute('aria-invalid') !== 'true') { return; }
    field.classList.remove('is-invalid');
    field.removeAttribute('aria-invalid');
    var described = (field.getAttribute('aria-describedby') || '').split(/\s+/).filter(function (id) {
      var message = id ? document.getElementById(id) : null;
      if (message && message.classList.contains('invalid-feedback')) {
        message.hidden = true;
        return false;
      }
      return id !== '';
    });
    if (described.length) {
      field.setAttribute('aria-describedby', described.join(' '));
    } else {
      field.removeAttribute('aria-describedby');
    }
  }

  function run() {
    var times = document.querySelectorAll('time[datetime]');
    for (var i = 0; i < times.length; i++) { localise(times[i]); }
    document.addEventListener('input', corrected);
    document.addEventListener('change', corrected);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', run);
  } else {
    run();
  }
})();
