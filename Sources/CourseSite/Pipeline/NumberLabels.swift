import Foundation
import CourseDiagnostics
import CourseMarkdown
import MathML

/// What a label names, and so how a reference to it is worded ("Eq. (5.3)", "Figure 5.2",
/// "Exercise 3.1", a section's heading).
enum LabelKind: Sendable, Hashable {
    case equation, figure, exercise, section
}

/// One place a cross-reference can name: its page, id (the label), number and kind.
struct LabelTarget: Sendable, Hashable {
    var kind: LabelKind
    var id: String
    /// What a reference shows: "5.3" in chapter 5 ("3" on the home page) for an equation, a
    /// figure or an exercise; a section's heading text.
    var number: String
    /// The page, in the order of the pages ``NumberLabels`` read (home page first when there is one).
    var page: Int
}

/// A numbered figure of a page: a directive fence's or a captioned image's.
struct NumberedFigure: Sendable, Hashable {
    var id: String
    var number: String
}

/// The course's labels, numbered: every equation, figure, exercise and section of every page,
/// found before any page renders, so a chapter can refer to a figure of a later one.
struct CourseLabels: Sendable {
    struct Page: Sendable {
        var file: String
        var displayPath: String
        var pageName: String
        /// What each line of each display formula shows ("(5.3)"), by the formula's position.
        var equations: [TextPosition: [String?]] = [:]
        /// Each numbered figure, by the position of its fence or image.
        var figures: [TextPosition: NumberedFigure] = [:]
        var targets: [String: LabelTarget] = [:]
        /// Every label of the page in document order, for suggestions.
        var order: [String] = []
    }

    var pages: [Page] = []
    var diagnostics: [Diagnostic] = []

    /// Where `label` (written `05-adam.md#eq:x` or bare `eq:x`) leads from page `from`.
    enum Resolution: Sendable, Equatable {
        case found(LabelTarget)
        case missing(message: String, hint: String)
        case ambiguous(message: String, hint: String)
    }

    /// A bare label is the page's own, else the one other page's that defines it; a label
    /// after a chapter's file name is that chapter's.
    func resolve(_ label: String, from page: Int) -> Resolution {
        if let hash = label.lastIndex(of: "#") {
            let file = String(label[..<hash]), name = String(label[label.index(after: hash)...])
            guard let target = pages.firstIndex(where: { $0.file == file || $0.file.hasSuffix("/" + file) }) else {
                return .missing(message: "reference to a missing chapter '\(file)'",
                                hint: "name the chapter by its file, e.g. 05-adam.md#eq:adam-update")
            }
            if let found = pages[target].targets[name] { return .found(found) }
            return missing(name, in: [target], where: "in '\(pages[target].file)'")
        }
        if let own = pages[page].targets[label] { return .found(own) }
        let others = pages.indices.filter { pages[$0].targets[label] != nil }
        if others.count == 1, let found = pages[others[0]].targets[label] { return .found(found) }
        if others.count > 1 {
            let places = others.map { "'\(pages[$0].file)'" }
            return .ambiguous(
                message: "the label '\(label)' is ambiguous: it is defined in \(places.joined(separator: " and "))",
                hint: "name the chapter: [](\(pages[others[0]].file)#\(label))")
        }
        return missing(label, in: [page] + pages.indices.filter { $0 != page }, where: "in the course")
    }

    private func missing(_ label: String, in candidates: [Int], where place: String) -> Resolution {
        var message = "reference to a missing label '\(label)' \(place)"
        let names = candidates.flatMap { pages[$0].order }
        if let guess = Suggestion.closest(to: label, in: names) {
            message += "; did you mean '\(guess)'?"
        }
        return .missing(message: message,
                        hint: "a label is an equation's \\label{…}, a figure's {#…}, an exercise's {#…} or a heading's id")
    }

    /// Whether `id` is an equation's or a figure's on the page (links to headings and exercises
    /// are checked by ``LinkResolver`` already).
    func numbered(_ id: String, onPage page: Int) -> Bool {
        guard let kind = pages[page].targets[id]?.kind else { return false }
        return kind == .equation || kind == .figure
    }
}

/// The stage that numbers every page's equations and figures in document order ("5.3": the
/// chapter's number, then the order in the chapter) and gathers every label of the course with
/// its kind, so that ``RenderPages`` words cross-references and checks them across chapters.
/// It reads the pages and the collected directives (a directive's figure is named by its fence
/// or its title) and runs nothing.
struct NumberLabels: Sendable {
    func run(_ chapters: [Chapter], directives: CollectedDirectives) -> CourseLabels {
        var labels = CourseLabels()
        for (index, chapter) in chapters.enumerated() {
            var page = CourseLabels.Page(file: chapter.fileName, displayPath: chapter.displayPath, pageName: chapter.pageName)
            number(chapter, index: index, fences: directives.pages[index], into: &page, diagnostics: &labels.diagnostics)
            labels.pages.append(page)
        }
        return labels
    }

    private func number(_ chapter: Chapter, index: Int, fences: [CollectedFence], into page: inout CourseLabels.Page,
                        diagnostics: inout [Diagnostic]) {
        let file = chapter.displayPath
        func numbered(_ ordinal: Int) -> String { chapter.number > 0 ? "\(chapter.number).\(ordinal)" : "\(ordinal)" }
        func location(_ position: TextPosition) -> SourceLocation {
            SourceLocation(file: file, line: position.line, column: position.column)
        }
        // Headings and exercises first: they have their ids already, and a label may not take one.
        var headings = chapter.headingIDs.makeIterator()
        for case .heading(_, let inlines, _) in chapter.document.blocks.allBlocks {
            guard let id = headings.next() else { break }
            page.targets[id] = LabelTarget(kind: .section, id: id, number: inlines.plainText(math: { MathML.plainText(latex: $0) }), page: index)
            page.order.append(id)
        }
        let callouts = chapter.callouts.anchors.sorted { ($0.key.line, $0.key.column) < ($1.key.line, $1.key.column) }
        for anchor in callouts.map(\.value) {
            guard let id = anchor.id else { continue }
            page.targets[id] = LabelTarget(kind: anchor.ordinal != nil ? .exercise : .section,
                                           id: id, number: anchor.ordinal.map(numbered) ?? id, page: index)
            page.order.append(id)
        }
        var taken = Set(page.targets.keys).union(PageRenderer.reservedIDs)
        let slugger = CourseLoader.slugger()
        func define(_ id: String, _ kind: LabelKind, _ number: String, at position: TextPosition, what: String) -> Bool {
            guard !taken.contains(id), !slugger.isGenerated(id) else {
                diagnostics.append(.error(
                    "the \(what) '\(id)' is already taken on this page", at: location(position),
                    hint: "a label names one equation, figure, exercise or heading of its chapter; choose another"))
                return false
            }
            taken.insert(id)
            page.targets[id] = LabelTarget(kind: kind, id: id, number: number, page: index)
            page.order.append(id)
            return true
        }

        var equations = 0, figures = 0
        var fenceAt: [TextPosition: CollectedFence] = [:]
        for fence in fences { fenceAt[fence.position] = fence }
        for block in chapter.document.blocks.allBlocks {
            var formulas: [(String, TextPosition)] = []
            switch block {
            case .displayMath(let latex, let position):
                formulas.append((latex, position))
            case .codeBlock(let code):
                guard let fence = fenceAt[code.position] else { continue }
                guard let id = figureID(of: fence, info: code.info, diagnostics: &diagnostics, at: location(code.position)) else { continue }
                figures += 1
                let number = numbered(figures)
                var unique = id
                if !code.info.contains("{#") {
                    // A title's id repeats when two figures share a title: the later ones get -2, -3.
                    var n = 2
                    while taken.contains(unique) { unique = "\(id)-\(n)"; n += 1 }
                }
                if define(unique, .figure, number, at: code.position, what: "figure id") {
                    page.figures[code.position] = NumberedFigure(id: unique, number: number)
                }
            case .paragraph(let inlines, _):
                if let figure = FigureImage.figure(in: inlines) {
                    if let bad = figure.malformedAttribute {
                        diagnostics.append(.error(
                            "'\(bad)' is not a figure's id", at: location(figure.position),
                            hint: "write the id as {#fig:name} right after the image: ![caption](plot.svg){#fig:name}"))
                    } else if let id = figure.id, !EquationLabel.isValid(id) {
                        diagnostics.append(Self.badID(id, at: location(figure.position)))
                    } else {
                        figures += 1
                        let number = numbered(figures)
                        var id = figure.id ?? Self.derivedID(figure.caption.plainText(math: { MathML.plainText(latex: $0) }))
                        if figure.id == nil {
                            let base = id
                            var n = 2
                            while taken.contains(id) { id = "\(base)-\(n)"; n += 1 }
                        }
                        if define(id, .figure, number, at: figure.position, what: "figure id") {
                            page.figures[figure.position] = NumberedFigure(id: id, number: number)
                        }
                    }
                }
            default:
                break
            }
            for case .math(let latex, true, let position) in block.inlines.allInlines {
                formulas.append((latex, position))
            }
            for (latex, position) in formulas {
                let lines = MathML.equations(in: latex)
                guard lines.contains(where: \.showsNumber) else { continue }
                var shown: [String?] = []
                for line in lines {
                    var number: String?
                    if line.isNumbered && line.tag == nil {
                        equations += 1
                        number = numbered(equations)
                    }
                    let text = line.shown(number: number ?? "")
                    shown.append(text)
                    if let label = line.label, let text {
                        let at = LaTeXError(offset: line.labelOffset, message: "").location(in: latex, at: location(position))
                        _ = define(label, .equation, number ?? String(text), at: TextPosition(line: at.line, column: at.column),
                                   what: "label")
                    }
                }
                page.equations[position] = shown
            }
        }
    }

    /// The fence's figure id: its `{#id}` after the directive's name, else one from the
    /// directive's title; `nil` for a fence that draws no figure or has a malformed id.
    private func figureID(of fence: CollectedFence, info: String, diagnostics: inout [Diagnostic], at location: SourceLocation) -> String? {
        let rest = info.drop(while: { $0 != " " && $0 != "\t" }).trimmingCharacters(in: .whitespaces)
        if let open = rest.firstIndex(of: "{") {
            let attribute = rest[open...]
            let column = location.column + (info.count - info.drop(while: { $0 != "{" }).count) + 3
            let at = SourceLocation(file: location.file, line: location.line, column: column)
            guard attribute.hasPrefix("{#"), attribute.hasSuffix("}"), attribute.count > 3 else {
                diagnostics.append(.error(
                    "'\(attribute)' is not a figure's id", at: at,
                    hint: "write the id as {#fig:name} after the directive's name: ```experiment {#fig:momentum-bowl}"))
                return nil
            }
            let id = String(attribute.dropFirst(2).dropLast())
            guard EquationLabel.isValid(id) else {
                diagnostics.append(Self.badID(id, at: at))
                return nil
            }
            if let directive = fence.directive, directive.checked.figureTitle == nil {
                diagnostics.append(.error(
                    "this directive draws no figure for '{#\(id)}' to name", at: at,
                    hint: "name the figure of an Experiment, Schedule, Average, Training or Activations fence"))
                return nil
            }
            return id
        }
        guard let title = fence.directive?.checked.figureTitle else { return nil }
        return Self.derivedID(title)
    }

    /// `fig:` and the title as a heading's id: "Momentum on the bowl" → `fig:momentum-on-the-bowl`.
    static func derivedID(_ title: String) -> String {
        "fig:" + HeadingSlugger.slugify(title)
    }

    static func badID(_ id: String, at location: SourceLocation) -> Diagnostic {
        .error("'\(id)' is not an id a figure can have", at: location,
               hint: "an id is a letter, then letters, digits, '-', '_', ':' or '.': {#fig:momentum-bowl}")
    }
}
