// Colour theme: an explicit choice in localStorage wins, otherwise the system preference.
// Loaded synchronously in <head> so the page never flashes in the wrong theme.
(function () {
  'use strict';
  var KEY = 'animetracker-theme';
  var media = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;

  function stored() {
    try {
      var value = window.localStorage.getItem(KEY);
      return value === 'dark' || value === 'light' ? value : null;
    } catch (e) {
      return null;
    }
  }

  function preferred() {
    return stored() || (media && media.matches ? 'dark' : 'light');
  }

  // The toggle is a toggle button for the dark theme: aria-pressed tells screen readers its state.
  function showState(theme) {
    var toggle = document.getElementById('theme-toggle');
    if (toggle) {
      toggle.setAttribute('aria-pressed', theme === 'dark' ? 'true' : 'false');
    }
  }

  function apply(theme) {
    document.documentElement.setAttribute('data-bs-theme', theme);
    showState(theme);
  }

  apply(preferred());

  if (media && media.addEventListener) {
    media.addEventListener('change', function () {
      if (!stored()) {
        apply(preferred());
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var toggle = document.getElementById('theme-toggle');
    if (!toggle) {
      return;
    }
    showState(document.documentElement.getAttribute('data-bs-theme'));
    toggle.addEventListener('click', function () {
      var next = document.documentElement.getAttribute('data-bs-theme') === 'dark' ? 'light' : 'dark';
      try {
        window.localStorage.setItem(KEY, next);
      } catch (e) {
        // Private mode: the choice lasts for this page only.
      }
      apply(next);
    });
  });
})();
