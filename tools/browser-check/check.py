#!/usr/bin/env python3
"""Render every page of a built coursegen site in headless Chromium at a phone's,
a tablet's and a desktop's width, and fail on a broken render or layout.

    python3 tools/browser-check/check.py SITE [PAGE ...] [--chapters DIR] [--shots DIR]

Without PAGE, every *.html file under SITE is checked. The pages have no
JavaScript and none is written into them: this script drives one Chromium for
the whole run over the DevTools protocol on a pipe (--remote-debugging-pipe,
null-terminated JSON on file descriptors 3 and 4), which needs only the Python
standard library and Debian's `chromium` (and fonts-noto-cjk for Chinese).
Each page is opened from disk once, at 390 x 844 with mobile emulation
(Emulation.setDeviceMetricsOverride with mobile: true: a headless window
cannot be narrower than 500 px), then resized to 768 x 1024 and 1280 x 800;
after its load event and its fonts, every <details> is opened so the content
inside is laid out. At every width it fails when

- a request fails (a missing stylesheet) or leaves the machine;
- the phone lays the page out wider than itself (no <meta name="viewport">);
- a <math> is not a MathMLElement, or a <math> or an outermost <svg> has no
  layout size;
- the document is wider than the viewport (documentElement.scrollWidth >
  clientWidth; under mobile emulation innerWidth grows with the content).
  Named are the elements where the overflow starts (wider than their
  container's content box, or text wider than its element), and what inside
  each still sticks out when it is held to its container's width (its
  max-width set for a moment, then restored); without such a start, the
  deepest elements that reach furthest past the right edge;
- an element or text is cut off by an ancestor whose overflow-x or overflow-y
  is hidden or clip: it extends more than 1 px past that ancestor's padding
  box, in a direction in which nothing between them clips or scrolls;
- a box scrolls sideways (overflow-x auto or scroll, scrollWidth >
  clientWidth) but neither it nor anything in it can take focus, so a
  keyboard cannot scroll it (axe's scrollable-region-focusable): it needs
  tabindex="0";
- a <td> or <th> renders empty (only white space, and no <math>, <svg> or
  <img> with a size) although its Markdown cell was not empty. With
  --chapters, the i-th GFM table of NN-name.md (fenced code skipped; cells
  split on unescaped | outside code spans and $...$ math) is the i-th <table>
  of name.html's <article> that is not inside an element with a class cg-...;
  in those generated tables, and without a source, any empty cell fails;
- two <g class="cg-legend-entry"> of one legend intersect by more than
  0.5 px in both directions (in a .cg-legend without entry groups, two of its
  <text> labels);
- a <text> extends more than 1 px outside its outermost <svg>;
- a <text> of a figure (<svg class="cg-plot">) is drawn below MINIMUM_TEXT
  (11) CSS px: its computed font size times the scale of getScreenCTM, so
  the viewBox's scaling to the column counts; or two <text> of one figure
  (outside one legend, which the rule above judges) intersect by more than
  0.5 px in both directions;
- the page holds a <script>: only search.html may, and then exactly
  assets/search-index.js and assets/search.js, in that order.

At the narrowest and the widest width (390 px with mobile emulation and
1280 px by default), in the light and the dark colour scheme
(prefers-color-scheme emulation), axe-core is injected over DevTools and run
with its default rules (WCAG 2.0-2.2 A and AA and Deque's best practices);
every violation fails, named by rule, impact, element (axe's selector and the
start of its HTML) and what axe found, with the widths and themes it was found
in. axe-core is the pinned build (AXE_VERSION) that the PyPI wheel AXE_WHEEL
bundles: fetched with pip on first use, checked against AXE_SHA256 and kept in
~/.cache/coursegen; --axe FILE runs another build, --no-axe none.

With --search QUERY=ANCHOR (repeatable), search.html is opened from file://,
QUERY typed into its search box over DevTools (Input.insertText) and sent
with Enter (a GET to search.html?q=...); it fails unless the first result
links to ANCHOR (e.g. adam.html#bias-correction) and following that link
lands on the section (its id in the URL, its heading at the top of the
window). It then times the page's own search (coursegenSearch.query) on
--search-queries queries made of the index's words and their prefixes, and
fails when the median is over --search-budget milliseconds (default 5).

At the widest width (at every width with --shots), the page is screenshotted
whole, with the viewport made as tall as the page, and a second, blank tab
draws the screenshot in a canvas and fails when the pixels of any <math> or
<svg> (an SVG that drew nothing, a formula that rendered as blank space) or
of the whole page are all one colour: JavaScript scans millions of pixels in
milliseconds, where decoding PNG in Python would take seconds. What the taller
viewport pushes below itself (a footer under a 100vh sidebar) is a further
band, taken after scrolling; --shots DIR writes DIR/<page>-<width>.png, the
bands stitched in the blank tab (DIR/<page>-<width>-partN.png past 32,000 px).
Without --shots nothing is written. Elements that lie partly or wholly outside
the window's width (in a box scrolled sideways) are sized but not judged by
their pixels, only named in a note; an <svg> holding only definitions (a
sprite for <use>) is skipped.

Every failure is listed once, with the page, the widths it was found at and
the element (a short CSS path and a text snippet); a summary line ends the
run. The exit status is 1 on any failure, 2 when Chromium cannot be run or
does not answer.
"""

import argparse
import base64
import hashlib
import fcntl
import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import zipfile

# The devices: CSS width, height, mobile emulation.
DEVICES = {320: (568, True), 390: (844, True), 768: (1024, False), 1280: (800, False)}
DEFAULT_WIDTHS = (390, 768, 1280)

# A page is screenshotted with a viewport as tall as itself, up to this many
# CSS pixels (within Chromium's limits for a surface and for a canvas); a
# longer page in bands of this height, at most this many.
BAND_HEIGHT = 32_000
MAXIMUM_BANDS = 10
# The tallest page stitched into one PNG (a canvas's side is at most 32,767 px).
MAXIMUM_CANVAS = 32_000

# Failures of one kind reported per page and width before "… and N more".
MAXIMUM_REPORTED = 40

# The smallest a figure's text may be drawn, in CSS pixels: the size of the
# figures' own 11-unit tick labels at a scale of one.
MINIMUM_TEXT = 11

# axe-core, the accessibility engine of Lighthouse and of Deque's own tools
# (MPL-2.0), pinned: the build that the PyPI wheel axe-playwright-python 0.1.8
# bundles, taken from the wheel by pip (no npm) and checked against its SHA-256.
AXE_VERSION = "4.12.1"
AXE_WHEEL = "axe-playwright-python==0.1.8"
AXE_MEMBER = "axe_playwright_python/axe.min.js"
AXE_SHA256 = "84494fec757e4710dc751c8d7a636e457f4532f08f85c86dc9070133fbff53bc"
# Colour schemes axe judges each page in (prefers-color-scheme emulation).
THEMES = ("light", "dark")
# Characters of an offending element's HTML quoted in a failure.
AXE_SNIPPET = 100

MEASURE_SCRIPT = r"""
(() => {
  const elements = Array.from(document.querySelectorAll('math, svg'))
    .filter(e => e.localName === 'math' || !e.parentElement || !e.parentElement.closest('svg'))
    // Inside a box the page hides at this width (the collapsed sidebar on a phone, whose
    // titles may hold math) an element has no size by design: nothing to measure.
    .filter(e => e.checkVisibility({ contentVisibilityAuto: true }));
  // An <svg> holding only definitions (a sprite that figures <use>) draws
  // nothing by design; it is reported apart, not failed.
  const definitions = new Set(['defs', 'symbol', 'style', 'title', 'desc', 'linearGradient', 'radialGradient',
    'clipPath', 'marker', 'pattern', 'filter', 'mask', 'metadata']);
  return elements.map((e, index) => {
    const r = e.getBoundingClientRect();
    const label = e.localName === 'svg'
      ? ((e.querySelector(':scope > title') || {}).textContent || e.getAttribute('aria-label') || '')
      : ((e.querySelector('annotation') || {}).textContent || e.textContent || '');
    return {
      index,
      tag: e.localName,
      isMathML: typeof MathMLElement !== 'undefined' && e instanceof MathMLElement,
      definitionsOnly: e.localName === 'svg' && Array.from(e.children).every(c => definitions.has(c.localName)),
      x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height,
      label: label.trim().replace(/\s+/g, ' ').slice(0, 70),
    };
  });
})()
"""

# The layout checks, at one viewport. Returns plain data; check_page turns it
# into messages. Elements are named by a short CSS path (from the nearest
# ancestor with an id, or from <article> or <body>) and a snippet of text.
LAYOUT_SCRIPT = r"""
(() => {
  const MINIMUM_TEXT = %MINIMUM_TEXT%;
  const root = document.documentElement;
  const viewport = root.clientWidth;
  const styles = new Map();
  const style = e => { let s = styles.get(e); if (!s) { s = getComputedStyle(e); styles.set(e, s); } return s; };
  const clips = v => v === 'hidden' || v === 'clip';
  const scrolls = v => v === 'auto' || v === 'scroll';
  const range = document.createRange();
  const textRect = node => { range.selectNodeContents(node); return range.getBoundingClientRect(); };
  const visibleText = node => node.nodeType === 3 && /\S/.test(node.data);
  const round = x => Math.round(x * 10) / 10;
  // Replaced elements and form controls: their overflow is the browser's.
  const opaque = new Set(['img', 'video', 'canvas', 'iframe', 'object', 'embed', 'input', 'select', 'textarea',
    'button', 'audio']);

  const path = element => {
    const parts = [];
    for (let e = element; e && e.nodeType === 1; e = e.parentElement) {
      const tag = e.localName;
      if (tag === 'html') break;
      if (tag === 'body' || tag === 'article') { parts.unshift(tag); break; }
      if (e.id) { parts.unshift(tag + '#' + e.id); break; }
      let part = tag;
      if (e.classList && e.classList.length) part += '.' + e.classList[0];
      const parent = e.parentElement;
      if (parent) {
        const siblings = Array.from(parent.children);
        if (['tr', 'td', 'th', 'li', 'dt', 'dd'].includes(tag)) {
          part += ':nth-child(' + (siblings.indexOf(e) + 1) + ')';
        } else {
          const same = siblings.filter(c => c.localName === tag);
          if (same.length > 1) part += ':nth-of-type(' + (same.indexOf(e) + 1) + ')';
        }
      }
      parts.unshift(part);
    }
    return parts.join(' > ');
  };
  // The text of an element, a formula as its TeX, a figure as its title.
  const snippet = e => {
    const parts = [];
    let length = 0;
    const add = text => { parts.push(text); length += text.length; };
    const collect = node => {
      if (length > 80) return;
      if (node.nodeType === 3) { add(node.data); return; }
      if (node.nodeType !== 1) return;
      if (node.localName === 'math') {
        const tex = (node.querySelector('annotation') || {}).textContent;
        add(tex ? ' $' + tex.trim() + '$ ' : node.textContent);
      } else if (node.localName === 'svg') {
        add(' ' + ((node.querySelector(':scope > title') || {}).textContent || node.getAttribute('aria-label') || '') + ' ');
      } else if (node.localName !== 'style' && node.localName !== 'script') {
        for (const child of node.childNodes) collect(child);
      }
    };
    if (e.localName === 'math' || e.localName === 'svg') collect(e);
    else if (e.closest('math')) add(e.textContent);
    else collect(e);
    const text = Array.from(parts.join('').trim().replace(/\s+/g, ' '));
    return text.length > 60 ? text.slice(0, 59).join('') + '…' : text.join('');
  };
  // A formula or a figure is named as a whole, not by the parts inside it.
  const whole = e => (e.closest && (e.parentElement && e.parentElement.closest('svg') ? outermostSVG(e) : e.closest('math'))) || e;
  const outermostSVG = e => { let top = e.closest('svg'); while (top && top.parentElement && top.parentElement.closest('svg')) top = top.parentElement.closest('svg'); return top; };
  const name = e => ({ path: path(e), text: snippet(e) });

  // 1. The document is wider than the viewport. Named: the elements where
  // the overflow starts (an element wider than its container's content box,
  // or text wider than its element), else the deepest elements (or texts)
  // that reach furthest past the right edge; never inside boxes that clip or
  // scroll sideways, which cannot widen the document.
  const differ = (x, y) => Math.abs(x - y) > 0.5 ? x - y : 0;
  const furthest = (a, b) => differ(b.reach, a.reach) || (a.order - b.order);
  // Elements under `top` (itself included) that reach past `edge`.
  const beyond = (top, edge) => {
    const found = [];
    let order = 0;
    const visit = (e, depth, limit, container) => {
      const s = style(e);
      if (s.display === 'none' || s.position === 'fixed') return;
      const r = e.getBoundingClientRect();
      const box = (r.width > 0 || r.height > 0) ? r.right : -Infinity;
      // Where the element's content box ends (an inline element broken over
      // lines has no padding at the break).
      const inner = s.display === 'inline' ? box
        : box - (parseFloat(s.paddingRight) || 0) - (parseFloat(s.borderRightWidth) || 0);
      const leaf = e.localName === 'svg' || e.localName === 'math' || opaque.has(e.localName);
      const clips = e !== document.body && s.overflowX !== 'visible';
      const closed = leaf || clips;
      let text = -Infinity;
      // Text in a box that clips it (a visually hidden label) reaches no further than the box.
      if (!leaf && !clips) {
        for (const child of e.childNodes) {
          if (visibleText(child)) {
            const t = textRect(child);
            if (t.width > 0) text = Math.max(text, t.right);
          }
        }
      }
      const reach = Math.max(box, text);
      const start = container && s.position !== 'absolute' && box > limit + 0.5 ? { container, limit }
        : (text > inner + 0.5 ? { container: e, limit: inner } : null);
      if (reach > edge + 0.5) found.push({ e, reach, inner: Math.max(inner, text), depth, order: order++, start });
      if (closed) return;
      for (const child of e.children) visit(child, depth + 1, inner, e);
    };
    const parent = top.parentElement;
    const limit = top === document.body ? viewport : parent.getBoundingClientRect().right
      - (parseFloat(style(parent).paddingRight) || 0) - (parseFloat(style(parent).borderRightWidth) || 0);
    visit(top, 0, limit, top === document.body ? root : parent);
    return found;
  };
  // The deepest of `found`: those with nothing inside reaching as far as their content box.
  const deepest = found => {
    const inside = new Map();
    const kept = [];
    for (const c of found.slice().sort((a, b) => b.depth - a.depth)) {
      if (!((inside.get(c.e) || -Infinity) >= c.inner - 0.5)) kept.push(c);
      for (let p = c.e.parentElement; p; p = p.parentElement) {
        const best = inside.get(p);
        if (best !== undefined && best >= c.reach) break;
        inside.set(p, c.reach);
      }
    }
    return kept.sort(furthest);
  };
  const wide = { documentWidth: root.scrollWidth, viewport, elements: [], more: 0 };
  if (root.scrollWidth > viewport) {
    const found = beyond(document.body, viewport);
    const starts = found.filter(c => c.start).sort(furthest);
    const named = starts.length ? starts : deepest(found);
    wide.elements = named.slice(0, 5).map(c => {
      const element = Object.assign(name(c.e), { right: round(c.reach) });
      if (!c.start) return element;
      const container = c.start.container;
      element.limit = round(c.start.limit - container.getBoundingClientRect().left);
      if (container === c.e) { element.ownText = true; return element; }
      element.container = container === root ? 'the viewport' : path(container);
      // Held to its container's width, what inside it still sticks out is
      // what made it wide; restored at once.
      const saved = ['max-width', 'box-sizing'].map(p => [p, c.e.style.getPropertyValue(p), c.e.style.getPropertyPriority(p)]);
      c.e.style.setProperty('box-sizing', 'border-box', 'important');
      c.e.style.setProperty('max-width', Math.max(0, c.start.limit - c.e.getBoundingClientRect().left) + 'px', 'important');
      element.inside = deepest(beyond(c.e, Math.min(viewport, c.start.limit)).filter(d => d.e !== c.e)).slice(0, 3)
        .map(d => Object.assign(name(d.e), { right: round(d.reach) }));
      for (const [p, value, priority] of saved) {
        if (value) c.e.style.setProperty(p, value, priority); else c.e.style.removeProperty(p);
      }
      if (!c.e.getAttribute('style')) c.e.removeAttribute('style');
      return element;
    });
    wide.more = Math.max(0, named.length - 5);
  }

  // 2. Content cut off by an ancestor that clips (overflow hidden or clip),
  // and boxes that scroll sideways without a way for the keyboard to reach them.
  const clipped = [];
  const unreachable = [];
  const focusable = 'a[href], area[href], button, input:not([type="hidden"]), select, textarea, iframe, summary, '
    + '[tabindex]:not([tabindex^="-"]), [contenteditable]:not([contenteditable="false"])';
  const canFocus = e => (e.hasAttribute('tabindex') && e.tabIndex >= 0) || e.matches(focusable);
  const all = [];
  {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT, {
      acceptNode: e => (e.parentElement && e.parentElement.closest('svg')) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    for (let e = walker.currentNode; e; e = walker.nextNode()) all.push(e);
  }
  for (const a of all) {
    if (a === document.body || a.localName === 'svg' || opaque.has(a.localName)) continue;
    const s = style(a);
    if (s.display === 'none') continue;
    if (scrolls(s.overflowX) && a.scrollWidth > a.clientWidth + 1 && a.getClientRects().length) {
      const reachable = canFocus(a) || Array.from(a.querySelectorAll(focusable)).some(f => f.getClientRects().length);
      if (!reachable) unreachable.push(Object.assign(name(a), { content: a.scrollWidth, box: a.clientWidth }));
    }
    const clipX = clips(s.overflowX), clipY = clips(s.overflowY);
    if (!clipX && !clipY) continue;
    const r = a.getBoundingClientRect();
    // A box of a pixel or less is hidden on purpose (a "visually hidden" label).
    if (r.width <= 1 || r.height <= 1 || (s.display.startsWith('inline') && s.display !== 'inline-block'
        && s.display !== 'inline-flex' && s.display !== 'inline-grid' && s.display !== 'inline-table')) continue;
    const left = r.left + a.clientLeft, top = r.top + a.clientTop;
    const right = left + a.clientWidth, bottom = top + a.clientHeight;
    const found = [];
    // Parts of a formula are named as such when the formula itself clips.
    const who = e => a.closest('math') ? e : whole(e);
    // Returns whether `box` shows outside the clipping box, in the directions still clipped.
    const outside = (box, x, y) => {
      const dx = x ? Math.max(left - box.left, box.right - right) : 0;
      const dy = y ? Math.max(top - box.top, box.bottom - bottom) : 0;
      if (dx > 1 || dy > 1) {
        const side = dx >= dy ? (left - box.left > box.right - right ? 'left' : 'right')
                              : (top - box.top > box.bottom - bottom ? 'top' : 'bottom');
        return { by: round(Math.max(dx, dy)), side };
      }
      return null;
    };
    const walk = (node, x, y) => {
      for (const child of node.childNodes) {
        if (found.length > 5) return;
        if (child.nodeType === 3) {
          if (!visibleText(child)) continue;
          const t = textRect(child);
          if (t.width <= 0 && t.height <= 0) continue;
          const out = outside(t, x, y);
          if (out) found.push(Object.assign(name(who(node)), out, { own: who(node) === a }));
          continue;
        }
        if (child.nodeType !== 1) continue;
        const d = child, ds = style(d);
        if (ds.display === 'none' || ds.position === 'fixed') continue;
        if (ds.position === 'absolute') {
          const containing = d.offsetParent;
          if (!containing || !(containing === a || a.contains(containing))) continue;
        }
        const box = d.getBoundingClientRect();
        if (box.width > 0 || box.height > 0) {
          const out = outside(box, x, y);
          if (out) { found.push(Object.assign(name(who(d)), out)); continue; }
        }
        if (d.localName === 'svg' || opaque.has(d.localName)) continue;
        // Inside a box that clips or scrolls in a direction, that direction is its business.
        const nx = x && ds.overflowX === 'visible', ny = y && ds.overflowY === 'visible';
        if (nx || ny) walk(d, nx, ny);
      }
    };
    walk(a, clipX, clipY);
    for (const f of found.slice(0, 5)) {
      clipped.push(Object.assign(f, { clipper: path(whole(a)), overflow: clipX && clipY ? 'overflow: ' + s.overflow : (clipX ? 'overflow-x: ' + s.overflowX : 'overflow-y: ' + s.overflowY) }));
    }
  }

  // 3. Table cells that render empty.
  const cells = [];
  const article = document.querySelector('article') || document.body;
  let sourceIndex = 0;
  for (const table of article.querySelectorAll('table')) {
    const generated = !!table.closest('[class^="cg-"], [class*=" cg-"]');
    const index = generated ? -1 : sourceIndex++;
    const rows = Array.from(table.rows);
    rows.forEach((row, r) => Array.from(row.cells).forEach((cell, c) => {
      if (style(cell).display === 'none') return;
      if (/\S/.test(cell.innerText)) return;
      const drawn = Array.from(cell.querySelectorAll('math, svg, img')).some(e => {
        const box = e.getBoundingClientRect();
        return box.width > 0 && box.height > 0;
      });
      if (!drawn) cells.push({ table: index, generated, row: r, column: c, path: path(cell), tag: cell.localName });
    }));
  }

  // 4. Legend entries (or, in a legend without them, labels) that overlap, per legend.
  const legends = new Map();
  for (const entry of document.querySelectorAll('g.cg-legend-entry')) {
    const box = entry.getBoundingClientRect();
    if (box.width <= 0 && box.height <= 0) continue;
    const legend = entry.parentElement.closest('.cg-legend') || outermostSVG(entry);
    if (!legends.has(legend)) legends.set(legend, []);
    legends.get(legend).push({ entry, box });
  }
  // A legend without entry groups (loose swatches and labels): its labels are its entries.
  for (const legend of document.querySelectorAll('.cg-legend')) {
    if (legends.has(legend) || legend.querySelector('.cg-legend-entry')) continue;
    const entries = Array.from(legend.querySelectorAll('text'))
      .map(entry => ({ entry, box: entry.getBoundingClientRect() })).filter(e => e.box.width > 0 || e.box.height > 0);
    if (entries.length) legends.set(legend, entries);
  }
  const overlaps = [];
  for (const entries of legends.values()) {
    for (let i = 0; i < entries.length; i++) for (let j = i + 1; j < entries.length; j++) {
      const a = entries[i].box, b = entries[j].box;
      const ox = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const oy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (ox > 0.5 && oy > 0.5) overlaps.push({
        first: snippet(entries[i].entry), second: snippet(entries[j].entry), x: round(ox), y: round(oy),
        legend: path(entries[i].entry.parentElement.closest('.cg-legend') || entries[i].entry.parentElement),
        figure: snippet(outermostSVG(entries[i].entry)),
      });
    }
  }

  // 5. Text of a figure outside its <svg>.
  const strays = [];
  for (const svg of document.querySelectorAll('svg')) {
    if (svg.parentElement && svg.parentElement.closest('svg')) continue;
    const s = svg.getBoundingClientRect();
    if (s.width <= 0 || s.height <= 0) continue;
    for (const text of svg.querySelectorAll('text')) {
      const t = text.getBoundingClientRect();
      if (t.width <= 0 && t.height <= 0) continue;
      const sides = { left: s.left - t.left, right: t.right - s.right, top: s.top - t.top, bottom: t.bottom - s.bottom };
      const side = Object.keys(sides).reduce((m, k) => sides[k] > sides[m] ? k : m, 'left');
      if (sides[side] > 1) strays.push(Object.assign(name(text), { side, by: round(sides[side]), figure: snippet(svg) }));
    }
  }

  // 6. Figure text drawn too small to read, and texts of one figure on top of each other.
  // A <text>'s on-screen size is its font size in drawing units times the scale from
  // them to CSS pixels (getScreenCTM: the viewBox's scaling and any transform; a
  // rotated axis label's scale is the length of its x axis).
  const small = [];
  const crowded = [];
  for (const svg of document.querySelectorAll('svg.cg-plot')) {
    const s = svg.getBoundingClientRect();
    if (s.width <= 0 || s.height <= 0) continue;
    const texts = [];
    for (const text of svg.querySelectorAll('text')) {
      const box = text.getBoundingClientRect();
      if ((box.width <= 0 && box.height <= 0) || !/\S/.test(text.textContent)) continue;
      const m = text.getScreenCTM();
      const size = parseFloat(style(text).fontSize) * (m ? Math.hypot(m.a, m.b) : 1);
      if (size < MINIMUM_TEXT - 0.05) small.push(Object.assign(name(text), { size: round(size), figure: snippet(svg) }));
      texts.push({ text, box });
    }
    for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i].box, b = texts[j].box;
      const ox = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const oy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      const legend = texts[i].text.closest('.cg-legend');
      if (legend && legend === texts[j].text.closest('.cg-legend')) continue;
      if (ox > 0.5 && oy > 0.5) crowded.push({
        first: snippet(texts[i].text), second: snippet(texts[j].text), x: round(ox), y: round(oy), figure: snippet(svg),
      });
    }
  }

  return { viewport, wide, clipped, unreachable, cells, overlaps, strays, small, crowded };
})()
""".replace("%MINIMUM_TEXT%", str(MINIMUM_TEXT))


# Runs in a second, blank tab: draws the page's screenshot into a canvas and
# tells, for each rectangle, whether its pixels are all one colour (1) or not
# (2); 0 for a rectangle outside the screenshot. JavaScript scans millions of
# pixels in milliseconds, where decoding the PNG in Python would take seconds.
PIXEL_SCRIPT = r"""
(async (data, rects) => {
  // createImageBitmap, not Image.decode: this tab is in the background, where decode waits for a frame.
  const image = await createImageBitmap(await (await fetch('data:image/png;base64,' + data)).blob());
  const canvas = new OffscreenCanvas(image.width, image.height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  context.drawImage(image, 0, 0);
  return rects.map(r => {
    const x = Math.max(0, Math.floor(r.x)), y = Math.max(0, Math.floor(r.y));
    const w = Math.min(image.width, Math.ceil(r.x + r.width)) - x;
    const h = Math.min(image.height, Math.ceil(r.y + r.height)) - y;
    if (w <= 0 || h <= 0) return 0;
    const d = context.getImageData(x, y, w, h).data;
    for (let i = 4; i < d.length; i += 4) {
      if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2] || d[i + 3] !== d[3]) return 2;
    }
    return 1;
  });
})
"""


# Runs in the blank tab: draws the bands [[top, PNG in base64]] of a page into
# one canvas and returns it as a PNG in base64.
STITCH_SCRIPT = r"""
(async (bands, width, height) => {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  for (const [top, data] of bands) {
    context.drawImage(await createImageBitmap(await (await fetch('data:image/png;base64,' + data)).blob()), 0, top);
  }
  const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(text);
})
"""


SETTLE_SCRIPT = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
OPEN_DETAILS_SCRIPT = ("for (const details of document.querySelectorAll('details')) details.open = true; "
                       + SETTLE_SCRIPT)
HEIGHT_SCRIPT = r"""
(() => {
  const body = document.body;
  if (!body) return document.documentElement.scrollHeight;
  const bottom = body.getBoundingClientRect().bottom + window.scrollY + (parseFloat(getComputedStyle(body).marginBottom) || 0);
  return Math.max(1, Math.ceil(Math.max(bottom, body.scrollHeight)));
})()
"""
TOP_SCRIPT = "window.scrollTo({left: 0, top: 0, behavior: 'instant'}); " + SETTLE_SCRIPT

# Runs axe-core (injected beforehand) on the whole document with its default
# rules (WCAG 2.0-2.2 A and AA, and Deque's best practices; not the
# experimental ones) and returns the violations as plain data. No preload:
# axe would fetch the stylesheets again for css-orientation-lock, which a
# file:// page may not, and that rule is left undecided (never a violation).
AXE_SCRIPT = r"""
(async () => {
  const result = await axe.run(document, { resultTypes: ['violations'], preload: false });
  return result.violations.map(v => ({
    id: v.id, impact: v.impact || '', help: v.help,
    nodes: v.nodes.map(n => ({
      target: n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : t).join(' '),
      html: n.html,
      // What axe found, without its "Fix any/all of the following:" headings.
      summary: (n.failureSummary || '').split('\n').map(l => l.trim())
        .filter(l => l && !/^Fix (any|all) of the following:$/.test(l)).join('; '),
    })),
  }));
})()
"""


class CheckError(Exception):
    """Chromium could not be started or did not answer: not a verdict on the page."""


class DevTools:
    """A DevTools protocol connection to a Chromium started with --remote-debugging-pipe."""

    def __init__(self, chromium, user_data_dir, deadline):
        self.deadline = deadline
        # Our ends: we write commands to `to_browser`, read replies from `from_browser`.
        browser_in, self.to_browser = os.pipe()
        self.from_browser, browser_out = os.pipe()
        # Lift the browser's ends above 9 so that moving them to 3 and 4
        # cannot clobber one with the other.
        browser_in, browser_out = (self._above_nine(fd) for fd in (browser_in, browser_out))
        command = [
            chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--hide-scrollbars", "--mute-audio", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-background-networking", "--disable-sync",
            "--font-render-hinting=none", "--remote-debugging-pipe",
            "--user-data-dir=" + user_data_dir, "about:blank",
        ]
        # The protocol lives on descriptors 3 and 4 of the browser; the shell
        # moves our pipe ends there (bash, since dash cannot name descriptors
        # above 9).
        shell = 'exec "$@" 3<&{0} 4>&{1} {0}<&- {1}>&-'.format(browser_in, browser_out)
        self.process = subprocess.Popen(
            ["/bin/bash", "-c", shell, "bash"] + command,
            pass_fds=(browser_in, browser_out),
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            start_new_session=True,
        )
        os.close(browser_in)
        os.close(browser_out)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    @staticmethod
    def _above_nine(fd):
        high = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
        os.close(fd)
        return high

    def close(self):
        for fd in (self.to_browser, self.from_browser):
            try:
                os.close(fd)
            except OSError:
                pass
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=5)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(self.process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.process.wait()
        if self.process.stderr:
            self.process.stderr.close()

    def _read_message(self):
        while b"\0" not in self.buffer:
            remaining = self.deadline - time.monotonic()
            if remaining <= 0:
                raise CheckError("Chromium did not answer in time")
            ready, _, _ = select.select([self.from_browser], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(self.from_browser, 1 << 20)
            if not chunk:
                raise CheckError("Chromium closed the DevTools pipe" + self._stderr_tail())
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def _stderr_tail(self):
        if self.process.poll() is None or not self.process.stderr:
            return ""
        tail = self.process.stderr.read().decode("utf-8", "replace").strip().splitlines()[-5:]
        return ":\n  " + "\n  ".join(tail) if tail else ""

    def call(self, method, params=None, session=None):
        """Sends one command and returns its result; events that arrive meanwhile are kept."""
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        data = json.dumps(message).encode() + b"\0"
        try:
            while data:
                written = os.write(self.to_browser, data)
                data = data[written:]
        except BrokenPipeError:
            raise CheckError("Chromium exited" + self._stderr_tail())
        while True:
            reply = self._read_message()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise CheckError("{} failed: {}".format(method, reply["error"].get("message")))
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def wait_for_event(self, method, session):
        """Returns the first event `method` of `session`, kept or still to come."""
        while True:
            for index, event in enumerate(self.events):
                if event["method"] == method and event.get("sessionId") == session:
                    return self.events.pop(index)
            reply = self._read_message()
            if "method" in reply:
                self.events.append(reply)

    def evaluate(self, expression, session):
        """The value of a JavaScript expression (awaited); a script error is a CheckError."""
        result = self.call("Runtime.evaluate", {"expression": expression, "awaitPromise": True,
                                                "returnByValue": True}, session)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise CheckError("a check script failed: {}".format(
                (details.get("exception") or {}).get("description") or details.get("text")))
        return result["result"].get("value")


class Browser:
    """One Chromium for the whole run: a tab for the pages and a blank tab for counting pixels."""

    def __init__(self, chromium, timeout):
        self.timeout = timeout
        self.user_data_dir = tempfile.mkdtemp(prefix="browser-check-profile-")
        self.devtools = None
        try:
            self.devtools = DevTools(chromium, self.user_data_dir, time.monotonic() + timeout)
            self.page = self._tab()
            for domain in ("Page", "Network"):
                self.devtools.call(domain + ".enable", session=self.page)
            # No smooth scrolling between bands, and one colour scheme (axe switches to the others).
            set_theme(self.devtools, self.page, THEMES[0])
            # In the background: a tab in front would stop the page's animation frames.
            self.pixels = self._tab(background=True)
        except BaseException:
            self.close()
            raise

    def _tab(self, background=False):
        target = self.devtools.call("Target.createTarget", {"url": "about:blank", "background": background})["targetId"]
        return self.devtools.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]

    def close(self):
        if self.devtools:
            self.devtools.close()
        shutil.rmtree(self.user_data_dir, ignore_errors=True)


PLAYBACK_SCRIPT = """
(async () => {
  const toggles = [...document.querySelectorAll('input.cg-play-toggle')];
  const wait = ms => new Promise(r => setTimeout(r, ms));
  const running = () => document.getAnimations().filter(a => a.playState === 'running').length;
  const out = {toggles: toggles.length, shown: 0, running: [], paused: null, stopped: null, named: 0};
  for (const toggle of toggles) {
    const label = document.querySelector('label[for="' + toggle.id + '"]');
    if (label && label.textContent.trim()) out.named++;
    if (label && label.getClientRects().length) out.shown++;
    if (label) label.click(); else toggle.click();
    await wait(MS);
    out.running.push(running());
    const pause = toggle.nextElementSibling;
    if (PRESS_PAUSE && pause && pause.classList.contains('cg-play-pause')) {
      pause.click();
      await wait(50);
      out.paused = document.getAnimations().filter(a => a.playState === 'paused').length;
      pause.click();
    }
    toggle.checked = false;
    await wait(50);
    out.stopped = running();
  }
  return out;
})()
"""


def check_playback(devtools, session, result):
    """Paths that play (`Play`): with prefers-reduced-motion: reduce (the page tab's
    emulation) nothing runs, even pressed, and no control shows; without it, pressing
    play starts the figures' animations, pause pauses them, and stopping ends them."""
    script = PLAYBACK_SCRIPT.replace("MS", "300")
    reduced = devtools.evaluate(script.replace("PRESS_PAUSE", "false"), session)
    if not reduced or not reduced["toggles"]:
        return
    if reduced["named"] != reduced["toggles"]:
        result.fail(None, "a play control has no label text (accessible name)")
    if any(reduced["running"]):
        result.fail(None, "with prefers-reduced-motion: reduce, pressing play ran {} animations".format(max(reduced["running"])))
    if reduced["shown"]:
        result.fail(None, "with prefers-reduced-motion: reduce, {} play controls are shown".format(reduced["shown"]))
    devtools.call("Emulation.setEmulatedMedia", {"features": [
        {"name": "prefers-reduced-motion", "value": "no-preference"},
        {"name": "prefers-color-scheme", "value": "light"}]}, session)
    try:
        moving = devtools.evaluate(script.replace("PRESS_PAUSE", "true"), session)
    finally:
        devtools.call("Emulation.setEmulatedMedia", {"features": [
            {"name": "prefers-reduced-motion", "value": "reduce"},
            {"name": "prefers-color-scheme", "value": "light"}]}, session)
    if moving["shown"] != moving["toggles"]:
        result.fail(None, "{} of {} play controls are hidden".format(moving["toggles"] - moving["shown"], moving["toggles"]))
    idle = [index + 1 for index, count in enumerate(moving["running"]) if not count]
    if idle:
        result.fail(None, "pressing play ran no animation (figure{} {})".format("s" if len(idle) > 1 else "", ", ".join(map(str, idle))))
    if moving["paused"] == 0:
        result.fail(None, "pressing pause paused no animation")
    if moving["stopped"]:
        result.fail(None, "{} animations still run after play was pressed again".format(moving["stopped"]))
    result.notes.append("{} figure{} play; none moves with reduced motion".format(
        moving["toggles"], "" if moving["toggles"] == 1 else "s"))


def axe_cache_path():
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "coursegen", "axe-core-{}.min.js".format(AXE_VERSION))


def load_axe(explicit):
    """(source, where from) of axe-core: the file `explicit` as given, else the
    pinned build from the cache, fetched from its PyPI wheel with pip on first
    use and checked against AXE_SHA256. Raises CheckError when it cannot be had."""
    if explicit:
        try:
            with open(explicit, encoding="utf-8") as f:
                source = f.read()
        except OSError as error:
            raise CheckError("cannot read axe-core from {}: {}".format(explicit, error.strerror))
        return source, explicit
    cache = axe_cache_path()
    if os.path.isfile(cache):
        with open(cache, "rb") as f:
            data = f.read()
        if hashlib.sha256(data).hexdigest() == AXE_SHA256:
            return data.decode("utf-8"), cache
    with tempfile.TemporaryDirectory(prefix="browser-check-axe-") as folder:
        fetched = subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
                                  "--disable-pip-version-check", AXE_WHEEL, "-d", folder],
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        wheels = [name for name in os.listdir(folder) if name.endswith(".whl")]
        if fetched.returncode != 0 or len(wheels) != 1:
            tail = fetched.stdout.decode("utf-8", "replace").strip().splitlines()[-3:]
            raise CheckError("cannot fetch axe-core {} (pip download {}): {}; pass --axe FILE, or --no-axe "
                             "to check without it".format(AXE_VERSION, AXE_WHEEL, " / ".join(tail) or "no wheel"))
        with zipfile.ZipFile(os.path.join(folder, wheels[0])) as wheel:
            data = wheel.read(AXE_MEMBER)
    digest = hashlib.sha256(data).hexdigest()
    if digest != AXE_SHA256:
        raise CheckError("the {} in {} has SHA-256 {}, not the pinned {}".format(AXE_MEMBER, AXE_WHEEL, digest,
                                                                                AXE_SHA256))
    os.makedirs(os.path.dirname(cache), exist_ok=True)
    partial = cache + ".{}.part".format(os.getpid())
    with open(partial, "wb") as f:
        f.write(data)
    os.replace(partial, cache)
    return data.decode("utf-8"), cache


def pathname2url(path):
    return "file://" + urllib.parse.quote(path)


def emulate(devtools, session, width, height):
    _, mobile = DEVICES.get(width, (0, width < 600))
    devtools.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile}, session)


def device_height(width):
    return DEVICES.get(width, (900, False))[0]


class PageResult:
    def __init__(self, page):
        self.page = page
        self.failures = []   # (width or None, message), in order found
        self.notes = []
        self.shots = []
        self.axe_views = 0

    def fail(self, width, message, theme=None):
        """A failure at `width` (None: not tied to one), in `theme` when found by axe in one colour scheme."""
        self.failures.append(((width, theme) if theme else width, message))

    def grouped(self):
        """[(places, message)]: one entry per message, with every place it was found at: a width, or
        (width, theme)."""
        order, widths = [], {}
        for width, message in self.failures:
            if message not in widths:
                order.append(message)
                widths[message] = []
            if width is not None and width not in widths[message]:
                widths[message].append(width)
        return [(widths[message], message) for message in order]


def where(places):
    """' at 390, 768 px', or ' at 390 px light and dark, 1280 px dark' for places with themes; '' for none."""
    if not places:
        return ""
    if all(isinstance(place, int) for place in places):
        return " at {} px".format(", ".join(str(width) for width in places))
    themes = {}
    for place in places:
        width, theme = place if isinstance(place, tuple) else (place, None)
        themes.setdefault(width, [])
        if theme and theme not in themes[width]:
            themes[width].append(theme)
    return " at " + ", ".join("{} px{}".format(width, " " + " and ".join(names) if names else "")
                              for width, names in themes.items())


def describe(element):
    return "{} ({})".format(element["path"], "«{}»".format(element["text"]) if element["text"] else "no text")


def check_page(browser, site, page, widths, pixel_widths, shots_dir, source, axe=None, axe_widths=()):
    """Checks one page at every width; returns a PageResult. `source` is the
    page's Markdown tables ([[row cells]] per table), or None when unknown;
    `axe` is axe-core's source, run at `axe_widths` in every theme."""
    result = PageResult(page)
    path = os.path.abspath(os.path.join(site, page))
    if not os.path.isfile(path):
        result.fail(None, "no page {} in {}".format(page, site))
        return result
    devtools, session = browser.devtools, browser.page
    devtools.deadline = time.monotonic() + browser.timeout
    devtools.events = []
    emulate(devtools, session, widths[0], device_height(widths[0]))
    navigation = devtools.call("Page.navigate", {"url": pathname2url(path)}, session)
    if navigation.get("errorText"):
        result.fail(None, "could not open {}: {}".format(path, navigation["errorText"]))
        return result
    # The load event of this page, not of the one before.
    while True:
        devtools.wait_for_event("Page.loadEventFired", session)
        loaded = devtools.evaluate("document.readyState === 'complete' && location.protocol === 'file:' "
                                   "&& location.pathname", session)
        if loaded and urllib.parse.unquote(loaded) == path:
            break
    devtools.evaluate("document.fonts.ready.then(() => true)", session)
    check_playback(devtools, session, result)
    # Open every <details> first: what is inside must render too, and the
    # page's height depends on it.
    devtools.evaluate(OPEN_DETAILS_SCRIPT, session)

    scripts = devtools.evaluate("Array.from(document.querySelectorAll('script'))"
                                ".map(s => s.getAttribute('src') || '(inline script)')", session)
    allowed = list(SEARCH_SCRIPTS) if os.path.basename(page) == "search.html" else []
    if scripts != allowed:
        result.fail(None, "the page's scripts are {} where {} are allowed".format(
            ", ".join(scripts) or "none", ", ".join(allowed) or "none"))

    check_sweeps(devtools, session, result)
    if axe:
        devtools.evaluate(axe + "\n;true", session)
        if not devtools.evaluate("typeof axe === 'object' && typeof axe.run === 'function'", session):
            raise CheckError("the axe-core given does not define axe.run")

    counts = None
    for number, width in enumerate(widths):
        if number:
            emulate(devtools, session, width, device_height(width))
        devtools.evaluate(TOP_SCRIPT, session)
        elements = devtools.evaluate(MEASURE_SCRIPT, session)
        check_elements(result, width, elements)
        if counts is None:
            counts = element_counts(elements)
        layout = devtools.evaluate(LAYOUT_SCRIPT, session)
        check_layout(result, width, layout, source)
        if width in pixel_widths:
            check_pixels(browser, result, page, width, shots_dir)
            # The screenshot left the viewport as tall as the page.
            if axe and width in axe_widths:
                emulate(devtools, session, width, device_height(width))
        if axe and width in axe_widths:
            check_axe(browser, result, width)

    requests = {}
    for event in devtools.events:
        if event.get("sessionId") != session:
            continue
        if event["method"] == "Network.requestWillBeSent":
            requested = event["params"]["request"]["url"]
            requests[event["params"]["requestId"]] = requested
            if not requested.startswith(("file:", "data:", "about:")):
                result.fail(None, "the page fetches {} from another host".format(requested))
        elif event["method"] == "Network.loadingFailed":
            result.fail(None, "loading {} failed: {}".format(
                requests.get(event["params"]["requestId"], "a resource"), event["params"].get("errorText")))
    devtools.events = []
    result.notes.insert(0, counts)
    return result


SEARCH_SCRIPTS = ("assets/search-index.js", "assets/search.js")

# A sweep (`Sweep(…)` in an experiment) switches its variants with radio buttons and CSS
# alone: a row of buttons per swept value, or a phase diagram's cells, one button per
# variant. For each button: click its label (a cell, for a phase diagram), then report what
# is painted: the variants shown, the selected one's paths and results table, and each
# number quoted from it.
SWEEP_SCRIPT = """
(() => {
  const shown = e => getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0;
  const report = [];
  for (const sweep of document.querySelectorAll('section.cg-sweep')) {
    const id = sweep.id;
    // A variant's classes name its value per axis (-a0-1) or, in a phase diagram, its cell (-c7).
    const kind = id + (sweep.classList.contains('cg-phase-sweep') ? '-c' : '-a');
    const radios = Array.from(sweep.querySelectorAll('input.cg-sweep-radio, input.cg-phase-radio'));
    const defaults = radios.filter(r => r.checked);
    // print.html holds every chapter's sweeps again, rendered by the same code, which their
    // chapters' pages click through; there, each click restyles a document of megabytes, so
    // the first and the last control of each sweep show that its ids switch.
    const document_ = document.body.classList.contains('print-document');
    const clicked = document_ && radios.length > 2 ? [radios[0], radios[radios.length - 1]] : radios;
    for (const radio of clicked) {
      sweep.querySelector('label[for="' + radio.id + '"]').click();
      const checked = radios.filter(r => r.checked).map(r => r.id.slice(id.length + 1));
      const visible = Array.from(sweep.querySelectorAll('.cg-variant')).filter(shown);
      const entry = {sweep: id, clicked: radio.id, checked: checked, radioChecked: radio.checked,
                     visible: visible.map(v => Array.from(v.classList).filter(c => c.startsWith(kind)).map(c => c.slice(id.length + 1)))};
      const label = sweep.querySelector('label[for="' + radio.id + '"]');
      const box = label.getBoundingClientRect();
      entry.labelSize = [box.width, box.height];
      if (visible.length === 1) {
        const paths = Array.from(visible[0].querySelectorAll('svg path')).filter(p => shown(p));
        entry.paintedPaths = paths.filter(p => { const b = p.getBoundingClientRect(); return b.width > 0 || b.height > 0; }).length;
        entry.pathData = paths.map(p => p.getAttribute('d')).join('|');
        const table = Array.from(visible[0].querySelectorAll('table')).filter(shown).pop();
        entry.results = table ? table.innerText : null;
      }
      entry.quoted = Array.from(document.querySelectorAll('.cg-swept')).filter(q => q.querySelector('.' + CSS.escape(id + '-v'))).map(q =>
        Array.from(q.children).filter(shown).map(c => Array.from(c.classList).filter(k => k.startsWith(kind)).map(k => k.slice(id.length + 1))));
      report.push(entry);
    }
    for (const radio of defaults) sweep.querySelector('label[for="' + radio.id + '"]').click();
  }
  return report;
})()
"""


def check_sweeps(devtools, session, result):
    """Clicks every control of every sweep on the page (the first and the last of each in
    print.html, whose sweeps are the chapters' again): exactly the selected variant
    must be shown, with painted paths and its results table on screen, and every
    number quoted from the sweep must show the selected variant's value alone."""
    report = devtools.evaluate(SWEEP_SCRIPT, session) or []
    for entry in report:
        where = "sweep {} after clicking {}".format(entry["sweep"], entry["clicked"])
        if min(entry["labelSize"]) < 16:
            result.fail(None, "{}: its label is {:.0f} × {:.0f} px, too small to tap".format(where, *entry["labelSize"]))
        if not entry["radioChecked"]:
            result.fail(None, "{}: its radio button is not checked".format(where))
            continue
        selected = sorted(entry["checked"])
        if len(entry["visible"]) != 1:
            result.fail(None, "{}: {} variants are shown, not one".format(where, len(entry["visible"])))
            continue
        if sorted(entry["visible"][0]) != selected:
            result.fail(None, "{}: the variant shown is {}, not the selected {}".format(where, entry["visible"][0], selected))
        if not entry.get("paintedPaths"):
            result.fail(None, "{}: the variant shown paints no path".format(where))
        if not entry.get("results"):
            result.fail(None, "{}: the variant shown has no results table on screen".format(where))
        for quoted in entry["quoted"]:
            if quoted and (len(quoted) != 1 or sorted(quoted[0]) != selected):
                result.fail(None, "{}: a quoted number shows {}, not the selected variant's".format(where, quoted))
    if report:
        result.notes.append("{} sweep controls clicked".format(len(report)))

# Queries for timing: words of the index and prefixes of them, one and two words,
# drawn with a fixed seed so every run times the same ones.
TIMING_SCRIPT = """
(() => {
  const data = window.coursegenSearch;
  if (!data || !data.query) return {error: 'search.js did not run (no coursegenSearch.query)'};
  const words = [];
  let previous = '';
  const digits = {};
  let alphabet = '';
  for (let c = 0x21; c <= 0x7e; c++) if (c !== 0x22 && c !== 0x5c) alphabet += String.fromCharCode(c);
  for (let i = 0; i < alphabet.length; i++) digits[alphabet[i]] = i;
  for (const entry of data.keys.split(' ')) { previous = previous.slice(0, digits[entry[0]]) + entry.slice(1); words.push(previous); }
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = () => words[Math.floor(next() * words.length)];
  const queries = [];
  for (let i = 0; i < COUNT; i++) {
    const w = pick();
    queries.push(i % 3 === 0 ? w : i % 3 === 1 ? pick() + ' ' + w : w.slice(0, Math.max(1, w.length >> 1)));
  }
  // A query as the reader makes it: the box's input event, which searches and writes
  // the results into the page. Each is run REPEAT times (the first cold) and averaged,
  // since performance.now() is coarse on file:// pages.
  const box = document.getElementById('search-page-q');
  const times = [];
  for (const q of queries) {
    const start = performance.now();
    for (let r = 0; r < REPEAT; r++) {
      box.value = q;
      box.dispatchEvent(new Event('input'));
    }
    times.push((performance.now() - start) / REPEAT);
  }
  const hits = document.querySelectorAll('.search-hits li').length;
  times.sort((a, b) => a - b);
  return {median: times[times.length >> 1], max: times[times.length - 1], count: times.length, hits: hits};
})()
"""


def wait_for_load(devtools, session, path):
    """Waits for the load event of the page at `path` (a file path), whatever its query."""
    while True:
        devtools.wait_for_event("Page.loadEventFired", session)
        loaded = devtools.evaluate("document.readyState === 'complete' && location.protocol === 'file:' "
                                   "&& location.pathname", session)
        if loaded and urllib.parse.unquote(loaded) == path:
            return


def check_search(browser, site, query, anchor, count, budget):
    """Types `query` into search.html's box, sends it, and checks that the first
    result is `anchor` and leads there; times `count` queries. A PageResult."""
    result = PageResult("search.html «{}»".format(query))
    path = os.path.abspath(os.path.join(site, "search.html"))
    if not os.path.isfile(path):
        result.fail(None, "no search.html in {}".format(site))
        return result
    devtools, session = browser.devtools, browser.page
    devtools.deadline = time.monotonic() + browser.timeout
    devtools.events = []
    emulate(devtools, session, 1280, device_height(1280))
    devtools.call("Page.navigate", {"url": pathname2url(path)}, session)
    wait_for_load(devtools, session, path)
    ready = devtools.evaluate("!!(window.coursegenSearch && window.coursegenSearch.query)", session)
    if not ready:
        result.fail(None, "search.js did not run from file:// (blocked by the page's policy, or an error)")
        return result
    devtools.evaluate("document.getElementById('search-page-q').focus()", session)
    devtools.call("Input.insertText", {"text": query}, session)
    typed = devtools.evaluate("document.getElementById('search-page-q').value", session)
    if typed != query:
        result.fail(None, "the search box holds {!r} after typing {!r}".format(typed, query))
    live = devtools.evaluate("document.querySelectorAll('.search-hits li').length", session)
    if not live:
        result.fail(None, "typing {!r} shows no results before Enter".format(query))
    devtools.events = []
    for kind in ("keyDown", "keyUp"):
        devtools.call("Input.dispatchKeyEvent", {"type": kind, "key": "Enter", "code": "Enter",
                                                 "windowsVirtualKeyCode": 13, "text": "\r" if kind == "keyDown" else ""},
                      session)
    wait_for_load(devtools, session, path)
    state = devtools.evaluate("""(() => {
      const first = document.querySelector('.search-hits a');
      return {search: location.search, box: document.getElementById('search-page-q').value,
              status: (document.querySelector('.search-status') || {}).textContent || '',
              first: first && first.getAttribute('href'), marks: document.querySelectorAll('.search-hits mark').length};
    })()""", session)
    sent = urllib.parse.parse_qs(state["search"][1:]).get("q", [""])[0]
    if sent != query:
        result.fail(None, "Enter sent q={!r}, not {!r}".format(sent, query))
    if state["box"] != query:
        result.fail(None, "search.html?q=... fills the box with {!r}".format(state["box"]))
    if state["first"]:
        state["first"] = urllib.parse.unquote(state["first"])
    if state["first"] != anchor:
        result.fail(None, "the first result links to {} where {} was expected ({})".format(
            state["first"], anchor, state["status"]))
    elif not state["marks"]:
        result.fail(None, "no matched word is marked in the results")
    else:
        result.notes.append(state["status"])
        page, _, fragment = anchor.partition("#")
        target = os.path.abspath(os.path.join(site, page))
        devtools.evaluate("document.querySelector('.search-hits a').click()", session)
        wait_for_load(devtools, session, target)
        landed = devtools.evaluate("""(() => {
          const id = decodeURIComponent(location.hash.slice(1));
          const element = document.getElementById(id);
          return {hash: id, top: element ? element.getBoundingClientRect().top : null, height: innerHeight};
        })()""", session)
        if not fragment:
            if landed["hash"]:
                result.fail(None, "following the first result leads to #{}, not to the top of {}".format(landed["hash"], page))
        elif landed["hash"] != fragment or landed["top"] is None:
            result.fail(None, "following the first result leads to #{} (no such section {})".format(landed["hash"], fragment))
        elif not (-2 <= landed["top"] < landed["height"] / 2):
            result.fail(None, "following the first result leaves #{} at {:.0f} px, not at the top of the window".format(
                fragment, landed["top"]))
        devtools.call("Page.navigate", {"url": pathname2url(path)}, session)
        wait_for_load(devtools, session, path)
    timing = devtools.evaluate(TIMING_SCRIPT.replace("COUNT", str(int(count))).replace("REPEAT", "10"), session)
    if timing.get("error"):
        result.fail(None, timing["error"])
    else:
        result.notes.append("median query {:.3f} ms over {} queries (slowest {:.3f} ms)".format(
            timing["median"], timing["count"], timing["max"]))
        if timing["median"] > budget:
            result.fail(None, "the median query takes {:.3f} ms, over the budget of {} ms".format(timing["median"], budget))
    devtools.events = []
    return result


def search_spec(text):
    query, separator, anchor = text.rpartition("=")
    if not separator or not query.strip() or ".html" not in anchor:
        raise argparse.ArgumentTypeError("give QUERY=PAGE#SECTION or QUERY=PAGE, e.g. 'bias correction=adam.html#bias-correction'")
    return query, anchor


def element_counts(elements):
    sprites = sum(1 for e in elements if e["definitionsOnly"])
    maths = sum(1 for e in elements if e["tag"] == "math")
    svgs = sum(1 for e in elements if e["tag"] == "svg" and not e["definitionsOnly"])
    return "{} <math> and {} <svg> checked{}".format(
        maths, svgs, ", {} definitions-only <svg> skipped".format(sprites) if sprites else "")


def element_name(element):
    return "<{}> #{} ({})".format(element["tag"], element["index"] + 1, element["label"] or "no label")


def check_axe(browser, result, width):
    """Runs axe-core in every colour scheme at `width` and fails on each violation, once per rule and element."""
    devtools, session = browser.devtools, browser.page
    for theme in THEMES:
        set_theme(devtools, session, theme)
        devtools.evaluate(SETTLE_SCRIPT, session)
        # Each run has the page's time to itself: on the long print page axe takes its while.
        devtools.deadline = time.monotonic() + browser.timeout
        violations = devtools.evaluate(AXE_SCRIPT, session)
        result.axe_views += 1
        for violation in violations:
            nodes = violation["nodes"]
            for node in nodes[:MAXIMUM_REPORTED]:
                html, summary = shorten(" ".join(node["html"].split()), AXE_SNIPPET), shorten(node["summary"], 240)
                result.fail(width, "axe {} ({}): {}: {} «{}»{}".format(
                    violation["id"], violation["impact"], violation["help"], node["target"], html,
                    ": " + summary if summary else ""), theme)
            if len(nodes) > MAXIMUM_REPORTED:
                result.fail(width, "axe {} ({}): and {} more elements".format(
                    violation["id"], violation["impact"], len(nodes) - MAXIMUM_REPORTED), theme)
    set_theme(devtools, session, THEMES[0])


def shorten(text, limit):
    return text if len(text) <= limit else text[:limit - 1] + "…"


def set_theme(devtools, session, theme):
    devtools.call("Emulation.setEmulatedMedia", {"features": [
        {"name": "prefers-reduced-motion", "value": "reduce"},
        {"name": "prefers-color-scheme", "value": theme}]}, session)


def check_elements(result, width, elements):
    for element in elements:
        if element["definitionsOnly"]:
            continue
        if element["tag"] == "math" and not element["isMathML"]:
            result.fail(width, "{} is not a MathML element in this browser".format(element_name(element)))
        if element["width"] < 0.5 or element["height"] < 0.5:
            result.fail(width, "{} has no layout size ({:.1f} x {:.1f})".format(
                element_name(element), element["width"], element["height"]))


def check_layout(result, width, layout, source):
    if layout["viewport"] != width:
        # A phone lays out a page without <meta name="viewport"> 980 px wide and zooms out.
        result.fail(width, "the layout viewport is {} px wide on a {} px wide screen: the page needs "
                           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">".format(
                               layout["viewport"], width))
    wide = layout["wide"]
    if wide["documentWidth"] > wide["viewport"]:
        head = "the page is {} px wide, wider than the {} px viewport".format(wide["documentWidth"], wide["viewport"])
        if not wide["elements"]:
            result.fail(width, head)
        for element in wide["elements"]:
            if element.get("container"):
                why = ", past the right edge of {} ({} px wide); held to that width, {}".format(
                    element["container"], element["limit"],
                    "; ".join("{} still reaches {} px".format(describe(inner), inner["right"])
                              for inner in element["inside"])
                    or "everything inside it fits")
            elif element.get("ownText"):
                why = ", its text past its own right edge ({} px wide)".format(element["limit"])
            else:
                why = ""
            result.fail(width, "{}: {} reaches {} px{}".format(head, describe(element), element["right"], why))
        if wide["more"]:
            result.fail(width, "{}: and {} more elements past the edge".format(head, wide["more"]))

    for element in layout["clipped"][:MAXIMUM_REPORTED]:
        if element.get("own"):
            result.fail(width, "the text of {} is cut off by its own {}: it extends {} px past its {} edge".format(
                describe(element), element["overflow"], element["by"], element["side"]))
        else:
            result.fail(width, "{} is cut off by {} ({}): it extends {} px past its {} edge".format(
                describe(element), element["clipper"], element["overflow"], element["by"], element["side"]))
    if len(layout["clipped"]) > MAXIMUM_REPORTED:
        result.fail(width, "and {} more elements are cut off".format(len(layout["clipped"]) - MAXIMUM_REPORTED))

    for element in layout["unreachable"][:MAXIMUM_REPORTED]:
        result.fail(width, "{} scrolls sideways (its content is {} px wide) but neither it nor anything in it "
                           "can take focus, so a keyboard cannot scroll it: it needs tabindex=\"0\"".format(
                               describe(element), element["content"]))
    if len(layout["unreachable"]) > MAXIMUM_REPORTED:
        result.fail(width, "and {} more boxes scroll sideways without a way to focus them".format(
            len(layout["unreachable"]) - MAXIMUM_REPORTED))

    for cell in layout["cells"]:
        if cell["generated"]:
            result.fail(width, "<{}> {} (row {}, column {}) of a generated table renders empty".format(
                cell["tag"], cell["path"], cell["row"] + 1, cell["column"] + 1))
            continue
        where = "<{}> {} (table {}, row {}, column {})".format(
            cell["tag"], cell["path"], cell["table"] + 1, cell["row"] + 1, cell["column"] + 1)
        if source is None:
            result.fail(width, "{} renders empty".format(where))
            continue
        if cell["table"] >= len(source):
            result.fail(width, "{} renders empty (the source has only {} tables)".format(where, len(source)))
            continue
        rows = source[cell["table"]]
        text = rows[cell["row"]][cell["column"]] if cell["row"] < len(rows) and cell["column"] < len(rows[cell["row"]]) else ""
        if text:
            result.fail(width, "{} renders empty; its source cell is «{}»".format(where, text))

    for overlap in layout["overlaps"][:MAXIMUM_REPORTED]:
        result.fail(width, "legend entries «{}» and «{}» overlap, in {} of <svg> «{}»".format(
            overlap["first"], overlap["second"], overlap["legend"], overlap["figure"]))
    if len(layout["overlaps"]) > MAXIMUM_REPORTED:
        result.fail(width, "and {} more pairs of legend entries overlap".format(
            len(layout["overlaps"]) - MAXIMUM_REPORTED))

    for text in layout["small"][:MAXIMUM_REPORTED]:
        result.fail(width, "<text> {} of <svg> «{}» is drawn at {} px, below the {} px a figure's text may be".format(
            describe(text), text["figure"], text["size"], MINIMUM_TEXT))
    if len(layout["small"]) > MAXIMUM_REPORTED:
        result.fail(width, "and {} more <text> drawn below {} px".format(len(layout["small"]) - MAXIMUM_REPORTED, MINIMUM_TEXT))

    for pair in layout["crowded"][:MAXIMUM_REPORTED]:
        result.fail(width, "texts «{}» and «{}» of <svg> «{}» overlap by {} x {} px".format(
            pair["first"], pair["second"], pair["figure"], pair["x"], pair["y"]))
    if len(layout["crowded"]) > MAXIMUM_REPORTED:
        result.fail(width, "and {} more pairs of texts in a figure overlap".format(len(layout["crowded"]) - MAXIMUM_REPORTED))

    for stray in layout["strays"][:MAXIMUM_REPORTED]:
        result.fail(width, "<text> {} of <svg> «{}» extends {} px past the figure's {} edge".format(
            describe(stray), stray["figure"], stray["by"], stray["side"]))
    if len(layout["strays"]) > MAXIMUM_REPORTED:
        result.fail(width, "and {} more <text> outside their <svg>".format(len(layout["strays"]) - MAXIMUM_REPORTED))


def screenshot(devtools, session, x, y, width, height):
    result = devtools.call("Page.captureScreenshot", {
        "format": "png", "fromSurface": True, "captureBeyondViewport": False, "optimizeForSpeed": True,
        "clip": {"x": x, "y": y, "width": width, "height": height, "scale": 1},
    }, session)
    return base64.b64decode(result["data"])


def check_pixels(browser, result, page, width, shots_dir):
    """Screenshots the page at `width`, with the viewport made as tall as the
    page (up to a band), and fails on an element or a page drawn in one colour."""
    devtools, session = browser.devtools, browser.page
    # The viewport as tall as the document is at the device's own height
    # (HEIGHT_SCRIPT measures the body, since a phone that zooms out of a page
    # wider than itself makes the document as tall as the zoomed-out screen).
    viewport_height = int(min(BAND_HEIGHT, devtools.evaluate(HEIGHT_SCRIPT, session)) + 0.999)
    emulate(devtools, session, width, viewport_height)
    devtools.evaluate(TOP_SCRIPT, session)
    # A taller viewport can make the page taller (a sidebar 100vh tall pushes
    # the footer down): what lies below the viewport is a further band, taken
    # after scrolling. Where the elements are now:
    page_height = int(min(BAND_HEIGHT * MAXIMUM_BANDS, devtools.evaluate(HEIGHT_SCRIPT, session)) + 0.999)
    elements = devtools.evaluate(MEASURE_SCRIPT, session)
    sized = [e for e in elements if not e["definitionsOnly"] and e["width"] >= 0.5 and e["height"] >= 0.5]
    # Only what lies wholly within the window's width is judged: of a formula
    # that a box scrolled sideways shows one pixel, that pixel may well be blank.
    drawn = [e for e in sized if e["x"] >= -0.5 and e["x"] + e["width"] <= width + 0.5]
    aside = [e for e in sized if e not in drawn]
    for element in drawn:
        element["verdict"] = 0

    bands = []
    page_verdict = 1
    for top in range(0, page_height, viewport_height):
        band_height = min(viewport_height, page_height - top)
        if top:
            # The browser stops at the last screenful, which holds this band.
            devtools.evaluate("window.scrollTo({{left: 0, top: {}, behavior: 'instant'}}); {}".format(
                top, SETTLE_SCRIPT), session)
        png = base64.b64encode(screenshot(devtools, session, 0, top, width, band_height)).decode()
        bands.append((top, png))
        rects = [{"x": 0, "y": 0, "width": width, "height": band_height}] + [
            {"x": e["x"], "y": e["y"] - top, "width": e["width"], "height": e["height"]} for e in drawn]
        expression = "{}({}, {})".format(PIXEL_SCRIPT.strip(), json.dumps(png), json.dumps(rects))
        verdicts = devtools.evaluate(expression, browser.pixels)
        page_verdict = max(page_verdict, verdicts[0])
        for element, verdict in zip(drawn, verdicts[1:]):
            element["verdict"] = max(element["verdict"], verdict)
    # A band tens of thousands of pixels tall is sometimes captured with a few small
    # elements not yet painted (seen for inline formulas 50,000 px down a 120,000 px page
    # whose screenshot, taken alone, shows them drawn): each element judged blank is
    # captured again on its own, scrolled into view, and fails only if blank there too.
    for element in drawn:
        if element["verdict"] != 1:
            continue
        top = max(0, int(element["y"]) - 100)
        devtools.evaluate("window.scrollTo({{left: 0, top: {}, behavior: 'instant'}}); {}".format(
            top, SETTLE_SCRIPT), session)
        height = int(element["height"] + 0.999) + 200
        png = base64.b64encode(screenshot(devtools, session, 0, top, width, height)).decode()
        rects = [{"x": 0, "y": 0, "width": width, "height": height},
                 {"x": element["x"], "y": element["y"] - top, "width": element["width"], "height": element["height"]}]
        expression = "{}({}, {})".format(PIXEL_SCRIPT.strip(), json.dumps(png), json.dumps(rects))
        element["verdict"] = devtools.evaluate(expression, browser.pixels)[1]
    if shots_dir:
        save_screenshots(browser, result, page, width, shots_dir, bands, page_height)
    if page_verdict == 1:
        result.fail(width, "the page rendered as a single colour: it is blank")
    below = []
    for element in drawn:
        if element["verdict"] == 1:
            result.fail(width, "{} rendered as a single colour: nothing was drawn".format(element_name(element)))
        elif element["verdict"] == 0:
            below.append(element)
    # Not failures: a wide table scrolls sideways in its own box, and very
    # long pages end their screenshot somewhere.
    if aside:
        result.notes.append("at {} px, {} elements lie wholly or partly outside the window (in a box that "
                            "scrolls sideways?), sized but not screenshotted: {}".format(
                                width, len(aside), ", ".join(element_name(e) for e in aside[:3])
                                + (", …" if len(aside) > 3 else "")))
    if below:
        result.notes.append("at {} px, {} elements below the first {} pixels were sized but not screenshotted"
                            .format(width, len(below), page_height))


def save_screenshots(browser, result, page, width, shots_dir, bands, page_height):
    """Writes DIR/<page>-<width>.png, the bands stitched in the blank tab when
    a canvas that tall is safe, else one file per band (-partN)."""
    stem = os.path.join(shots_dir, os.path.splitext(os.path.normpath(page))[0].replace(os.sep, "__"))
    os.makedirs(os.path.dirname(stem) or ".", exist_ok=True)
    if len(bands) > 1 and page_height <= MAXIMUM_CANVAS:
        expression = "{}({}, {}, {})".format(STITCH_SCRIPT.strip(), json.dumps(bands), width, page_height)
        bands = [(0, browser.devtools.evaluate(expression, browser.pixels))]
    for number, (_, png) in enumerate(bands):
        shot = "{}-{}{}.png".format(stem, width, "-part{}".format(number + 1) if len(bands) > 1 else "")
        with open(shot, "wb") as f:
            f.write(base64.b64decode(png))
        result.shots.append(shot)


# Markdown sources: the GFM tables of each chapter, to tell a cell that lost
# its content from one that was written empty.

FENCE = re.compile(r"^\s*(`{3,}|~{3,})(.*)$")
DELIMITER_CELL = re.compile(r"^:?-+:?$")
BREAK = re.compile(r"^(?:#{1,6}(?:\s|$)|(?:\*\s*){3,}$|(?:-\s*){3,}$|(?:_\s*){3,}$)")


def page_for_chapter(filename):
    """01-loss-landscapes.md -> loss-landscapes.html; index.md -> index.html."""
    stem = os.path.splitext(os.path.basename(filename))[0]
    stripped = re.sub(r"^\d+[-_.]", "", stem)
    return (stripped or stem) + ".html"


def split_row(line):
    """The cells of a GFM table row, stripped: split on | that is not escaped
    and not inside a `code span` or $math$ ($$display$$)."""
    text = line.strip()
    cells, current, i, n = [], [], 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\\" and i + 1 < n:
            current.append(text[i:i + 2])
            i += 2
        elif ch == "`":
            run = len(text[i:]) - len(text[i:].lstrip("`"))
            end = i + run
            while True:
                end = text.find("`" * run, end)
                if end < 0 or end + run >= n or text[end + run] != "`":
                    break
                end += run + (len(text[end + run:]) - len(text[end + run:].lstrip("`")))
            if end < 0:
                current.append(text[i:i + run])
                i += run
            else:
                current.append(text[i:end + run])
                i = end + run
        elif ch == "$":
            close = math_end(text, i)
            if close is None:
                current.append(ch)
                i += 1
            else:
                current.append(text[i:close])
                i = close
        elif ch == "|":
            cells.append("".join(current))
            current = []
            i += 1
        else:
            current.append(ch)
            i += 1
    cells.append("".join(current))
    if text.startswith("|"):
        cells = cells[1:]
    if len(cells) > 1 and text.endswith("|") and not text.endswith("\\|") and cells[-1].strip() == "":
        cells = cells[:-1]
    return [cell.strip() for cell in cells]


def math_end(text, i):
    """The index after the math that starts with the $ at i, or None when it is a plain dollar."""
    n = len(text)
    if text.startswith("$$", i):
        end = text.find("$$", i + 2)
        return end + 2 if end > i + 2 else None
    if i + 1 >= n or text[i + 1].isspace():
        return None
    j = i + 1
    while j < n:
        if text[j] == "\\":
            j += 2
            continue
        if text[j] == "$" and not text[j - 1].isspace() and not (j + 1 < n and text[j + 1].isdigit()):
            return j + 1
        j += 1
    return None


def is_delimiter_row(line):
    if "-" not in line:
        return False
    cells = split_row(line)
    return all(DELIMITER_CELL.match(cell) for cell in cells) and ("|" in line or len(cells) > 1)


def source_tables(markdown):
    """The GFM tables of a chapter, in order: [[cells of the header], [cells of each body row], …]."""
    lines = markdown.split("\n")
    if lines and lines[0].strip() == "---":
        for end in range(1, len(lines)):
            if lines[end].strip() in ("---", "..."):
                lines = lines[end + 1:]
                break
    # Block quotes: a table inside one is still a table, and ends with the quote.
    depths = [re.match(r"^(?:\s*>)*", line).group(0).count(">") for line in lines]
    lines = [re.sub(r"^\s*(?:>\s?)+", "", line) for line in lines]
    tables, fence, i = [], None, 0
    while i < len(lines):
        line = lines[i]
        opening = FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence) \
                    and not opening.group(2).strip():
                fence = None
            i += 1
            continue
        if opening and not (opening.group(1)[0] == "`" and "`" in opening.group(2)):
            fence = opening.group(1)
            i += 1
            continue
        if i + 1 < len(lines) and "|" in line and is_delimiter_row(lines[i + 1]):
            header = split_row(line)
            if len(header) == len(split_row(lines[i + 1])):
                rows = [header]
                depth = depths[i]
                i += 2
                while i < len(lines) and lines[i].strip() and depths[i] == depth and not FENCE.match(lines[i]) \
                        and not BREAK.match(lines[i].strip()):
                    rows.append(split_row(lines[i]))
                    i += 1
                tables.append(rows)
                continue
        i += 1
    return tables


def load_sources(chapters):
    """{page: tables} for every chapter in the folder."""
    sources = {}
    for filename in sorted(os.listdir(chapters)):
        if filename.endswith(".md") and os.path.isfile(os.path.join(chapters, filename)):
            with open(os.path.join(chapters, filename), encoding="utf-8") as f:
                sources[page_for_chapter(filename)] = source_tables(f.read())
    return sources


def find_pages(site):
    pages = []
    for folder, folders, files in os.walk(site):
        folders[:] = sorted(d for d in folders if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(".html"):
                pages.append(os.path.relpath(os.path.join(folder, name), site))
    return pages


def find_chromium(explicit):
    candidates = [explicit] if explicit else [os.environ.get("CHROMIUM"), "chromium", "chromium-browser",
                                              "google-chrome", "chrome"]
    for candidate in candidates:
        if candidate and shutil.which(candidate):
            return shutil.which(candidate)
    return None


def parse_widths(text):
    try:
        widths = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError("widths are CSS pixels separated by commas: 390,768,1280")
    if not widths or any(w < 100 or w > 4000 for w in widths):
        raise argparse.ArgumentTypeError("widths are CSS pixels from 100 to 4000")
    return widths


def main(argv=None):
    parser = argparse.ArgumentParser(description="Render the pages of a built site in headless Chromium at "
                                                 "three widths; fail on a broken render or layout.")
    parser.add_argument("site", help="the built site folder")
    parser.add_argument("pages", nargs="*", metavar="page",
                        help="pages relative to the site folder (default: every *.html in it)")
    parser.add_argument("--chapters", help="the Markdown folder the site was built from, so that a table cell "
                                           "written empty may render empty")
    parser.add_argument("--shots", help="write a screenshot of every page at every width to this folder, "
                                        "as PAGE-WIDTH.png")
    parser.add_argument("--widths", type=parse_widths, default=list(DEFAULT_WIDTHS),
                        help="viewport widths in CSS pixels (default: 390,768,1280; 390 emulates a phone)")
    parser.add_argument("--timeout", type=float, default=120,
                        help="seconds per page before giving up (default: %(default)s)")
    parser.add_argument("--chromium", help="the browser binary (default: $CHROMIUM, then chromium on PATH)")
    parser.add_argument("--search", type=search_spec, action="append", default=[], metavar="QUERY=ANCHOR",
                        help="type QUERY into search.html and require the first result to be ANCHOR "
                             "(page#section), then time queries (repeatable)")
    parser.add_argument("--search-queries", type=int, default=50, help="queries to time (default: %(default)s)")
    parser.add_argument("--search-budget", type=float, default=5.0,
                        help="the median query's budget in milliseconds (default: %(default)s)")
    parser.add_argument("--axe", metavar="FILE", help="axe-core's axe.min.js (default: the pinned axe-core {}, "
                                                   "fetched from the PyPI wheel {} on first use and cached in {})"
                        .format(AXE_VERSION, AXE_WHEEL, axe_cache_path()))
    parser.add_argument("--no-axe", action="store_true", help="do not run axe-core")
    args = parser.parse_args(argv)

    started = time.monotonic()
    if not os.path.isdir(args.site):
        print("browser-check: no site folder {}".format(args.site), file=sys.stderr)
        return 1
    pages = args.pages or find_pages(args.site)
    sources = None
    if args.chapters:
        if not os.path.isdir(args.chapters):
            print("browser-check: no chapters folder {}".format(args.chapters), file=sys.stderr)
            return 1
        sources = load_sources(args.chapters)
    chromium = find_chromium(args.chromium)
    if not chromium:
        print("browser-check: Chromium not found; install Debian's chromium or pass --chromium", file=sys.stderr)
        return 2
    # The pixel test needs a screenshot; without --shots, one width is enough
    # (the widest: a figure that draws at one width draws at all).
    pixel_widths = set(args.widths) if args.shots else {max(args.widths)}
    if args.shots:
        os.makedirs(args.shots, exist_ok=True)

    # axe-core at the narrowest width (a phone's, with mobile emulation) and the widest.
    axe_widths = set() if args.no_axe else {min(args.widths), max(args.widths)}
    failures = 0
    axe_views = 0
    browser = None
    try:
        axe = None if args.no_axe else load_axe(args.axe)[0]
        browser = Browser(chromium, args.timeout)
        for page in pages:
            source = sources.get(os.path.normpath(page)) if sources is not None else None
            try:
                result = check_page(browser, args.site, page, args.widths, pixel_widths, args.shots, source,
                                    axe, axe_widths)
            except CheckError as error:
                raise CheckError("{}: {}".format(page, error))
            if result.shots:
                print("browser-check: {}: screenshots {}".format(page, ", ".join(result.shots)))
            for note in result.notes:
                print("browser-check: {}: {}".format(page, note))
            grouped = result.grouped()
            for places, message in grouped:
                print("browser-check: {}{}: FAIL: {}".format(page, where(places), message), file=sys.stderr)
            if not grouped:
                print("browser-check: {}: ok".format(page))
            failures += len(grouped)
            axe_views += result.axe_views
            sys.stdout.flush()
            sys.stderr.flush()
        for query, anchor in args.search:
            try:
                result = check_search(browser, args.site, query, anchor, args.search_queries, args.search_budget)
            except CheckError as error:
                raise CheckError("search «{}»: {}".format(query, error))
            for note in result.notes:
                print("browser-check: {}: {}".format(result.page, note))
            grouped = result.grouped()
            for _, message in grouped:
                print("browser-check: {}: FAIL: {}".format(result.page, message), file=sys.stderr)
            if not grouped:
                print("browser-check: {}: ok".format(result.page))
            failures += len(grouped)
    except CheckError as error:
        print("browser-check: {}".format(error), file=sys.stderr)
        return 2
    finally:
        if browser:
            browser.close()
    axe_summary = "axe-core off" if args.no_axe else "axe-core {} on {} page view{} ({} px, {})".format(
        AXE_VERSION if not args.axe else "from " + args.axe, axe_views, "" if axe_views == 1 else "s",
        " and ".join(str(w) for w in sorted(axe_widths)), " and ".join(THEMES))
    print("browser check: {} page{} × {} width{}, {}, {} failure{} ({:.1f} s)".format(
        len(pages), "" if len(pages) == 1 else "s", len(args.widths), "" if len(args.widths) == 1 else "s",
        axe_summary, failures, "" if failures == 1 else "s", time.monotonic() - started))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
