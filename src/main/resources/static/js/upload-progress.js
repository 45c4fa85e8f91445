// Shows upload progress for large rosters on slow connections; the server then shows checking progress.
(function () {
  'use strict';
  var form = document.getElementById('import-form');
  var bar = document.getElementById('upload-progress');
  if (!form || !bar || !window.XMLHttpRequest || !window.FormData) { return; }
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) { xhr.setRequestHeader(header.content, token.content); }
    bar.hidden = false;
    xhr.upload.addEventListener('progress', function (ev) {
      if (ev.lengthComputable) { bar.value = Math.round(100 * ev.loaded / ev.total); }
    });
    xhr.onload = function () {
      if (xhr.status < 400 && xhr.responseURL) {
        window.location.href = xhr.responseURL;
      } else {
        document.documentElement.innerHTML = xhr.responseText;
      }
    };
    xhr.onerror = function () { form.submit(); };
    xhr.send(new FormData(form));
  });
})();
