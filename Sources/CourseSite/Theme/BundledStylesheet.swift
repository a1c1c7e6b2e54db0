/// The bundled stylesheet, `assets/style.css`, compiled into the binary.
/// `<chapters>/theme/style.css` replaces it.
///
/// Made for reading long technical text: a measure of about 70 characters, a
/// sidebar that collapses behind a checkbox on narrow screens (no JavaScript),
/// dark mode through `prefers-color-scheme`, a print stylesheet, code blocks,
/// display math and wide tables that scroll inside their own box with a shadow
/// at the edge that has more (a cue that needs no JavaScript), and formula tables
/// that reflow into one column on a phone. Nothing is wider than the viewport
/// from 320 px up. Figures take their colours
/// from the custom properties defined here, so they switch with the theme.
enum BundledStylesheet {
    static let css = """
    /* coursegen default theme */
    :root {
      color-scheme: light dark;
      --cg-bg: #fdfdfc;
      --cg-fg: #1d1f21;
      --cg-muted: #5c6166;
      --cg-faint: #e8e8e6;
      --cg-panel: #f4f4f2;
      --cg-accent: #0b63b5;
      --cg-accent-bg: #e6f0fa;
      --cg-border: #d6d6d3;
      --cg-code-bg: #f4f4f2;
      --cg-ok: #1a7f37;
      --cg-bad: #b3261e;
      --cg-shadow: rgba(0, 0, 0, 0.22);
      --cg-callout-note: #0969da;
      --cg-callout-tip: #1a7f37;
      --cg-callout-important: #8250df;
      --cg-callout-warning: #9a6700;
      --cg-callout-caution: #cf222e;
      /* Okabe–Ito, colour-blind safe, each at least 3:1 on --cg-plot-bg (the Plotting module's Palette, whose tests hold this copy to it); figures read these. */
      --cg-series-1: #0072b2;
      --cg-series-2: #d55e00;
      --cg-series-3: #009e73;
      --cg-series-4: #c573a1;
      --cg-series-5: #bc8209;
      --cg-series-6: #3495c9;
      --cg-series-7: #000000;
      --cg-series-8: #999005;
      /* colours a run may choose with .color(.name) (Apple's system colours) */
      --cg-color-red: #ff3b30;
      --cg-color-orange: #cf7804;
      --cg-color-yellow: #ac8907;
      --cg-color-green: #03a33e;
      --cg-color-mint: #089e97;
      --cg-color-teal: #009bb2;
      --cg-color-cyan: #0497cf;
      --cg-color-blue: #007aff;
      --cg-color-indigo: #5856d6;
      --cg-color-purple: #af52de;
      --cg-color-pink: #ff2d55;
      --cg-color-brown: #a2845e;
      --cg-color-gray: #8e8e93;
      --cg-color-black: #000000;
      --cg-plot-bg: #fdfdfc;
      --cg-plot-contour: #858e9b;
      --cg-plot-band: #0072b2;
      /* syntax highlighting */
      --hl-keyword: #a626a4;
      --hl-string: #50a14f;
      --hl-number: #986801;
      --hl-comment: #6a737d;
      --hl-type: #c18401;
      --hl-function: #4078f2;
      --hl-attribute: #e45649;
      --hl-operator: #0184bc;
      --hl-variable: #e45649;
      --font-cjk-serif: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC";
      --font-cjk-sans: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei";
      --font-text: Charter, "Bitstream Charter", "Sitka Text", Cambria, "Noto Serif", "DejaVu Serif", var(--font-cjk-serif), var(--font-cjk-sans), serif;
      --font-ui: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", var(--font-cjk-sans), sans-serif;
      --font-code: ui-monospace, "SFMono-Regular", "JetBrains Mono", Menlo, Consolas, "DejaVu Sans Mono", "Noto Sans Mono CJK SC", var(--font-cjk-sans), monospace;
      --sidebar-width: 17rem;
      --measure: 44rem;
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --cg-bg: #16181b;
        --cg-fg: #e3e3e0;
        --cg-muted: #a2a7ad;
        --cg-faint: #2a2d31;
        --cg-panel: #1e2124;
        --cg-accent: #6cb4f5;
        --cg-accent-bg: #1c2b3a;
        --cg-border: #3a3e43;
        --cg-code-bg: #1e2124;
        --cg-ok: #56c271;
        --cg-bad: #ff7b72;
        --cg-shadow: rgba(0, 0, 0, 0.7);
        --cg-callout-note: #4493f8;
        --cg-callout-tip: #3fb950;
        --cg-callout-important: #ab7df8;
        --cg-callout-warning: #d29922;
        --cg-callout-caution: #f85149;
        --cg-series-1: #56b4e9;
        --cg-series-2: #ff8c42;
        --cg-series-3: #2fd0a0;
        --cg-series-4: #e8a3cb;
        --cg-series-5: #f5c242;
        --cg-series-6: #a6dcf7;
        --cg-series-7: #e6e6e6;
        --cg-series-8: #f0e442;
        --cg-color-red: #ff453a;
        --cg-color-orange: #ff9f0a;
        --cg-color-yellow: #ffd60a;
        --cg-color-green: #30d158;
        --cg-color-mint: #63e6e2;
        --cg-color-teal: #40c8e0;
        --cg-color-cyan: #64d2ff;
        --cg-color-blue: #0a84ff;
        --cg-color-indigo: #5e5ce6;
        --cg-color-purple: #bf5af2;
        --cg-color-pink: #ff375f;
        --cg-color-brown: #ac8e68;
        --cg-color-gray: #98989d;
        --cg-color-black: #e6e6e6;
        --cg-plot-bg: #16181b;
        --cg-plot-contour: #616a78;
        --cg-plot-band: #56b4e9;
        --hl-keyword: #d49bf0;
        --hl-string: #98c379;
        --hl-number: #e5c07b;
        --hl-comment: #8b949e;
        --hl-type: #e5c07b;
        --hl-function: #61afef;
        --hl-attribute: #ef8a80;
        --hl-operator: #56b6c2;
        --hl-variable: #ef8a80;
      }
    }

    *, *::before, *::after { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; scroll-padding-top: 4rem; }
    body {
      margin: 0;
      background: var(--cg-bg);
      color: var(--cg-fg);
      font: 1.0625rem/1.65 var(--font-text);
      font-kerning: normal;
      hyphens: auto;
      overflow-wrap: break-word;
    }
    a { color: var(--cg-accent); text-underline-offset: 0.15em; text-decoration-thickness: 0.06em; }
    a:hover { text-decoration-thickness: 0.12em; }
    :focus-visible { outline: 3px solid var(--cg-accent); outline-offset: 2px; }

    .skip-link { position: absolute; left: -999rem; top: 0.5rem; z-index: 20; background: var(--cg-bg); padding: 0.5rem 1rem; }
    .skip-link:focus { left: 0.5rem; }

    /* Top bar and the sidebar toggle (a checkbox, so it works without JavaScript). */
    .topbar {
      position: sticky; top: 0; z-index: 10;
      display: flex; align-items: center; gap: 1rem;
      padding: 0.5rem 1rem;
      background: var(--cg-bg);
      border-bottom: 1px solid var(--cg-border);
      font-family: var(--font-ui); font-size: 0.95rem;
    }
    .course-title { color: var(--cg-fg); text-decoration: none; font-weight: 600; }
    .nav-toggle { position: absolute; opacity: 0; width: 1px; height: 1px; }
    .nav-button {
      cursor: pointer; user-select: none;
      padding: 0.3rem 0.7rem; border: 1px solid var(--cg-border); border-radius: 0.4rem;
    }
    .nav-toggle:focus-visible + .nav-button { outline: 3px solid var(--cg-accent); outline-offset: 2px; }

    /* Search: a plain GET form in the header, and search.html's results and term index. */
    .visually-hidden {
      position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
      overflow: hidden; clip-path: inset(50%); white-space: nowrap;
    }
    .course-title { min-width: 0; }
    .nav-button { white-space: nowrap; }
    .site-search { margin-left: auto; flex: 0 1 14rem; min-width: 6rem; }
    .site-search input, .search-form input {
      box-sizing: border-box; width: 100%; min-width: 0;
      font: inherit; color: var(--cg-fg); background: var(--cg-bg);
      padding: 0.3rem 0.6rem; border: 1px solid var(--cg-border); border-radius: 0.4rem;
    }
    .search-form { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0 0 1rem; font-family: var(--font-ui); }
    .search-form label { flex: 1 0 100%; font-weight: 600; }
    .search-form input { flex: 1 1 12rem; font-size: 1.05rem; padding: 0.45rem 0.7rem; }
    .search-form button {
      font: inherit; padding: 0.45rem 1rem; border-radius: 0.4rem; cursor: pointer;
      color: var(--cg-bg); background: var(--cg-accent); border: 1px solid var(--cg-accent);
    }
    .search-intro { color: var(--cg-muted); font-family: var(--font-ui); font-size: 0.95rem; }
    .search-status { font-family: var(--font-ui); font-weight: 600; }
    .search-hits { list-style: none; margin: 0 0 2rem; padding: 0; }
    .search-hits li { margin: 0 0 1.2rem; }
    .search-hit-title { font-family: var(--font-ui); font-weight: 600; font-size: 1.05rem; }
    .search-hit-page { margin: 0.1rem 0 0.2rem; color: var(--cg-muted); font-family: var(--font-ui); font-size: 0.85rem; }
    .search-hit-snippet { margin: 0; }
    mark { background: var(--cg-accent-bg); color: inherit; padding: 0 0.1em; border-radius: 0.15em; }
    .term-index { list-style: none; padding: 0; columns: 16rem auto; column-gap: 2rem; font-size: 0.95rem; }
    .term-index li { break-inside: avoid; margin: 0 0 0.35rem; }
    .term-index .term { font-weight: 600; }
    @media (max-width: 36rem) {
      .topbar { gap: 0.6rem; padding: 0.5rem 0.75rem; }
      .site-search { flex-basis: 6.5rem; }
      .site-search input { padding-left: 0.45rem; padding-right: 0.45rem; }
      /* The sticky bar stays one row on a phone: the title in at most two lines, whole words. */
      .course-title {
        font-size: 0.88rem; line-height: 1.25; overflow-wrap: normal;
        display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; line-clamp: 2; overflow: hidden;
      }
    }
    /* On the narrowest phones the menu button is its icon; "Chapters" stays its name. */
    @media (max-width: 26rem) {
      .nav-label {
        position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
        overflow: hidden; clip-path: inset(50%); white-space: nowrap;
      }
      .nav-button { position: relative; }
    }

    .layout { display: flex; align-items: flex-start; }
    .sidebar {
      font-family: var(--font-ui); font-size: 0.92rem; line-height: 1.4;
      background: var(--cg-panel);
      border-right: 1px solid var(--cg-border);
    }
    .sidebar-title { margin: 0 0 0.75rem; font-weight: 600; }
    .sidebar-title a { color: var(--cg-fg); text-decoration: none; }
    .sidebar ol { list-style: none; margin: 0; padding: 0; }
    .sidebar li a {
      display: flex; min-width: 0; gap: 0.5rem; padding: 0.35rem 0.5rem; border-radius: 0.35rem;
      color: var(--cg-fg); text-decoration: none;
    }
    .sidebar li a:hover { background: var(--cg-faint); }
    .sidebar a[aria-current="page"] { background: var(--cg-accent-bg); color: var(--cg-accent); font-weight: 600; }
    .sidebar .number { color: var(--cg-muted); min-width: 1.4rem; text-align: right; font-variant-numeric: tabular-nums; }
    .sidebar .part-title {
      margin: 1rem 0 0.3rem; padding: 0 0.5rem; font-size: 0.78rem; font-weight: 600;
      letter-spacing: 0.06em; text-transform: uppercase; color: var(--cg-muted);
    }
    .chapter-list .part-title { margin: 1.2rem 0 0.4rem; font-size: 1rem; }
    .sidebar-extra { margin: 0.75rem 0 0; padding-top: 0.5rem; border-top: 1px solid var(--cg-border); }
    .sidebar-extra a {
      display: block; padding: 0.35rem 0.5rem; border-radius: 0.35rem; color: var(--cg-fg); text-decoration: none;
    }
    .sidebar-extra a:hover { background: var(--cg-faint); }

    @media (min-width: 60rem) {
      /* The sidebar always shows: no button, and no hidden checkbox to Tab to. */
      .nav-toggle, .nav-button { display: none; }
      .sidebar {
        position: sticky; top: 3rem; flex: 0 0 var(--sidebar-width);
        height: calc(100vh - 3rem); overflow-y: auto; padding: 1.25rem 1rem;
      }
    }
    @media (max-width: 59.99rem) {
      .sidebar { display: none; width: 100%; padding: 1rem; border-right: 0; border-bottom: 1px solid var(--cg-border); }
      /* Stretch, not flex-start: a column of shrink-to-fit children is as wide as
         its widest figure or formula, and the text is cut off at the right on a phone. */
      .layout { flex-direction: column; align-items: stretch; }
      body:has(.nav-toggle:checked) .sidebar { display: block; }
    }

    .content { flex: 1 1 auto; min-width: 0; padding: 1.5rem clamp(1rem, 4vw, 3rem) 3rem; }
    .content article, .pager { max-width: var(--measure); margin: 0 auto; }

    .page-header { margin-bottom: 1.5rem; }
    .chapter-number { margin: 0; font-family: var(--font-ui); font-size: 0.85rem; letter-spacing: 0.08em; text-transform: uppercase; color: var(--cg-muted); }
    .byline { color: var(--cg-muted); margin: 0; font-family: var(--font-ui); }
    h1, h2, h3, h4 { font-family: var(--font-ui); line-height: 1.25; font-weight: 650; }
    h1 { font-size: clamp(1.8rem, 4vw, 2.4rem); margin: 0.2rem 0 0.5rem; letter-spacing: -0.01em; }
    h2 { font-size: 1.5rem; margin: 2.5rem 0 0.75rem; padding-top: 0.5rem; border-top: 1px solid var(--cg-faint); }
    h3 { font-size: 1.2rem; margin: 2rem 0 0.5rem; }
    h4 { font-size: 1.05rem; margin: 1.5rem 0 0.5rem; }
    .self-link { color: var(--cg-muted); text-decoration: none; font-weight: 400; opacity: 0; margin-left: 0.25rem; }
    h2:hover .self-link, h3:hover .self-link, h4:hover .self-link, .self-link:focus { opacity: 1; }

    p, ul, ol, blockquote, .table-wrap, pre, figure, details { margin: 0 0 1.1rem; }
    li + li { margin-top: 0.25rem; }
    blockquote { margin-left: 0; padding: 0.25rem 1rem; border-left: 4px solid var(--cg-border); color: var(--cg-muted); }
    hr { border: 0; border-top: 1px solid var(--cg-border); margin: 2rem 0; }

    /* Callouts (GitHub's alerts), exercises and their solutions. */
    .callout {
      --cg-callout: var(--cg-accent);
      margin: 0 0 1.1rem; padding: 0.6rem 1rem 0.1rem;
      border-left: 4px solid var(--cg-callout); border-radius: 0 0.5rem 0.5rem 0;
      background: var(--cg-panel); overflow-wrap: break-word;
    }
    .callout-note { --cg-callout: var(--cg-callout-note); }
    .callout-tip { --cg-callout: var(--cg-callout-tip); }
    .callout-important { --cg-callout: var(--cg-callout-important); }
    .callout-warning { --cg-callout: var(--cg-callout-warning); }
    .callout-caution { --cg-callout: var(--cg-callout-caution); }
    .callout > :last-child { margin-bottom: 0.6rem; }
    .callout-title { margin: 0 0 0.4rem; font-family: var(--font-ui); font-size: 0.95rem; font-weight: 600; color: var(--cg-callout); }
    .callout-exercise { border: 1px solid var(--cg-border); border-left: 4px solid var(--cg-callout); scroll-margin-top: 4rem; }
    .callout-exercise .callout-title { color: var(--cg-fg); }
    .callout-label { color: var(--cg-callout); }
    details.solution { background: var(--cg-bg); }
    details.solution > summary { font-weight: 600; color: var(--cg-accent); }
    @media (max-width: 36rem) {
      /* A phone's column is narrow: nested boxes keep little padding. */
      .callout { padding-left: 0.75rem; padding-right: 0.75rem; }
      .callout details.solution { padding: 0.4rem 0.6rem; }
    }
    img { max-width: 100%; height: auto; }

    .toc {
      font-family: var(--font-ui); font-size: 0.92rem;
      background: var(--cg-panel); border: 1px solid var(--cg-border); border-radius: 0.5rem;
      padding: 0.75rem 1rem; margin-bottom: 2rem;
    }
    .toc-title { margin: 0 0 0.4rem; font-weight: 600; }
    .toc ul { list-style: none; margin: 0; padding: 0; }
    .toc .toc-level-3 { padding-left: 1.1rem; }

    code, pre, kbd { font-family: var(--font-code); font-size: 0.88em; }
    :not(pre) > code { background: var(--cg-code-bg); padding: 0.1em 0.3em; border-radius: 0.25rem; }
    pre {
      border: 1px solid var(--cg-border); border-radius: 0.5rem;
      padding: 0.85rem 1rem; line-height: 1.5; tab-size: 4; hyphens: none;
    }
    pre code { font-size: 0.85rem; }
    .hl-keyword { color: var(--hl-keyword); }
    .hl-string { color: var(--hl-string); }
    .hl-number { color: var(--hl-number); }
    .hl-comment { color: var(--hl-comment); font-style: italic; }
    .hl-type { color: var(--hl-type); }
    .hl-function { color: var(--hl-function); }
    .hl-attribute { color: var(--hl-attribute); }
    .hl-operator { color: var(--hl-operator); }
    .hl-variable { color: var(--hl-variable); }
    .hl-interpolation { color: var(--cg-fg); }
    .hl-literal { color: var(--hl-number); }
    .hl-escape { color: var(--hl-operator); }
    .hl-prompt { color: var(--cg-muted); user-select: none; }
    .hl-output { color: var(--cg-muted); }
    .raw-html { font-family: var(--font-code); font-size: 0.85rem; color: var(--cg-muted); white-space: pre-wrap; }

    /* Boxes that scroll sideways when their content is wider than the column. The
       two "local" gradients cover the two "scroll" shadows while the content is at
       that edge, so a shadow shows exactly where there is more to see. They are
       focusable (tabindex in the markup) so a keyboard can scroll them too. */
    .table-wrap, pre, .display-math, .math-wide {
      --cue-bg: var(--cg-bg);
      overflow-x: auto;
      background:
        linear-gradient(to right, var(--cue-bg) 30%, transparent) left / 2.5rem 100% no-repeat local,
        linear-gradient(to left, var(--cue-bg) 30%, transparent) right / 2.5rem 100% no-repeat local,
        radial-gradient(farthest-side at 0 50%, var(--cg-shadow), transparent) left / 0.8rem 100% no-repeat scroll,
        radial-gradient(farthest-side at 100% 50%, var(--cg-shadow), transparent) right / 0.8rem 100% no-repeat scroll,
        var(--cue-bg);
    }
    pre { --cue-bg: var(--cg-code-bg); }
    table { border-collapse: collapse; font-size: 0.95rem; font-variant-numeric: tabular-nums; min-width: 50%; }
    th, td { padding: 0.4rem 0.75rem; border-bottom: 1px solid var(--cg-border); text-align: left; vertical-align: top; }
    th { font-family: var(--font-ui); font-weight: 600; border-bottom-width: 2px; }
    /* Chinese and Japanese may break between any two characters, which on a phone stacks a
       narrow header one character a line; a header breaks at its spaces, and the table scrolls. */
    :lang(zh) th, :lang(ja) th { word-break: keep-all; }
    .math-tie { white-space: nowrap; }
    caption { caption-side: top; text-align: left; font-family: var(--font-ui); font-size: 0.9rem; color: var(--cg-muted); padding-bottom: 0.4rem; }

    .task-list { list-style: none; padding-left: 1.2rem; }
    .task-list-item input { margin: 0 0.4rem 0 -1.2rem; }

    math {
      font-size: 1.08em;
      font-family: "Latin Modern Math", "STIX Two Math", "Cambria Math", "TeX Gyre Termes Math", "DejaVu Math TeX Gyre", var(--font-cjk-serif), var(--font-cjk-sans), math;
    }
    .display-math { display: block; margin: 0 0 1.1rem; padding: 0.25rem 0; }
    p > .display-math { margin: 0.25rem 0; }
    /* A numbered equation: the formula scrolls in its box, its number stays at the right. */
    .equation { display: flex; align-items: center; gap: 1em; margin: 0 0 1.1rem; }
    .equation > .display-math { flex: 1 1 auto; min-width: 0; margin: 0; }
    .equation-number { flex: none; white-space: nowrap; }
    p > .equation { margin: 0.25rem 0; }
    .figure { margin: 0 0 1.1rem; }
    .figure > img { display: block; max-width: 100%; height: auto; margin: 0 auto; }
    .figure-number { font-weight: 600; }
    /* Padding gives tall formulas (sums, fractions) room inside the box; the negative margin keeps lines as tall as before. */
    .math-wide { display: inline-block; max-width: 100%; overflow-x: auto; overflow-y: hidden; vertical-align: middle; padding: 0.4em 0; margin: -0.4em 0; }
    math[display="block"] { margin: 0.5rem 0; }

    figure { margin-left: 0; margin-right: 0; }
    figure svg { display: block; width: 100%; height: auto; max-width: 100%; }
    figcaption { font-family: var(--font-ui); font-size: 0.9rem; color: var(--cg-muted); margin-top: 0.4rem; }
    details { border: 1px solid var(--cg-border); border-radius: 0.5rem; padding: 0.5rem 0.75rem; }
    details > summary { cursor: pointer; font-family: var(--font-ui); font-size: 0.92rem; }
    details[open] > summary { margin-bottom: 0.5rem; }
    details pre { margin: 0; }

    /* Experiments: figures, the objective, formula and results tables, the directive's source. */
    .cg-experiment { margin: 2rem 0 2.5rem; }
    .cg-objective { margin-bottom: 1rem; }
    .cg-objective p { margin: 0 0 0.25rem; font-family: var(--font-ui); font-size: 0.92rem; color: var(--cg-muted); }
    .cg-figure { margin: 1rem 0 1.5rem; }
    .cg-figure svg { font-family: var(--font-ui); color: var(--cg-fg); }
    /* A figure is drawn twice (Plotting's ResponsiveFigure): 640 units wide, and 236 units wide
       with fewer ticks and one column of panels. The narrow drawing shows in a column narrower
       than 640 px, where the wide one's 11-unit text would be drawn below 11 px; held to 22rem,
       its text stays under 17 px. Print always shows the wide one. */
    .cg-plots { container-type: inline-size; }
    .cg-plots > .cg-plot-narrow { display: none; }
    @container (max-width: 639.98px) {
      .cg-plots > .cg-plot:not(.cg-plot-narrow) { display: none; }
      .cg-plots > .cg-plot-narrow { display: block; max-width: 22rem; margin: 0 auto; }
    }
    /* Experiment tables sit in a .table-wrap that scrolls sideways on narrow screens. */
    .table-wrap > table[class^="cg-"] { width: 100%; }
    /* A formula table is laid out as rows of a grid: the method beside its rule, the
       values or symbols under the rule, so a rule gets the column's whole width
       but the method's (every rule of the catalog fits at 1280 px). On a phone the
       three stack. The header row stays for screen readers. */
    .table-wrap:has(> .cg-formulas) { overflow-x: visible; background: none; }
    table.cg-formulas { display: block; width: 100%; }
    .cg-formulas caption { display: block; }
    .cg-formulas thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
    .cg-formulas tbody { display: block; }
    .cg-formulas tr {
      display: grid; grid-template-columns: minmax(6.5rem, 9rem) minmax(0, 1fr); column-gap: 1rem;
      padding: 0.6rem 0; border-bottom: 1px solid var(--cg-border);
    }
    .cg-formulas th, .cg-formulas td { display: block; padding: 0; border: 0; min-width: 0; }
    .cg-formulas th[scope="row"] { grid-row: span 2; }
    .cg-formulas td + td { grid-column: 2; font-size: 0.92rem; }
    .cg-formulas td p { margin: 0.2rem 0; }
    .cg-formulas .display-math { margin: 0; }
    /* Rules start at the column's left edge, under the method's name, not centred. */
    .cg-formulas .display-math > math { display: inline math; math-style: normal; margin: 0; }
    .cg-formulas .cg-conditions { margin: 0.1rem 0 0.3rem; padding-left: 1.1rem; font-size: 0.88rem; color: var(--cg-muted); }
    .cg-formulas dl { display: grid; grid-template-columns: auto minmax(0, 1fr); gap: 0.15rem 0.6rem; margin: 0.3rem 0 0; font-size: 0.9rem; }
    .cg-formulas dt { white-space: nowrap; }
    .cg-formulas dd { margin: 0; }
    @media (max-width: 36rem) {
      .cg-formulas tr { grid-template-columns: minmax(0, 1fr); }
      .cg-formulas th[scope="row"] { grid-row: auto; margin-bottom: 0.25rem; }
      .cg-formulas td + td { grid-column: 1; }
    }
    /* The key under a figure of more than eight lines: swatch and label, flowing into columns. */
    .cg-legend-table { width: auto; min-width: 0; margin-top: 0.5rem; font-family: var(--font-ui); font-size: 0.88rem; }
    .cg-legend-table caption { padding-bottom: 0.2rem; }
    .cg-legend-table tbody { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(13rem, 100%), 1fr)); column-gap: 1rem; }
    .cg-legend-table tr { display: flex; align-items: center; gap: 0.4rem; }
    .cg-legend-table td { padding: 0.1rem 0; border-bottom: 0; vertical-align: middle; min-width: 0; }
    .cg-legend-table td.cg-legend-key { flex: none; width: 30px; }
    .cg-legend-table svg.cg-swatch { display: inline-block; width: 30px; height: 12px; }
    .cg-schedule-rates th small { font-weight: 400; color: var(--cg-muted); }
    .cg-summary { margin: 0.25rem 0 0; font-size: 0.85rem; color: var(--cg-muted); font-family: var(--font-ui); max-width: 36rem; }
    .cg-source { margin-top: 1rem; }
    /* The numbers behind a figure's markers, closed until asked for. */
    .cg-data { font-family: var(--font-ui); font-size: 0.88rem; }
    .cg-data-table { width: auto; min-width: 0; font-size: inherit; }
    /* A table wider than a phone's column scrolls inside its <details> (whose summary is its Tab stop). */
    .cg-data { overflow-x: auto; }
    .cg-data-table th, .cg-data-table td { padding: 0.2rem 0.75rem; }
    @media (max-width: 36rem) { .cg-data-table th, .cg-data-table td { padding: 0.2rem 0.4rem; } }
    .cg-data-table tbody th[scope="rowgroup"] { padding-top: 0.7rem; }
    .cg-data-table th[scope="row"] { font-weight: 400; border-bottom-width: 1px; text-align: right; }
    .cg-formulas-only { margin: 1rem 0 1.5rem; }

    /* Reference lists: author–year entries with a hanging indent; the course page says who cites each. */
    ul.references { list-style: none; padding: 0; }
    ul.references > li { padding-left: 1.5rem; text-indent: -1.5rem; margin: 0 0 0.6rem; overflow-wrap: anywhere; }
    ul.references .cited-in { display: block; text-indent: 0; font-size: 0.9rem; color: var(--cg-muted); }
    .footnotes { margin-top: 3rem; border-top: 1px solid var(--cg-border); font-size: 0.92rem; }
    .footnote-ref a { text-decoration: none; }

    .pager { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 1rem; margin-top: 3rem; font-family: var(--font-ui); }
    .pager a { flex: 1 1 12rem; min-width: 0; display: block; padding: 0.75rem 1rem; border: 1px solid var(--cg-border); border-radius: 0.5rem; text-decoration: none; }
    .pager a:hover { border-color: var(--cg-accent); }
    .pager-next { text-align: right; }
    .pager-label { display: block; font-size: 0.8rem; color: var(--cg-muted); }

    .chapter-list ol { padding-left: 1.5rem; }
    .chapter-list p { margin: 0.15rem 0 0.6rem; color: var(--cg-muted); }

    .site-footer { font-family: var(--font-ui); font-size: 0.85rem; color: var(--cg-muted); text-align: center; padding: 2rem 1rem; border-top: 1px solid var(--cg-border); }

    @media print {
      :root { --cg-bg: #fff; --cg-fg: #000; }
      body { font-size: 11pt; background: #fff; color: #000; }
      .topbar, .sidebar, .pager, .skip-link, .self-link, .nav-toggle, .site-footer, .search-form { display: none !important; }
      .layout { display: block; }
      .content { padding: 0; }
      .content article { max-width: none; }
      a { color: inherit; }
      pre, figure, table, .display-math { break-inside: avoid; }
      pre { white-space: pre-wrap; }
      details > *:not(summary) { display: block; }
      /* Solutions print open: a closed <details> hides its content in this pseudo-element. */
      details.solution::details-content { content-visibility: visible; display: block; }
      /* The numbers behind a figure: paper cannot open them (print.html leaves them out). */
      .cg-data { display: none; }
      .callout { break-inside: avoid; background: none; }
      .cg-plots > .cg-plot:not(.cg-plot-narrow) { display: block !important; }
      .cg-plots > .cg-plot-narrow { display: none !important; }
      h2, h3 { break-after: avoid; }
    }
    /* print.html: the whole course as one document, read on screen or printed. */
    .print-intro { font-family: var(--font-ui); font-size: 0.9rem; color: var(--cg-muted); padding: 0.6rem 1rem; border-bottom: 1px solid var(--cg-border); }
    .print-intro p { max-width: var(--measure); margin: 0 auto; }
    .print-content { max-width: var(--measure); margin: 0 auto; padding: 1.5rem clamp(1rem, 4vw, 3rem) 3rem; }
    .print-cover { margin: 2rem 0 3rem; }
    .print-description { color: var(--cg-muted); }
    .print-toc ol { padding-left: 1.5rem; }
    .print-toc ul { list-style: none; padding-left: 0.75rem; margin: 0.2rem 0 0.6rem; font-size: 0.92rem; }
    .print-toc .part-title { font-family: var(--font-ui); font-weight: 650; margin: 1.5rem 0 0.4rem; }
    .print-part, .print-chapter { margin-top: 3rem; padding-top: 1.5rem; border-top: 3px double var(--cg-border); }
    .print-part h1 { margin: 0; }
    @page {
      size: A4;
      margin: 18mm 16mm 20mm;
      @bottom-center { content: counter(page); font-family: sans-serif; font-size: 9pt; color: #555; }
    }
    @media print {
      .print-intro { display: none; }
      .print-content { max-width: none; padding: 0; }
      /* Each part and each chapter starts a new page, as in a book. */
      .print-toc, .print-part, .print-chapter { break-before: page; }
      .print-part, .print-chapter { margin-top: 0; padding-top: 0; border-top: 0; }
      .print-part { padding-top: 35vh; text-align: center; }
      .print-toc a { text-decoration: none; }
      .print-toc li, .print-chapter h1, figure, svg, math, .callout, details.solution { break-inside: avoid; }
      .print-chapter .page-header { break-after: avoid; }
      /* On paper a link's address is its only trace. */
      .print-chapter a[href^="http"]:not(table a)::after { content: " (" attr(href) ")"; font-size: 0.85em; overflow-wrap: anywhere; }
    }
    /* Sweeps: a segmented control of radio buttons per swept value; each fragment's own rules
       (in its hidden svg, screens only) hide the variants the buttons do not select. */
    .cg-sweep-shared { position: absolute; width: 0; height: 0; overflow: hidden; }
    .cg-sweep-controls { padding: 0.3rem 0; }
    .cg-sweep-axis { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 0; border: 0; margin: 0 0 0.4rem; padding: 0; font-family: var(--font-ui); font-size: 0.9rem; }
    .cg-sweep-axis legend { float: left; margin-right: 0.6rem; padding: 0; font-weight: 600; }
    .cg-sweep-radio { position: absolute; opacity: 0; width: 1px; height: 1px; margin: 0; }
    .cg-sweep-axis label {
      min-width: 2.75rem; min-height: 1.75rem; box-sizing: border-box; padding: 0.2rem 0.6rem; text-align: center;
      border: 1px solid var(--cg-border); margin-left: -1px; cursor: pointer; font-variant-numeric: tabular-nums;
    }
    .cg-sweep-axis legend + input + label { border-radius: 0.4rem 0 0 0.4rem; margin-left: 0; }
    .cg-sweep-axis label:last-child { border-radius: 0 0.4rem 0.4rem 0; }
    .cg-sweep-radio:checked + label { background: var(--cg-accent); border-color: var(--cg-accent); color: var(--cg-bg); font-weight: 600; }
    .cg-sweep-radio:focus-visible + label { outline: 3px solid var(--cg-accent); outline-offset: 2px; position: relative; }
    .cg-variant-name { font-family: var(--font-ui); font-weight: 600; margin: 1rem 0 0.3rem; }
    @media screen {
      .cg-sweep .cg-variant-name { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
      .cg-swept-name { display: none; }
    }
    @media print {
      .cg-sweep-controls { display: none; }
    }
    /* Phase diagrams: a heat map of HTML labels in a CSS grid, one per variant, each the label
       of a radio button of one group (arrow keys move through it); the selected cell ringed in
       the page's colours, the focused one in the accent. The theory's line is an SVG over the
       cells that lets clicks through. The fragment's own container queries hide the cells'
       numbers and every other x tick where the column is too narrow for them. */
    .cg-phase { container-type: inline-size; }
    .cg-phase-plot {
      display: grid; grid-template-columns: auto auto minmax(0, 1fr); align-items: stretch;
      max-width: calc(var(--cg-phase-columns) * 4.5rem + 6rem); font-family: var(--font-ui); font-size: 0.75rem;
      font-variant-numeric: tabular-nums; line-height: 1.2;
    }
    .cg-phase-ytitle { grid-column: 1; grid-row: 1; writing-mode: vertical-rl; transform: rotate(180deg); text-align: center; font-weight: 600; padding-left: 0.2rem; }
    .cg-phase-yticks { grid-column: 2; grid-row: 1; display: grid; grid-template-rows: repeat(var(--cg-phase-rows), 1fr); align-items: center; text-align: right; padding-right: 0.3rem; white-space: nowrap; }
    .cg-phase-cells {
      grid-column: 3; grid-row: 1; position: relative; display: grid;
      grid-template-columns: repeat(var(--cg-phase-columns), minmax(0, 1fr)); grid-template-rows: repeat(var(--cg-phase-rows), 1fr);
      aspect-ratio: var(--cg-phase-columns) / var(--cg-phase-rows); max-height: 80vh; border: 1px solid var(--cg-fg);
    }
    .cg-phase-cells label {
      display: flex; align-items: center; justify-content: center; min-width: 0; min-height: 0; overflow: hidden;
      cursor: pointer; white-space: nowrap; -webkit-print-color-adjust: exact; print-color-adjust: exact;
    }
    /* A cell's number is drawn over theory's line and ring (z-index 1), which pass under it, over the colours. */
    .cg-phase-value { position: relative; z-index: 2; }
    .cg-phase-radio { position: absolute; opacity: 0; width: 1px; height: 1px; margin: 0; }
    .cg-phase-radio:checked + label { box-shadow: inset 0 0 0 3px var(--cg-fg), inset 0 0 0 5px var(--cg-bg); font-weight: 700; }
    .cg-phase-radio:focus-visible + label { outline: 3px solid var(--cg-accent); outline-offset: 1px; position: relative; z-index: 2; }
    .cg-phase-diverged { background: repeating-linear-gradient(45deg, #f2f2f2 0 3px, #bdbdbd 3px 6px); color: #000; }
    .cg-phase-missed { background: #9e9e9e; color: #000; }
    .cg-phase-finite { background: #7ad151; color: #000; }
    .cg-phase-theory { position: absolute; inset: 0; width: 100%; height: 100%; pointer-events: none; overflow: visible; z-index: 1; }
    .cg-phase-theory path, .cg-phase-swatch-line path { fill: none; vector-effect: non-scaling-stroke; stroke-linejoin: round; stroke-linecap: round; }
    .cg-phase-casing { stroke: #fff; stroke-width: 4.5px; }
    .cg-phase-line { stroke: #000; stroke-width: 2px; }
    .cg-phase-optimum, .cg-phase-swatch-optimum {
      width: 0.8rem; height: 0.8rem; border-radius: 50%; box-sizing: border-box; border: 3px solid #000; box-shadow: 0 0 0 2px #fff, inset 0 0 0 2px #fff;
    }
    .cg-phase-optimum { position: absolute; transform: translate(-50%, -50%); pointer-events: none; z-index: 1; }
    .cg-phase-xticks { grid-column: 3; grid-row: 2; display: grid; grid-template-columns: repeat(var(--cg-phase-columns), minmax(0, 1fr)); text-align: center; padding-top: 0.2rem; }
    .cg-phase-xticks span { white-space: nowrap; justify-self: center; }
    .cg-phase-xtitle { grid-column: 3; grid-row: 3; text-align: center; font-weight: 600; padding-top: 0.1rem; }
    .cg-phase-key { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem 1.2rem; margin: 0.6rem 0 0.3rem; font-family: var(--font-ui); font-size: 0.75rem; }
    .cg-phase-scale { display: grid; grid-template-columns: minmax(8rem, 14rem); gap: 0.15rem; }
    .cg-phase-scale-title { font-weight: 600; }
    .cg-phase-bar { height: 0.8rem; border: 1px solid var(--cg-fg); -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    .cg-phase-scale-ticks { display: flex; justify-content: space-between; font-variant-numeric: tabular-nums; }
    .cg-phase-entry { display: inline-flex; align-items: center; gap: 0.4rem; }
    .cg-phase-swatch { display: inline-flex; align-items: center; justify-content: center; width: 1.6rem; height: 1.2rem; border: 1px solid var(--cg-fg); -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    .cg-phase-swatch-line { width: 1.6rem; height: 0.8rem; }
    .cg-phase-swatch-optimum { display: inline-block; }
    @media screen {
      .cg-sweep .cg-variant-name.cg-phase-shown { position: static; width: auto; height: auto; overflow: visible; clip-path: none; white-space: normal; font-size: 0.9rem; }
    }

    @media (prefers-reduced-motion: no-preference) {
      html { scroll-behavior: smooth; }
    }

    /* An experiment's paths that play (`Play`): two checkboxes before its figures, shown as
       buttons; the figures' own CSS runs while the first is checked. The still figure is the
       last frame, so reduced motion and print show it and offer no control. */
    .cg-play-toggle, .cg-play-pause { position: absolute; opacity: 0; width: 1px; height: 1px; margin: 0; }
    .cg-play { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0.8rem 0 0.2rem; font-family: var(--font-ui); font-size: 0.9rem; }
    .cg-play label {
      cursor: pointer; user-select: none; display: inline-flex; align-items: center; gap: 0.4rem;
      min-height: 2.75rem; box-sizing: border-box; padding: 0.35rem 0.9rem;
      border: 1px solid var(--cg-border); border-radius: 0.4rem; color: var(--cg-fg); background: var(--cg-bg);
    }
    .cg-play-icon::before { content: "\\25B6\\FE0E"; font-size: 0.8em; }
    .cg-play-toggle:checked ~ .cg-play .cg-play-button .cg-play-icon::before { content: "\\25A0"; }
    .cg-pause-button .cg-play-icon::before { content: "\\2016"; font-weight: 700; }
    .cg-play-toggle:checked + .cg-play-pause:checked + .cg-play .cg-pause-button .cg-play-icon::before { content: "\\25B6\\FE0E"; }
    .cg-play-toggle:checked ~ .cg-play .cg-play-button, .cg-play-pause:checked + .cg-play .cg-pause-button { border-color: var(--cg-accent); box-shadow: inset 0 0 0 1px var(--cg-accent); }
    .cg-play-toggle:focus-visible ~ .cg-play .cg-play-button, .cg-play-pause:focus-visible + .cg-play .cg-pause-button { outline: 3px solid var(--cg-accent); outline-offset: 2px; }
    .cg-play-toggle:not(:checked) + .cg-play-pause, .cg-play-toggle:not(:checked) ~ .cg-play .cg-pause-button { display: none; }
    .cg-play-toggle:checked + .cg-play-pause:checked ~ figure .cg-anim { animation-play-state: paused !important; }
    @media (prefers-reduced-motion: reduce) {
      .cg-anim { animation: none !important; }
      .cg-play, .cg-play-toggle, .cg-play-pause { display: none !important; }
    }
    @media print {
      .cg-anim { animation: none !important; }
      .cg-play, .cg-play-toggle, .cg-play-pause { display: none !important; }
    }

    """
}
