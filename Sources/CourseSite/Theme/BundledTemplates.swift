/// The page layout, as Mustache templates compiled into the binary (a binary
/// moved away from SwiftPM's resource bundle keeps working). Any of them can be
/// replaced by a file of the same name in `<chapters>/theme/`.
enum BundledTemplates {
    /// Template name → text. `page` is the layout; the others are partials it includes.
    static let all: [(name: String, text: String)] = [
        ("page", page), ("sidebar", sidebar), ("contents", contents), ("pager", pager), ("chapter-list", chapterList),
        ("print", print),
    ]

    static let page = """
    <!DOCTYPE html>
    <html lang="{{language}}">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{pageTitle}}</title>
    {{#description}}
    <meta name="description" content="{{description}}">
    {{/description}}
    <meta name="generator" content="coursegen">
    {{#searchPage}}
    <meta http-equiv="Content-Security-Policy" content="script-src 'self'; object-src 'none'">
    {{/searchPage}}
    {{^searchPage}}
    <meta http-equiv="Content-Security-Policy" content="script-src 'none'; object-src 'none'">
    {{/searchPage}}
    <link rel="stylesheet" href="assets/style.css">
    {{#searchPage}}
    <script src="assets/search-index.js" defer></script>
    <script src="assets/search.js" defer></script>
    {{/searchPage}}
    </head>
    <body>
    <a class="skip-link" href="#content"{{#textLanguage}} lang="{{textLanguage}}"{{/textLanguage}}>{{strings.page.skipToText}}</a>
    <header class="topbar">
    <input type="checkbox" id="nav-toggle" class="nav-toggle">
    <label for="nav-toggle" class="nav-button"{{#textLanguage}} lang="{{textLanguage}}"{{/textLanguage}}><span aria-hidden="true">☰</span> <span class="nav-label">{{strings.page.chapters}}</span></label>
    <a class="course-title" href="index.html">{{courseTitle}}</a>
    <form class="site-search" action="search.html" method="get" role="search"{{#textLanguage}} lang="{{textLanguage}}"{{/textLanguage}}>
    <label for="site-search" class="visually-hidden">{{strings.search.label}}</label>
    <input type="search" id="site-search" name="q" placeholder="{{strings.search.placeholder}}" autocomplete="off">
    </form>
    </header>
    <div class="layout">
    {{> sidebar}}
    <main id="content" class="content">
    <article>
    <header class="page-header">
    {{#number}}
    <p class="chapter-number"{{#textLanguage}} lang="{{textLanguage}}"{{/textLanguage}}>{{chapterLabel}}</p>
    {{/number}}
    <h1 id="top">{{{titleHTML}}}</h1>
    {{#author}}
    <p class="byline">{{author}}</p>
    {{/author}}
    </header>
    {{> contents}}
    {{{body}}}
    {{#listChapters}}
    {{> chapter-list}}
    {{/listChapters}}
    </article>
    {{> pager}}
    </main>
    </div>
    <footer class="site-footer">
    <p>{{courseTitle}}{{#courseAuthor}} · {{courseAuthor}}{{/courseAuthor}} · {{#textLanguage}}<span lang="{{textLanguage}}">{{/textLanguage}}{{strings.page.builtWith}}{{#textLanguage}}</span>{{/textLanguage}}</p>
    <p><a href="print.html"{{#textLanguage}} lang="{{textLanguage}}"{{/textLanguage}}>{{strings.print.link}}</a></p>
    </footer>
    </body>
    </html>

    """

    static let sidebar = """
    <nav class="sidebar" aria-label="{{strings.page.chapters}}">
    <p class="sidebar-title"><a href="index.html"{{#isHome}} aria-current="page"{{/isHome}}>{{courseTitle}}</a></p>
    {{^hasParts}}
    <ol class="chapters">
    {{#chapters}}
    <li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}><span class="number">{{number}}</span> <span>{{{titleHTML}}}</span></a></li>
    {{/chapters}}
    </ol>
    {{/hasParts}}
    {{#parts}}
    {{#hasTitle}}
    <p class="part-title">{{title}}</p>
    {{/hasTitle}}
    <ol class="chapters" start="{{start}}">
    {{#chapters}}
    <li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}><span class="number">{{number}}</span> <span>{{{titleHTML}}}</span></a></li>
    {{/chapters}}
    </ol>
    {{/parts}}
    {{#referencesPage}}
    <p class="sidebar-extra"><a href="{{href}}"{{#current}} aria-current="page"{{/current}}{{#textLanguage}} lang="{{textLanguage}}"{{/textLanguage}}>{{strings.references.title}}</a></p>
    {{/referencesPage}}
    </nav>

    """

    static let contents = """
    {{#hasContents}}
    <nav class="toc" aria-label="{{strings.page.onThisPage}}">
    <p class="toc-title"{{#textLanguage}} lang="{{textLanguage}}"{{/textLanguage}}>{{strings.page.onThisPage}}</p>
    <ul>
    {{#contents}}
    <li class="toc-level-{{level}}"><a href="#{{id}}">{{{titleHTML}}}</a></li>
    {{/contents}}
    </ul>
    </nav>
    {{/hasContents}}

    """

    static let pager = """
    {{#hasPager}}
    <nav class="pager" aria-label="{{strings.page.previousAndNext}}">
    {{#previous}}
    <a class="pager-previous" href="{{href}}" rel="prev"><span class="pager-label"{{#textLanguage}} lang="{{textLanguage}}"{{/textLanguage}}>{{strings.page.previous}}</span> {{{titleHTML}}}</a>
    {{/previous}}
    {{#next}}
    <a class="pager-next" href="{{href}}" rel="next"><span class="pager-label"{{#textLanguage}} lang="{{textLanguage}}"{{/textLanguage}}>{{strings.page.next}}</span> {{{titleHTML}}}</a>
    {{/next}}
    </nav>
    {{/hasPager}}

    """

    static let chapterList = """
    <section class="chapter-list" aria-labelledby="chapters-heading">
    <h2 id="chapters-heading"{{#textLanguage}} lang="{{textLanguage}}"{{/textLanguage}}>{{strings.page.chapters}}</h2>
    {{^hasParts}}
    <ol>
    {{#chapters}}
    <li><a href="{{href}}">{{{titleHTML}}}</a>{{#description}}<p>{{description}}</p>{{/description}}</li>
    {{/chapters}}
    </ol>
    {{/hasParts}}
    {{#parts}}
    {{#hasTitle}}
    <h3 class="part-title">{{title}}</h3>
    {{/hasTitle}}
    <ol start="{{start}}">
    {{#chapters}}
    <li><a href="{{href}}">{{{titleHTML}}}</a>{{#description}}<p>{{description}}</p>{{/description}}</li>
    {{/chapters}}
    </ol>
    {{/parts}}
    </section>

    """

    /// `print.html`: every chapter in course order, parts as part titles, after a table of
    /// contents; no sidebar, no navigation. Each chapter's ids carry its prefix (``PageIDs``).
    static let print = """
    <!DOCTYPE html>
    <html lang="{{language}}">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{courseTitle}}</title>
    {{#description}}
    <meta name="description" content="{{description}}">
    {{/description}}
    <meta name="generator" content="coursegen">
    <meta http-equiv="Content-Security-Policy" content="script-src 'none'; object-src 'none'">
    <link rel="stylesheet" href="assets/style.css">
    </head>
    <body class="print-document">
    <header class="print-intro"{{#textLanguage}} lang="{{textLanguage}}"{{/textLanguage}}>
    <p>{{strings.print.intro}} <a href="index.html">{{strings.print.backToCourse}}</a></p>
    </header>
    <main id="content" class="print-content">
    <header class="print-cover">
    <h1 id="top">{{courseTitle}}</h1>
    {{#courseAuthor}}
    <p class="byline">{{courseAuthor}}</p>
    {{/courseAuthor}}
    {{#description}}
    <p class="print-description">{{description}}</p>
    {{/description}}
    </header>
    <nav class="print-toc" aria-labelledby="print-toc-title">
    <h2 id="print-toc-title"{{#textLanguage}} lang="{{textLanguage}}"{{/textLanguage}}>{{strings.print.contents}}</h2>
    {{#parts}}
    {{#hasTitle}}
    <p class="part-title"><a href="#{{id}}">{{title}}</a></p>
    {{/hasTitle}}
    <ol start="{{start}}">
    {{#chapters}}
    <li><a href="#{{id}}">{{{titleHTML}}}</a>
    {{#hasSections}}
    <ul>
    {{#sections}}
    <li><a href="#{{id}}">{{{titleHTML}}}</a></li>
    {{/sections}}
    </ul>
    {{/hasSections}}
    </li>
    {{/chapters}}
    </ol>
    {{/parts}}
    </nav>
    {{#parts}}
    {{#hasTitle}}
    <section class="print-part" aria-labelledby="{{id}}">
    <h1 id="{{id}}" class="part-title">{{title}}</h1>
    </section>
    {{/hasTitle}}
    {{#chapters}}
    <article class="print-chapter" aria-labelledby="{{id}}">
    <header class="page-header">
    <p class="chapter-number"{{#textLanguage}} lang="{{textLanguage}}"{{/textLanguage}}>{{chapterLabel}}</p>
    <h1 id="{{id}}">{{{titleHTML}}}</h1>
    </header>
    {{{body}}}
    </article>
    {{/chapters}}
    {{/parts}}
    </main>
    </body>
    </html>

    """
}
