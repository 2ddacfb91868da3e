// Progressive enhancement of the upload form: when a .torrent is chosen, read its name and file
// paths here in the browser, fill the title if it is empty, ask POST /api/releases/parse what the
// name says and fill the release fields that are still empty. Nothing the user typed is replaced
// (only values this script filled itself, when another file is chosen). Without JavaScript the
// server parses the same name on upload, so the form loses nothing.
(function () {
  'use strict';

  var MAX_FILE_BYTES = 10 * 1024 * 1024;
  var MAX_DEPTH = 64;
  // The bounds of /api/releases/parse: more would be refused, and the first files say enough.
  var MAX_NAME = 2000;
  var MAX_FILES = 1000;
  var MAX_PATH = 4000;

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

  // A strict, bounded BEP 3 reader: byte strings stay Uint8Array views, dictionary keys become text.
  function decode(bytes) {
    var pos = 0;
    var depth = 0;
    var utf8 = new TextDecoder('utf-8');

    function fail() {
      throw new Error('not a .torrent');
    }

    function digits(end) {
      var start = pos;
      while (pos < bytes.length && bytes[pos] !== end) {
        var c = bytes[pos];
        if (!((c >= 0x30 && c <= 0x39) || (c === 0x2d && pos === start))) {
          fail();
        }
        pos++;
      }
      if (pos >= bytes.length || pos === start || pos - start > 20) {
        fail();
      }
      var number = parseInt(utf8.decode(bytes.subarray(start, pos)), 10);
      pos++;
      return number;
    }

    function string() {
      var length = digits(0x3a);
      if (length < 0 || pos + length > bytes.length) {
        fail();
      }
      var value = bytes.subarray(pos, pos + length);
      pos += length;
      return value;
    }

    function value() {
      if (pos >= bytes.length) {
        fail();
      }
      var c = bytes[pos];
      if (c === 0x69) {
        pos++;
        return digits(0x65);
      }
      if (c === 0x6c || c === 0x64) {
        pos++;
        if (++depth > MAX_DEPTH) {
          fail();
        }
        var result = c === 0x6c ? [] : Object.create(null);
        while (pos < bytes.length && bytes[pos] !== 0x65) {
          if (c === 0x6c) {
            result.push(value());
          } else {
            var key = utf8.decode(string());
            result[key] = value();
          }
        }
        if (pos >= bytes.length) {
          fail();
        }
        pos++;
        depth--;
        return result;
      }
      if (c >= 0x30 && c <= 0x39) {
        return string();
      }
      fail();
    }

    var root = value();
    return { root: root, text: function (raw) { return utf8.decode(raw); } };
  }

  function isBytes(value) {
    return value instanceof Uint8Array;
  }

  // The torrent's name and its content files' paths (v1 list or v2 file tree), as the server reads them.
  function describe(buffer) {
    var decoded = decode(new Uint8Array(buffer));
    var info = decoded.root && decoded.root.info;
    if (!info || isBytes(info) || Array.isArray(info)) {
      return null;
    }
    var nameValue = isBytes(info['name.utf-8']) ? info['name.utf-8'] : info.name;
    if (!isBytes(nameValue)) {
      return null;
    }
    var name = decoded.text(nameValue);
    var files = [];
    function add(path) {
      if (files.length < MAX_FILES && path.length <= MAX_PATH) {
        files.push(path);
      }
    }
    if (Array.isArray(info.files)) {
      for (var i = 0; i < info.files.length && files.length < MAX_FILES; i++) {
        var entry = info.files[i];
        var parts = entry && (Array.isArray(entry['path.utf-8']) ? entry['path.utf-8'] : entry.path);
        var attr = entry && isBytes(entry.attr) ? decoded.text(entry.attr) : '';
        if (!Array.isArray(parts) || attr.indexOf('p') >= 0) {
          continue;
        }
        add(parts.filter(isBytes).map(decoded.text).join('/'));
      }
    } else if (info['file tree'] && !isBytes(info['file tree'])) {
      (function walk(node, prefix, level) {
        if (level > MAX_DEPTH) {
          return;
        }
        for (var key in node) {
          if (files.length >= MAX_FILES) {
            return;
          }
          var child = node[key];
          if (!child || isBytes(child) || Array.isArray(child)) {
            continue;
          }
          if (key === '') {
            add(prefix);
          } else {
            walk(child, prefix ? prefix + '/' + key : key, level + 1);
          }
        }
      })(info['file tree'], '', 0);
    } else {
      add(name);
    }
    return { name: name, files: files };
  }

  function cleanTitle(name) {
    return name.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim().substring(0, 200);
  }

  // An empty field, or one still holding what this script put there, may be (re)filled.
  function fill(input, value) {
    var mine = input.hasAttribute('data-prefilled') && input.value === input.getAttribute('data-prefilled');
    if (input.value.trim() !== '' && !mine) {
      return false;
    }
    input.value = value;
    input.setAttribute('data-prefilled', value);
    return value !== '';
  }

  function text(value) {
    if (value === null || value === undefined || value === false) {
      return '';
    }
    if (Array.isArray(value)) {
      return value.join(', ');
    }
    return String(value);
  }

  function setUp(form) {
    var input = form.querySelector('input[type=file][name=file]');
    var title = form.querySelector('input[name=title]');
    var release = form.querySelector('[data-release-fields]');
    var status = form.querySelector('[data-prefill-status]');
    if (!input || !title || !release || !window.TextDecoder || !window.fetch) {
      return;
    }
    var generation = 0;
    input.addEventListener('change', function () {
      var file = input.files && input.files[0];
      var current = ++generation;
      if (!file || file.size > MAX_FILE_BYTES) {
        return;
      }
      file
        .arrayBuffer()
        .then(function (buffer) {
          var torrent = describe(buffer);
          if (!torrent || current !== generation) {
            return null;
          }
          fill(title, cleanTitle(torrent.name));
          var name = (title.value.trim() || torrent.name).substring(0, MAX_NAME);
          return fetch('/api/releases/parse', {
            method: 'POST',
            credentials: 'same-origin',
            headers: {
              'Content-Type': 'application/json',
              'Accept': 'application/json',
              'X-XSRF-TOKEN': cookie('XSRF-TOKEN')
            },
            body: JSON.stringify({ name: name, files: torrent.files })
          });
        })
        .then(function (response) {
          if (!response || !response.ok || current !== generation) {
            return null;
          }
          return response.json();
        })
        .then(function (parsed) {
          if (!parsed || current !== generation) {
            return;
          }
          var found = 0;
          var fields = release.querySelectorAll('input[type=text][name]');
          for (var i = 0; i < fields.length; i++) {
            var name = fields[i].getAttribute('name');
            if (Object.prototype.hasOwnProperty.call(parsed, name) && fill(fields[i], text(parsed[name]))) {
              found++;
            }
          }
          if (found > 0) {
            release.open = true;
            if (status) {
              status.textContent = status.getAttribute('data-prefill-found') || '';
              status.classList.remove('d-none');
            }
          }
        })
        .catch(function () {
          // An unreadable file or a failed request leaves the form as it is: the server parses on upload.
        });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('upload-form');
    if (form) {
      setUp(form);
    }
  });
})();
