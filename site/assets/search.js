// coursegen's search: answers queries on search.html from the index in search-index.js.
// A classic script (no modules, no fetch, no eval), so it works from file://.
(function () {
  'use strict';
  var data = window.coursegenSearch;
  var results = document.getElementById('search-results');
  if (!data || !results || !window.Map || !String.prototype.normalize) return;

  // The tokeniser and key folding of SearchTokenizer.swift.
  var CJK = '\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{3ffff}';
  var WORD = '(?:(?![' + CJK + '])[\\p{Alphabetic}\\p{N}\\p{M}])';
  var TOKEN = new RegExp('[' + CJK + ']|\\p{Nd}(?:\\p{Nd}|[.,](?=\\p{Nd})|' + WORD + ')*|(?!\\p{M})' + WORD +
                         '(?:' + WORD + "|['\\u2019](?=(?!\\p{M})" + WORD + '))*|\\S', 'gu');
  var IS_WORD = new RegExp('^(?!\\p{M})' + WORD, 'u');
  var IS_CJK = new RegExp('^[' + CJK + ']$', 'u');
  function key(token) {
    var k = token.normalize('NFKC').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
    if (k.length > 2 && /['\u2019]s$/.test(k)) k = k.slice(0, -2);
    return k;
  }
  // Terms of a text: {key, from, to} for words and CJK characters, with their place in the text.
  function terms(text) {
    var out = [], match;
    TOKEN.lastIndex = 0;
    while ((match = TOKEN.exec(text))) {
      var t = match[0];
      if (IS_WORD.test(t) || IS_CJK.test(t)) out.push({ key: key(t), cjk: IS_CJK.test(t), from: match.index, to: match.index + t.length });
    }
    return out;
  }

  // Keys (front-coded) and their sections (deltas, or a bitmap after the digit 0).
  var ALPHABET = '';
  for (var c = 0x21; c <= 0x7e; c++) if (c !== 0x22 && c !== 0x5c) ALPHABET += String.fromCharCode(c);
  var DIGIT = {};
  for (var a = 0; a < ALPHABET.length; a++) DIGIT[ALPHABET[a]] = a;
  var keys = [], previous = '';
  data.keys.split(' ').forEach(function (entry) {
    previous = previous.slice(0, DIGIT[entry[0]]) + entry.slice(1);
    keys.push(previous);
  });
  var encoded = data.postings.split(' ');
  var decoded = [];
  function postings(k) {
    if (decoded[k]) return decoded[k];
    var text = encoded[k], out = [];
    if (text[0] === ALPHABET[0]) {
      for (var i = 1; i < text.length; i++) {
        var bits = DIGIT[text[i]];
        for (var b = 0; b < 6; b++) if (bits & (1 << b)) out.push((i - 1) * 6 + b);
      }
    } else {
      var section = -1, digits = [];
      for (var j = 0; j < text.length; j++) {
        digits.push(DIGIT[text[j]]);
        if (digits[digits.length - 1] < 82) {
          var value = digits.pop();
          while (digits.length) value = digits.pop() + 10 * value;
          section += value;
          out.push(section);
        }
      }
    }
    decoded[k] = out;
    return out;
  }
  // HeadingSlugger.slugify: letters and digits kept, spaces and hyphens to '-', the rest dropped.
  function slugify(text) {
    var out = '';
    Array.from(text.toLowerCase()).forEach(function (ch) {
      if (/^[\p{Alphabetic}0-9_]$/u.test(ch)) out += ch;
      else if (ch === ' ' || ch === '-' || ch === '\t') out += '-';
    });
    return out || 'section';
  }
  var sections = data.sections.map(function (row) {
    return { page: row[0], id: row[1] === 0 ? '' : row[1] || slugify(row[2]), heading: row[2], excerpt: row[3],
             headingTerms: terms(row[2]), excerptTerms: terms(row[3]) };
  });

  // A query's keys: words, CJK characters, and a run of CJK characters as its bigrams.
  function parse(query) {
    var parts = terms(query), out = [];
    for (var i = 0; i < parts.length; i++) {
      var p = parts[i];
      var next = parts[i + 1];
      var joined = p.cjk && next && next.cjk && next.from === p.to;
      var previousJoined = p.cjk && i > 0 && parts[i - 1].cjk && parts[i - 1].to === p.from;
      if (joined) out.push({ key: p.key + next.key, word: p.key });
      else if (!previousJoined) out.push({ key: p.key, word: p.key });
    }
    return { keys: out, words: parts.map(function (p) { return p.key; }) };
  }

  function lowerBound(k) {
    var lo = 0, hi = keys.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (keys[mid] < k) lo = mid + 1; else hi = mid; }
    return lo;
  }
  // Sections holding key `k` (or, as a prefix, any key starting with it).
  function holding(k, prefix) {
    var from = lowerBound(k), set = new Set();
    for (var i = from; i < keys.length && (prefix ? keys[i].lastIndexOf(k, 0) === 0 : keys[i] === k); i++) {
      postings(i).forEach(function (s) { set.add(s); });
      if (!prefix) break;
    }
    return set;
  }

  // Whether `words` stand in a row in `list` (the last as a prefix when `prefix`); where.
  function phraseAt(list, words, prefix) {
    for (var i = 0; i + words.length <= list.length; i++) {
      var ok = true;
      for (var w = 0; w < words.length && ok; w++) {
        var k = list[i + w].key, last = w === words.length - 1;
        ok = k === words[w] || (last && prefix && k.lastIndexOf(words[w], 0) === 0);
      }
      if (ok) return i;
    }
    return -1;
  }
  function matches(term, words, prefix) {
    return words.some(function (w, i) { return term.key === w || (prefix && i === words.length - 1 && term.key.lastIndexOf(w, 0) === 0); });
  }

  function search(query, typing) {
    var parsed = parse(query);
    if (!parsed.keys.length) return null;
    var prefix = typing && !/\s$/.test(query);
    var sets = parsed.keys.map(function (k, i) { return holding(k.key, prefix && i === parsed.keys.length - 1); });
    sets.sort(function (x, y) { return x.size - y.size; });
    var words = parsed.words, found = [];
    sets[0].forEach(function (s) {
      for (var i = 1; i < sets.length; i++) if (!sets[i].has(s)) return;
      var section = sections[s];
      var headingPhrase = words.length > 1 && phraseAt(section.headingTerms, words, prefix) >= 0;
      var excerptPhrase = words.length > 1 && phraseAt(section.excerptTerms, words, prefix) >= 0;
      var inHeading = words.filter(function (w, i) {
        return section.headingTerms.some(function (t) { return matches(t, [w], prefix && i === words.length - 1); });
      }).length;
      var score = (headingPhrase ? 8 : 0) + (excerptPhrase ? 4 : 0) + (inHeading === words.length ? 2 : 0) + (inHeading ? 1 : 0);
      found.push({ section: s, score: score });
    });
    found.sort(function (x, y) { return y.score - x.score || x.section - y.section; });
    found.words = words;
    found.prefix = prefix;
    return found;
  }

  // `text` into `parent`, the terms matching the query in <mark>.
  function write(parent, text, list, words, prefix) {
    var at = 0;
    list.forEach(function (term) {
      if (!matches(term, words, prefix)) return;
      if (term.from > at) parent.appendChild(document.createTextNode(text.slice(at, term.from)));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(term.from, term.to);
      parent.appendChild(mark);
      at = term.to;
    });
    if (at < text.length) parent.appendChild(document.createTextNode(text.slice(at)));
  }

  var SHOWN = 50;
  function render(query, found) {
    while (results.firstChild) results.removeChild(results.firstChild);
    if (!found) return;
    var status = document.createElement('p');
    status.className = 'search-status';
    var template;
    if (!found.length) template = results.getAttribute('data-none');
    else {
      var category = 'other';
      try { category = new Intl.PluralRules(document.documentElement.lang).select(found.length); } catch (e) { /* no Intl */ }
      template = results.getAttribute('data-count-' + category) || results.getAttribute('data-count-other');
    }
    status.textContent = template.replace('{count}', String(found.length)).replace('{query}', query.trim());
    results.appendChild(status);
    if (!found.length) return;
    var list = document.createElement('ol');
    list.className = 'search-hits';
    found.slice(0, SHOWN).forEach(function (hit) {
      var section = sections[hit.section];
      var page = data.pages[section.page];
      var item = document.createElement('li');
      var heading = document.createElement('a');
      heading.className = 'search-hit-title';
      heading.href = page[0] + (section.id ? '#' + encodeURIComponent(section.id) : '');
      write(heading, section.heading, section.headingTerms, found.words, found.prefix);
      item.appendChild(heading);
      var where = document.createElement('p');
      where.className = 'search-hit-page';
      where.textContent = page[1];
      item.appendChild(where);
      if (section.excerpt) {
        var snippet = document.createElement('p');
        snippet.className = 'search-hit-snippet';
        write(snippet, section.excerpt, section.excerptTerms, found.words, found.prefix);
        item.appendChild(snippet);
      }
      list.appendChild(item);
    });
    results.appendChild(list);
  }

  var box = document.getElementById('search-page-q');
  var query = new URLSearchParams(location.search).get('q') || '';
  var inputs = document.querySelectorAll('input[name="q"]');
  for (var i = 0; i < inputs.length; i++) inputs[i].value = query;
  // A sent query whose last word is unfinished still finds what the box showed while typing.
  function run(typing) {
    var found = search(box.value, typing);
    if (!typing && found && !found.length) found = search(box.value, true);
    render(box.value, found);
  }
  if (box) {
    box.addEventListener('input', function () { run(true); });
    if (query) run(false);
  }
  // For tests and tools: the ranked links of a query, without touching the page.
  data.query = function (q) {
    return (search(q, false) || []).map(function (hit) {
      var s = sections[hit.section];
      return data.pages[s.page][0] + (s.id ? '#' + s.id : '');
    });
  };
})();