// Short, shareable search addresses: empty fields are left out of the query string instead of
// sending "category=&tag=&uploader=&...". Without JavaScript the form works the same, only with
// a longer address.
(function () {
  'use strict';

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.querySelector('form[data-testid="search-form"]');
    if (!form) {
      return;
    }
    form.addEventListener('submit', function () {
      Array.prototype.forEach.call(form.elements, function (field) {
        if (field.name && !field.disabled && field.value === '') {
          field.disabled = true;
          field.setAttribute('data-left-out', '');
        }
      });
    });
    // Back through the history (bfcache) the fields must be usable again.
    window.addEventListener('pageshow', function () {
      Array.prototype.forEach.call(form.querySelectorAll('[data-left-out]'), function (field) {
        field.disabled = false;
        field.removeAttribute('data-left-out');
      });
    });
  });
})();
