/*
 * Nuanxin shared script, loaded (defer) by both layouts after htmx.
 * - Sends the CSRF token (from <meta name="_csrf">/<meta name="_csrf_header">) with every htmx request,
 *   so hx-post/hx-put/hx-delete work with Spring Security's CSRF protection.
 * - Turns off htmx features that need eval (our CSP has no 'unsafe-eval'; use static scripts instead).
 * Page scripts: read data from data-* attributes or <script type="application/json"> blocks; the CSP
 * forbids inline scripts.
 */
(function () {
  'use strict';

  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute('content') : null;
  }

  if (window.htmx) {
    window.htmx.config.allowEval = false;
    window.htmx.config.allowScriptTags = false;
  }

  document.addEventListener('htmx:configRequest', function (event) {
    var token = meta('_csrf');
    var header = meta('_csrf_header') || 'X-CSRF-TOKEN';
    if (token && event.detail && event.detail.headers) {
      event.detail.headers[header] = token;
    }
  });

  /** Reads a <script type="application/json" id="..."> block; returns null when absent or invalid. */
  window.nuanxin = window.nuanxin || {};
  window.nuanxin.json = function (id) {
    var el = document.getElementById(id);
    if (!el) { return null; }
    try { return JSON.parse(el.textContent); } catch (e) { return null; }
  };
  window.nuanxin.csrf = function () {
    return { header: meta('_csrf_header') || 'X-CSRF-TOKEN', token: meta('_csrf') };
  };
})();
