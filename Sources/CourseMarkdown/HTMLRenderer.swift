import TextFormatting

/// Renders a ``Document`` to HTML in Swift, with the hooks coursegen needs:
/// heading ids and self-links, link rewriting, code-block handlers (directives
/// and highlighting), math, and a policy for the author's raw HTML.
///
/// Output follows cmark-gfm's HTML for tables, task lists and footnotes, with
/// HTML5-valid attributes (`style="text-align: …"` rather than `align`).
public struct HTMLRenderer {
    /// What a code block becomes: `nil` for the default `<pre><code>`.
    public typealias CodeBlockHandler = (CodeBlock) -> String?
    /// Rewrites a link or image destination. Whatever it returns is percent-encoded
    /// (``HrefEncoding``) and then passes ``URLPolicy`` before it is written.
    public typealias URLRewriter = (_ url: String, _ position: TextPosition) -> String
    /// Renders math to markup (MathML).
    public typealias MathRenderer = (_ latex: String, _ display: Bool, _ position: TextPosition) -> String
    /// Highlights code of a language into HTML, or `nil` for plain escaped text.
    public typealias Highlighter = (_ code: String, _ language: String) -> String?
    /// What a code span becomes: `nil` for the default `<code>`.
    public typealias CodeSpanHandler = (_ code: String, _ position: TextPosition) -> String?

    /// Ids for the document's headings, in document order (from ``HeadingSlugger``).
    public var headingIDs: [String] = []
    public var rewriteURL: URLRewriter = { url, _ in url }
    public var codeBlock: CodeBlockHandler = { _ in nil }
    public var codeSpan: CodeSpanHandler = { _, _ in nil }
    public var math: MathRenderer = { latex, display, _ in
        "<code class=\"math\">\(Escaping.html(display ? "$$\(latex)$$" : "$\(latex)$"))</code>"
    }
    public var highlight: Highlighter = { _, _ in nil }
    /// Spells math as plain text where no markup may go (an image's alt text); the LaTeX by default.
    public var mathText: (String) -> String = { $0 }
    /// Whether the author's raw HTML is emitted (GFM's tag filter still applies) or shown as text.
    public var allowHTML = false
    /// Prefix for footnote ids, so that several documents can share a page.
    public var footnotePrefix = "fn"
    /// Whether solutions are rendered open (`<details open>`), as a document to print shows them.
    public var solutionsOpen = false
    /// Written after a solution's `<details` in place of ` open` or nothing, when set: a mark
    /// that a later pass replaces, so one render serves a page and a document to print.
    public var solutionOpenAttribute: String?
    /// The words the renderer writes itself, in aria labels; the page's language gives them.
    public var words = Words()
    /// How each callout is framed (its label and id); `nil` frames it with ``words`` and the
    /// callout's own id. A framer that returns `nil` for a callout leaves it an ordinary quote.
    public var calloutFrame: ((Callout) -> CalloutFrame?)?
    /// How an image alone in its paragraph with a caption is framed as a numbered `<figure>`
    /// (``FigureImage``); `nil`, or a framer that returns `nil`, leaves it an image in a paragraph.
    public var figureFrame: ((FigureImage) -> FigureFrame?)?
    /// Display math as the page shows it, the wrapper included (a numbered equation has its
    /// number beside the formula); `inParagraph` asks for phrasing elements (`<span>`). `nil`
    /// wraps ``math`` in a scrolling `display-math` box.
    public var displayMath: ((_ latex: String, _ position: TextPosition, _ inParagraph: Bool) -> String)?
    /// The text of a link written without any (`[](#eq:adam-update)`, a cross-reference), as
    /// HTML; `nil` leaves the link empty.
    public var emptyLinkText: (_ url: String, _ position: TextPosition) -> String? = { _, _ in nil }

    /// A figure's label ("Figure 5.2"), what separates it from the caption, and its id.
    public struct FigureFrame: Hashable, Sendable {
        public var label: String
        public var separator: String
        public var id: String?

        public init(label: String, separator: String, id: String?) {
            self.label = label
            self.separator = separator
            self.id = id
        }
    }
    /// What a citation becomes; `linked` is false inside a link or a title, where it may not
    /// be a link itself. `nil` (or a hook returning `nil`) shows the citation as written.
    public var citation: ((_ citation: Citation, _ linked: Bool) -> String?)?

    /// The label a callout shows when it has no title of its own ("Note", "Exercise 3.2";
    /// an exercise shows it before its title), and the id of its element.
    public struct CalloutFrame: Hashable, Sendable {
        public var label: String
        public var id: String?

        public init(label: String, id: String? = nil) {
            self.label = label
            self.id = id
        }
    }

    /// The accessible names of a heading's self-link, the footnotes and their back links
    /// (`{reference}` is the reference's number), and a task list's boxes.
    public struct Words: Sendable {
        public var linkToSection = "Link to this section"
        public var footnotes = "Footnotes"
        public var backToReference = "Back to reference {reference}"
        public var done = "done"
        public var toDo = "to do"
        /// Each callout kind's label; an exercise's is followed by its number when a framer gives one.
        public var callouts: [Callout.Kind: String] = [
            .note: "Note", .tip: "Tip", .important: "Important", .warning: "Warning", .caution: "Caution",
            .exercise: "Exercise", .solution: "Solution",
        ]
        /// Between an exercise's label and its title.
        public var titleSeparator = ": "

        public init() {}
    }

    /// The numbered id namespaces of footnotes with `prefix` (`fn-1`, `fnref-1-2`),
    /// which headings must not take (``HeadingSlugger``'s `numberedPrefixes`).
    public static func footnoteNamespaces(prefix: String = "fn") -> [String] { [prefix + "-", prefix + "ref-"] }

    public init() {}

    private final class State {
        var headingIndex = 0
        var footnoteOrder: [String] = []          // normalised labels, in order of first reference
        var footnoteNumbers: [String: Int] = [:]  // each label's number, its place in footnoteOrder + 1
        var referenceCounts: [String: Int] = [:]
        var definitions: [String: [Block]] = [:]
        /// Inside a link's text (or a title), where a citation may not be a link.
        var unlinked = false
    }

    public func render(_ document: Document) -> String {
        let state = State()
        for block in document.blocks {
            if case .footnoteDefinition(let label, let blocks) = block {
                state.definitions[Self.normalise(label)] = blocks
            }
        }
        var out = ""
        render(document.blocks, into: &out, state: state)
        if !state.footnoteOrder.isEmpty {
            out += "<section class=\"footnotes\" aria-label=\"\(Escaping.html(words.footnotes))\">\n<ol>\n"
            for (i, label) in state.footnoteOrder.enumerated() {
                let n = i + 1
                out += "<li id=\"\(footnotePrefix)-\(n)\">\n"
                var body = ""
                render(state.definitions[label] ?? [], into: &body, state: state)
                var backrefs = ""
                for r in 1...max(1, state.referenceCounts[label] ?? 1) {
                    let suffix = r == 1 ? "" : "-\(r)"
                    let mark = r == 1 ? "↩" : "↩<sup>\(r)</sup>"
                    backrefs += " <a href=\"#\(footnotePrefix)ref-\(n)\(suffix)\" class=\"footnote-backref\" aria-label=\"\(Escaping.html(words.backToReference.replacingReference(with: "\(n)\(suffix)")))\">\(mark)</a>"
                }
                if body.hasSuffix("</p>\n") {
                    body.removeLast(5)
                    body += backrefs + "</p>\n"
                } else {
                    body += "<p>" + backrefs + "</p>\n"
                }
                out += body + "</li>\n"
            }
            out += "</ol>\n</section>\n"
        }
        return out
    }

    static func normalise(_ label: String) -> String {
        label.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }

    /// `inlines` rendered between `open` and `close`.
    private func render(_ inlines: [Inline], between open: String, and close: String, into out: inout String, state: State) {
        out += open
        render(inlines, into: &out, state: state)
        out += close
    }

    private func render(_ block: Block, into out: inout String, state: State, tight: Bool) {
        switch block {
        case .paragraph(let inlines, _):
            if let (latex, position) = Self.loneDisplayMath(inlines) {
                // `$$…$$` alone in a paragraph is a display block, in the same scrolling box as a multi-line one.
                out += displayBlock(latex, position, inParagraph: false) + "\n"
            } else if let figure = FigureImage.figure(in: inlines), let frame = figureFrame?(figure) {
                render(figure, frame, into: &out, state: state)
            } else {
                render(inlines, between: tight ? "" : "<p>", and: tight ? "\n" : "</p>\n", into: &out, state: state)
            }
        case .heading(let level, let inlines, _):
            let id = state.headingIndex < headingIDs.count ? headingIDs[state.headingIndex] : nil
            state.headingIndex += 1
            if let id {
                let link = "<a class=\"self-link\" href=\"#\(Escaping.html(id))\" aria-label=\"\(Escaping.html(words.linkToSection))\">#</a>"
                render(inlines, between: "<h\(level) id=\"\(Escaping.html(id))\">", and: " \(link)</h\(level)>\n", into: &out, state: state)
            } else {
                render(inlines, between: "<h\(level)>", and: "</h\(level)>\n", into: &out, state: state)
            }
        case .codeBlock(let code):
            if let html = codeBlock(code) {
                out += html
                if !html.hasSuffix("\n") { out += "\n" }
                return
            }
            let language = code.language
            let body = language.isEmpty ? nil : highlight(code.literal, language)
            let classAttribute = language.isEmpty ? "" : " class=\"language-\(Escaping.html(language))\""
            out += "<pre tabindex=\"0\"><code\(classAttribute)>\(body ?? Escaping.html(code.literal))</code></pre>\n"
        case .htmlBlock(let html, _):
            out += allowHTML ? Self.tagFilter(html) : "<p class=\"raw-html\">\(Escaping.html(html.trimmingTrailingSpaces()))</p>\n"
            if allowHTML, !html.hasSuffix("\n") { out += "\n" }
        case .blockQuote(let blocks):
            if let (callout, frame) = framedCallout(blocks) {
                render(callout, frame, solution: nil, into: &out, state: state)
                return
            }
            out += "<blockquote>\n"
            render(blocks, into: &out, state: state)
            out += "</blockquote>\n"
        case .list(let list):
            let tag = list.ordered ? "ol" : "ul"
            let start = list.ordered && list.start != 1 ? " start=\"\(list.start)\"" : ""
            let hasTasks = list.items.contains { $0.task != nil }
            out += "<\(tag)\(start)\(hasTasks ? " class=\"task-list\"" : "")>\n"
            for item in list.items {
                if let checked = item.task {
                    out += "<li class=\"task-list-item\"><input type=\"checkbox\" disabled\(checked ? " checked" : "") aria-label=\"\(Escaping.html(checked ? words.done : words.toDo))\"> "
                } else {
                    out += "<li>"
                }
                if !list.tight, !item.blocks.isEmpty { out += "\n" }
                for (i, b) in item.blocks.enumerated() {
                    render(b, into: &out, state: state, tight: list.tight)
                    if list.tight, i == item.blocks.count - 1, out.hasSuffix("\n"), case .paragraph = b { out.removeLast() }
                }
                out += "</li>\n"
            }
            out += "</\(tag)>\n"
        case .thematicBreak:
            out += "<hr>\n"
        case .table(let table):
            out += "<div class=\"table-wrap\" tabindex=\"0\">\n<table>\n"
            if !table.header.isEmpty {
                out += "<thead>\n<tr>\n"
                for (i, cell) in table.header.enumerated() {
                    out += "<th\(Self.alignment(table.alignments, i))>"
                    var header = ""
                    render(cell, into: &header, state: state)
                    // A header that is only a formula reads as empty to a screen reader that
                    // does not read MathML (and to axe-core's empty-table-header): the formula
                    // is named by its plain text, on a span of role math around it (HTML does
                    // not allow aria-label on <math> itself).
                    if let latex = Self.loneInlineMath(cell), header.hasPrefix("<math") {
                        header = "<span role=\"math\" aria-label=\"\(Escaping.html(mathText(latex)))\">" + header + "</span>"
                    }
                    out += header
                    out += "</th>\n"
                }
                out += "</tr>\n</thead>\n"
            }
            if !table.rows.isEmpty {
                out += "<tbody>\n"
                for row in table.rows {
                    out += "<tr>\n"
                    for (i, cell) in row.enumerated() {
                        out += "<td\(Self.alignment(table.alignments, i))>"
                        render(cell, into: &out, state: state)
                        out += "</td>\n"
                    }
                    out += "</tr>\n"
                }
                out += "</tbody>\n"
            }
            out += "</table>\n</div>\n"
        case .footnoteDefinition:
            break  // rendered at the end, in order of first reference
        case .displayMath(let latex, let position):
            out += displayBlock(latex, position, inParagraph: false) + "\n"
        }
    }

    /// Display math in its scrolling box, or as ``displayMath`` frames it.
    private func displayBlock(_ latex: String, _ position: TextPosition, inParagraph: Bool) -> String {
        if let displayMath { return displayMath(latex, position, inParagraph) }
        let element = inParagraph ? "span" : "div"
        return "<\(element) class=\"display-math\" tabindex=\"0\">\(math(latex, true, position))</\(element)>"
    }

    /// An image with its caption as a numbered `<figure>`; the caption is also its alt text.
    private func render(_ figure: FigureImage, _ frame: FigureFrame, into out: inout String, state: State) {
        out += frame.id.map { "<figure class=\"figure\" id=\"\(Escaping.html($0))\">\n" } ?? "<figure class=\"figure\">\n"
        render([.image(url: figure.url, title: figure.title, alt: figure.caption, figure.position)], into: &out, state: state)
        out += "\n<figcaption><span class=\"figure-number\">\(Escaping.html(frame.label))</span>\(Escaping.html(frame.separator))"
        render(figure.caption, into: &out, state: state)
        out += "</figcaption>\n</figure>\n"
    }

    /// Blocks in a row; a solution right after an exercise goes inside the exercise's box.
    private func render(_ blocks: [Block], into out: inout String, state: State) {
        var i = 0
        while i < blocks.count {
            defer { i += 1 }
            guard case .blockQuote(let children) = blocks[i], let (callout, frame) = framedCallout(children),
                  callout.kind == .exercise else {
                render(blocks[i], into: &out, state: state, tight: false)
                continue
            }
            var solution: (Callout, CalloutFrame)?
            if i + 1 < blocks.count, case .blockQuote(let next) = blocks[i + 1],
               let framed = framedCallout(next), framed.0.kind == .solution {
                solution = framed
                i += 1
            }
            render(callout, frame, solution: solution, into: &out, state: state)
        }
    }

    private func framedCallout(_ quote: [Block]) -> (Callout, CalloutFrame)? {
        guard case .callout(let callout)? = Callout.marker(in: quote) else { return nil }
        if let calloutFrame {
            return calloutFrame(callout).map { (callout, $0) }
        }
        return (callout, CalloutFrame(label: words.callouts[callout.kind] ?? callout.kind.rawValue, id: callout.id))
    }

    /// An alert as `<aside role="note">`, an exercise as a box with its solution inside, a
    /// solution as `<details>`: closed, the reader opens it, no script.
    private func render(_ callout: Callout, _ frame: CalloutFrame, solution: (Callout, CalloutFrame)?,
                        into out: inout String, state: State) {
        let id = frame.id.map { " id=\"\(Escaping.html($0))\"" } ?? ""
        var title = ""
        if !callout.title.isEmpty { render(callout.title, into: &title, state: state) }
        switch callout.kind {
        case .solution:
            out += "<details class=\"solution\"\(id)\(solutionOpenAttribute ?? (solutionsOpen ? " open" : ""))><summary>\(title.isEmpty ? Escaping.html(frame.label) : title)</summary>\n"
            render(callout.body, into: &out, state: state)
            out += "</details>\n"
        case .exercise:
            out += "<div class=\"callout callout-exercise\"\(id)>\n<p class=\"callout-title\"><span class=\"callout-label\">\(Escaping.html(frame.label))</span>"
            if !title.isEmpty { out += Escaping.html(words.titleSeparator) + title }
            out += "</p>\n"
            render(callout.body, into: &out, state: state)
            if let (solution, solutionFrame) = solution {
                render(solution, solutionFrame, solution: nil, into: &out, state: state)
            }
            out += "</div>\n"
        case .note, .tip, .important, .warning, .caution:
            out += "<aside class=\"callout callout-\(callout.kind.rawValue)\" role=\"note\"\(id)>\n"
            out += "<p class=\"callout-title\">\(title.isEmpty ? Escaping.html(frame.label) : title)</p>\n"
            render(callout.body, into: &out, state: state)
            out += "</aside>\n"
        }
    }

    private static func alignment(_ alignments: [Table.Alignment], _ i: Int) -> String {
        guard i < alignments.count else { return "" }
        switch alignments[i] {
        case .none: return ""
        case .left: return " style=\"text-align: left\""
        case .center: return " style=\"text-align: center\""
        case .right: return " style=\"text-align: right\""
        }
    }

    private func render(_ inlines: [Inline], into out: inout String, state: State) {
        // A text whose first characters a formula before it has already written.
        var tied: (index: Int, count: Int)?
        for (index, inline) in inlines.enumerated() {
            switch inline {
            case .text(let s): out += Escaping.html(tied?.index == index ? String(s.dropFirst(tied!.count)) : s)
            case .softBreak: out += inlines.joinsLines(at: index) ? "" : "\n"
            case .lineBreak: out += "<br>\n"
            case .code(let s, let position):
                out += codeSpan(s, position) ?? "<code>\(Escaping.html(s))</code>"
            case .html(let s, _): out += allowHTML ? Self.tagFilter(s) : Escaping.html(s)
            case .emphasis(let c):
                out += "<em>"; render(c, into: &out, state: state); out += "</em>"
            case .strong(let c):
                out += "<strong>"; render(c, into: &out, state: state); out += "</strong>"
            case .strikethrough(let c):
                out += "<del>"; render(c, into: &out, state: state); out += "</del>"
            case .link(let url, let title, let c, let position):
                out += "<a"
                if let href = Self.allowed(rewriteURL(url, position)) { out += " href=\"\(Escaping.html(href))\"" }
                if !title.isEmpty { out += " title=\"\(Escaping.html(title))\"" }
                let wasUnlinked = state.unlinked
                state.unlinked = true
                out += ">"
                if c.isEmpty, let text = emptyLinkText(url, position) {
                    out += text
                } else {
                    render(c, into: &out, state: state)
                }
                out += "</a>"
                state.unlinked = wasUnlinked
            case .citation(let cited):
                out += citation?(cited, !state.unlinked) ?? Escaping.html(cited.source)
            case .image(let url, let title, let alt, let position):
                out += "<img"
                if let src = Self.allowed(rewriteURL(url, position)) { out += " src=\"\(Escaping.html(src))\"" }
                out += " alt=\"\(Escaping.html(alt.plainText(math: mathText)))\""
                if !title.isEmpty { out += " title=\"\(Escaping.html(title))\"" }
                out += ">"
            case .footnoteReference(let label, _):
                let key = Self.normalise(label)
                guard state.definitions[key] != nil else {
                    out += Escaping.html("[^\(label)]")
                    continue
                }
                let n: Int
                if let known = state.footnoteNumbers[key] {
                    n = known
                } else {
                    state.footnoteOrder.append(key)
                    n = state.footnoteOrder.count
                    state.footnoteNumbers[key] = n
                }
                let r = (state.referenceCounts[key] ?? 0) + 1
                state.referenceCounts[key] = r
                let id = "\(footnotePrefix)ref-\(n)" + (r == 1 ? "" : "-\(r)")
                out += "<sup class=\"footnote-ref\"><a href=\"#\(footnotePrefix)-\(n)\" id=\"\(id)\">\(n)</a></sup>"
            case .math(let latex, let display, let position):
                // Display math amid a paragraph's text: a block-level box that may scroll, as a <span> so the <p> stays valid.
                // A long inline formula cannot break across lines; it scrolls in its own box
                // rather than widening a phone's page.
                if display {
                    out += displayBlock(latex, position, inParagraph: true)
                } else if Self.glyphEstimate(latex) > Self.longInlineGlyphs {
                    out += "<span class=\"math-wide\" tabindex=\"0\">\(math(latex, false, position))</span>"
                } else if let closing = Self.closingPunctuation(after: index, in: inlines) {
                    // "$x$。": a browser may break before the "。" and start a line with it.
                    out += "<span class=\"math-tie\">\(math(latex, false, position))\(Escaping.html(String(closing.text)))</span>"
                    tied = (closing.index, closing.text.count)
                } else {
                    out += math(latex, false, position)
                }
            }
        }
    }

    /// The full-width punctuation that may not start a line ("。", "，", "）" …) at the start of
    /// the text after inline `index`, across a line break that joins, with that text's index.
    private static func closingPunctuation(after index: Int, in inlines: [Inline]) -> (index: Int, text: Substring)? {
        var next = index + 1
        if next < inlines.count, case .softBreak = inlines[next], inlines.joinsLines(at: next) { next += 1 }
        guard next < inlines.count, case .text(let text) = inlines[next] else { return nil }
        let closing = text.prefix(while: EastAsianSpacing.isNonStarter)
        return closing.isEmpty ? nil : (next, closing)
    }

    /// `url` percent-encoded as cmark-gfm writes a destination, when ``URLPolicy`` allows
    /// the encoded form on a page. A refused URL is the link resolver's error to report;
    /// whatever a caller's hook returns, the renderer never writes one, and leaves the link
    /// or image without its destination.
    private static func allowed(_ url: String) -> String? {
        let encoded = HrefEncoding.encode(url)
        return URLPolicy.refusedScheme(in: encoded) == nil ? encoded : nil
    }

    /// Inline content as phrasing markup for a place that is itself a link or a
    /// title (the on-page contents, the page's heading): math, code and emphasis
    /// as in a paragraph, a link's text without the link, no footnote marks.
    public func renderPhrase(_ inlines: [Inline]) -> String {
        var out = ""
        let state = State()
        state.unlinked = true
        render(Self.unlinked(inlines), into: &out, state: state)
        return out
    }

    private static func unlinked(_ inlines: [Inline]) -> [Inline] {
        inlines.enumerated().flatMap { index, inline -> [Inline] in
            switch inline {
            case .link(_, _, let content, _): return unlinked(content)
            case .emphasis(let c): return [.emphasis(unlinked(c))]
            case .strong(let c): return [.strong(unlinked(c))]
            case .strikethrough(let c): return [.strikethrough(unlinked(c))]
            case .footnoteReference: return []
            case .softBreak: return inlines.joinsLines(at: index) ? [] : [.text(" ")]
            case .lineBreak: return [.text(" ")]
            case .math(let latex, _, let position): return [.math(latex: latex, display: false, position)]
            default: return [inline]
            }
        }
    }

    /// Glyphs beyond which an inline formula may be wider than a 320 px phone's column
    /// (about 288 px of text at 17 px, some 12 px a glyph).
    static let longInlineGlyphs = 18

    /// About how many glyphs `latex` shows: a command is one, braces, scripts' markers
    /// and spaces are none.
    static func glyphEstimate(_ latex: String) -> Int {
        var count = 0
        var inCommand = false
        for character in latex {
            if inCommand, character.isLetter { continue }
            inCommand = false
            switch character {
            case "\\": inCommand = true; count += 1
            case "{", "}", "^", "_", " ", "&": continue
            default: count += 1
            }
        }
        return count
    }

    /// The LaTeX of the one inline formula that `inlines` hold besides white space, if so.
    private static func loneInlineMath(_ inlines: [Inline]) -> String? {
        var found: String?
        for inline in inlines {
            switch inline {
            case .math(let latex, false, _) where found == nil: found = latex
            case .softBreak, .lineBreak: continue
            case .text(let s) where s.allSatisfy(\.isWhitespace): continue
            default: return nil
            }
        }
        return found
    }

    /// The LaTeX of a paragraph that holds one `$$…$$` and nothing else but white space.
    private static func loneDisplayMath(_ inlines: [Inline]) -> (String, TextPosition)? {
        var found: (String, TextPosition)?
        for inline in inlines {
            switch inline {
            case .math(let latex, true, let position) where found == nil: found = (latex, position)
            case .softBreak, .lineBreak: continue
            case .text(let s) where s.allSatisfy(\.isWhitespace): continue
            default: return nil
            }
        }
        return found
    }

    /// GFM's tag filter: the opening `<` of these tags is escaped even in allowed raw HTML.
    public static func tagFilter(_ html: String) -> String {
        let banned = ["title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext"]
        var out = ""
        var rest = Substring(html)
        while let lt = rest.firstIndex(of: "<") {
            out += rest[..<lt]
            var after = rest[rest.index(after: lt)...]
            if after.first == "/" { after = after.dropFirst() }
            let name = after.prefix(while: { $0.isLetter }).lowercased()
            let next = after.dropFirst(name.count).first
            let terminated = next == nil || next == " " || next == ">" || next == "/" || next == "\t" || next == "\n"
            out += banned.contains(name) && terminated ? "&lt;" : "<"
            rest = rest[rest.index(after: lt)...]
        }
        return out + rest
    }
}

extension String {
    /// The text with `{reference}` replaced by `value`.
    fileprivate func replacingReference(with value: String) -> String {
        replacing("{reference}", with: value)
    }
}
