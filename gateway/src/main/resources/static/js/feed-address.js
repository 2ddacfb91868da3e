// Profile page: builds the personal feed address (/rss/me?apikey=...) from a pasted API key and
// copies feed addresses. user-service keeps only the key's hash, so the page cannot show the key
// again; the key typed here never leaves the browser. Without JavaScript the builder stays hidden.
(function () {
  'use strict';
  var KEY = /^[0-9a-f]{64}$/;

  function copied(button) {
    var status = document.getElementById('copy-status');
    if (status) {
      status.textContent = button.getAttribute('data-copied');
    }
  }

  function copy(button) {
    var source = document.getElementById(button.getAttribute('data-copy'));
    if (!source) {
      return;
    }
    var text = 'value' in source ? source.value : source.textContent;
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { copied(button); });
      return;
    }
    // Plain http on another host: the old way, through a selection.
    var range = document.createRange();
    range.selectNodeContents(source);
    if ('select' in source) {
      source.select();
    } else {
      window.getSelection().removeAllRanges();
      window.getSelection().addRange(range);
    }
    if (document.execCommand('copy')) {
      copied(button);
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    var builder = document.querySelector('[data-feed-builder]');
    var key = document.getElementById('personal-feed-key');
    var address = document.getElementById('personal-feed-url');
    if (builder && key && address) {
      builder.classList.remove('d-none');
      var update = function () {
        var value = key.value.trim().toLowerCase();
        address.value = KEY.test(value)
          ? window.location.origin + address.getAttribute('data-feed-path') + value
          : '';
      };
      key.addEventListener('input', update);
      update();
    }
    document.querySelectorAll('[data-copy]').forEach(function (button) {
      button.classList.remove('d-none');
      button.addEventListener('click', function () { copy(button); });
    });
  });
})();
