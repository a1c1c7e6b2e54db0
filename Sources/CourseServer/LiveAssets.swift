/// The script and stylesheet `serve` adds to the pages it serves (``LivePage``), compiled into the binary.
enum LiveAssets {
    /// `/__coursegen/live.js`: listens to the event stream; reloads when the page (or a stylesheet or
    /// file it shows) changed, goes home when the page was removed, shows the overlay while the course
    /// is broken, and after the server went away reconnects and reloads once it is back.
    static let script = #"""
    // coursegen serve: live reload. Only `coursegen serve` adds this script; built sites never carry it.
    (function () {
      'use strict';
      if (!window.EventSource) return;
      // For tools and tests: the script ran ('loaded'), then the page listens ('connected').
      document.documentElement.setAttribute('data-coursegen-live', 'loaded');
      var here = decodeURIComponent(location.pathname).replace(/^\/+/, '');
      if (here === '' || /\/$/.test(here)) here += 'index.html';
      var missing = document.documentElement.hasAttribute('data-coursegen-missing');
      var lost = false;

      function overlay() { return document.getElementById('coursegen-live-overlay'); }
      function element(name, attributes, text) {
        var e = document.createElement(name);
        for (var key in attributes) e.setAttribute(key, attributes[key]);
        if (text) e.textContent = text;
        return e;
      }
      // The markup of LivePage.overlay, built with textContent so the report is never HTML.
      function showFailure(report) {
        var old = overlay();
        if (old) old.parentNode.removeChild(old);
        var root = element('div', { id: 'coursegen-live-overlay', role: 'alertdialog', 'aria-labelledby': 'coursegen-live-title' });
        var box = element('div', { 'class': 'coursegen-live-box' });
        box.appendChild(element('p', { id: 'coursegen-live-title' }, missing
          ? 'The course has errors. No build of this session has succeeded yet.'
          : 'The course has errors. This page is from the last good build.'));
        box.appendChild(element('pre', {}, report));
        var hint = element('p', { 'class': 'coursegen-live-hint' }, 'Fix the source and save: the page reloads. ');
        hint.appendChild(element('button', { type: 'button', 'class': 'coursegen-live-hide' }, 'Hide'));
        box.appendChild(hint);
        root.appendChild(box);
        document.body.appendChild(root);
      }
      document.addEventListener('click', function (event) {
        var target = event.target;
        if (target && target.className === 'coursegen-live-hide' && overlay()) overlay().parentNode.removeChild(overlay());
      });

      // Whether the page shows `path`: itself, or a file it links or embeds (a stylesheet, a figure).
      function shows(path) {
        if (path === here) return true;
        var links = document.querySelectorAll('link[href], script[src], img[src], source[src], object[data]');
        for (var i = 0; i < links.length; i++) {
          var url = links[i].getAttribute('href') || links[i].getAttribute('src') || links[i].getAttribute('data');
          try {
            if (decodeURIComponent(new URL(url, location.href).pathname).replace(/^\/+/, '') === path) return true;
          } catch (e) { /* not a URL */ }
        }
        return false;
      }

      function connect() {
        var source = new EventSource('/__coursegen/events');
        source.onopen = function () {
          // The server was restarted: what it serves now may differ from this page.
          if (lost) location.reload();
          document.documentElement.setAttribute('data-coursegen-live', 'connected');
        };
        source.addEventListener('reload', function (event) {
          var change = JSON.parse(event.data);
          if (change.removed.indexOf(here) >= 0) { location.href = '/'; return; }
          if (missing || overlay() || change.changed.some(shows)) location.reload();
        });
        source.addEventListener('failed', function (event) { showFailure(event.data); });
        source.onerror = function () {
          lost = true;
          // A browser gives up after some failures; keep trying while the author restarts the server.
          if (source.readyState === EventSource.CLOSED) setTimeout(connect, 1000);
        };
      }
      connect();
    })();

    """#

    /// `/__coursegen/live.css`: the overlay, readable on a phone and in dark mode.
    static let stylesheet = #"""
    /* coursegen serve: the overlay of a failed build. */
    #coursegen-live-overlay {
      position: fixed; inset: 0; z-index: 2147483647; overflow: auto;
      padding: 1rem; box-sizing: border-box;
      background: rgba(0, 0, 0, 0.45);
      font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif;
    }
    #coursegen-live-overlay .coursegen-live-box {
      max-width: 60rem; margin: 0 auto; padding: 1rem; box-sizing: border-box;
      background: #fff; color: #1a1a1a; border-top: 4px solid #c62828; border-radius: 6px;
      box-shadow: 0 4px 24px rgba(0, 0, 0, 0.3);
    }
    #coursegen-live-title { margin: 0 0 0.75rem; font-weight: 600; color: #b71c1c; }
    #coursegen-live-overlay pre {
      margin: 0; padding: 0.75rem; overflow-x: auto; white-space: pre;
      background: #f6f6f6; color: #1a1a1a; border-radius: 4px;
      font: 13px/1.4 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace;
    }
    #coursegen-live-overlay .coursegen-live-hint { margin: 0.75rem 0 0; }
    #coursegen-live-overlay button {
      font: inherit; padding: 0.2rem 0.8rem; margin-left: 0.5rem; cursor: pointer;
      color: inherit; background: transparent; border: 1px solid currentColor; border-radius: 4px;
    }
    @media (prefers-color-scheme: dark) {
      #coursegen-live-overlay { background: rgba(0, 0, 0, 0.6); }
      #coursegen-live-overlay .coursegen-live-box { background: #1e1e1e; color: #e8e8e8; border-top-color: #ef5350; }
      #coursegen-live-title { color: #ff8a80; }
      #coursegen-live-overlay pre { background: #2a2a2a; color: #e8e8e8; }
    }
    .coursegen-live-missing { max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }

    """#
}
