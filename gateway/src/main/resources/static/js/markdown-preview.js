// Progressive enhancement for Markdown fields and the upload form (no inline scripts under the CSP).
// - "Preview" buttons: POST /api/markdown/preview {text} with the CSRF header copied from the
//   XSRF-TOKEN cookie, then show the returned (server-sanitised) HTML in the preview pane.
// - The upload form refuses files over the limit before sending them.
(function () {
  'use strict';

  function cookie(name) {
    var parts = document.cookie ? document.cookie.split('; ') : [];
    for (var i = 0; i < parts.length; i++) {
      var index = parts[i].indexOf('=');
      if (parts[i].substring(0, index) === name) {
        return decodeURIComponent(parts[i].substring(index + 1));
      }
    }
    return '';
  }

  function setUpPreview(container) {
    var source = document.getElementById(container.getAttribute('data-markdown-preview'));
    var button = container.querySelector('button');
    var pane = container.querySelector('.card');
    var body = container.querySelector('[data-preview-body]');
    if (!source || !button || !pane || !body) {
      return;
    }
    container.classList.remove('d-none');
    button.addEventListener('click', function () {
      var text = source.value || '';
      pane.classList.remove('d-none');
      if (!text.trim()) {
        body.textContent = button.getAttribute('data-empty') || '';
        return;
      }
      button.disabled = true;
      fetch('/api/markdown/preview', {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'Content-Type': 'application/json',
          'Accept': 'application/json',
          'X-XSRF-TOKEN': cookie('XSRF-TOKEN')
        },
        body: JSON.stringify({ text: text })
      })
        .then(function (response) {
          if (!response.ok) {
            throw new Error('HTTP ' + response.status);
          }
          return response.json();
        })
        .then(function (data) {
          // The HTML comes sanitised from torrent-service; the CSP blocks scripts regardless.
          body.innerHTML = data && typeof data.html === 'string' ? data.html : '';
        })
        .catch(function () {
          body.textContent = button.getAttribute('data-error') || 'Error';
        })
        .then(function () {
          button.disabled = false;
        });
    });
  }

  function setUpUploadLimit(form) {
    var max = parseInt(form.getAttribute('data-max-bytes'), 10);
    var input = form.querySelector('input[type=file]');
    if (!max || !input) {
      return;
    }
    function check() {
      var file = input.files && input.files[0];
      var tooLarge = !!file && file.size > max;
      input.setCustomValidity(tooLarge ? form.getAttribute('data-too-large') || 'Too large' : '');
      return !tooLarge;
    }
    input.addEventListener('change', check);
    form.addEventListener('submit', function (event) {
      if (!check()) {
        event.preventDefault();
        input.reportValidity();
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var previews = document.querySelectorAll('[data-markdown-preview]');
    for (var i = 0; i < previews.length; i++) {
      setUpPreview(previews[i]);
    }
    var upload = document.getElementById('upload-form');
    if (upload) {
      setUpUploadLimit(upload);
    }
  });
})();
