import CourseDiagnostics
import CourseMarkdown

/// A chapter's callouts, numbered and given ids when it is loaded, so that links to an
/// exercise are checked like links to a heading.
///
/// Exercises are numbered in document order (the page shows "Exercise 3.2" in chapter 3);
/// each has the id its author chose with `{#id}`, else `exercise-N`. Any other callout
/// has an id only when its author gives one.
public struct ChapterCallouts: Sendable {
    public struct Anchor: Hashable, Sendable {
        /// An exercise's number in its chapter; `nil` for other kinds.
        public var ordinal: Int?
        public var id: String?
    }

    /// Each callout's number and id, by the position of its marker.
    public var anchors: [TextPosition: Anchor] = [:]
    /// Every callout id, in document order.
    public private(set) var ids: [String] = []
    private(set) var idSet: Set<String> = []

    /// The numbered id namespace of exercises without an id of their own (`exercise-3`),
    /// which headings must not take (``HeadingSlugger``'s `numberedPrefixes`).
    static let idNamespaces = ["exercise-"]

    init() {}

    /// Numbers the callouts of `document` and checks their markers: an unknown kind, a
    /// malformed or taken id, and a solution with no exercise right before it are errors.
    /// `taken` holds the page's other ids (headings, the template's), `isGenerated` says
    /// whether an id is one coursegen numbers itself.
    init(_ document: Document, file: String, taken: Set<String>, isGenerated: (String) -> Bool,
         diagnostics: inout [Diagnostic]) {
        var used = taken
        var exercises = 0
        for occurrence in Callout.occurrences(in: document.blocks) {
            switch occurrence.marker {
            case .unknownKind(let name, let position):
                diagnostics.append(Self.unknownKind(name, at: Self.location(file, position)))
            case .badID(let id, let position):
                diagnostics.append(.error(
                    "'{#\(id)}' is not an id a callout can have", at: Self.location(file, position),
                    hint: "an id is letters, digits, '-' and '_' after '{#', at the end of the marker's line: > [!EXERCISE] Title {#ex-bias}"))
            case .callout(let callout):
                let location = Self.location(file, callout.position)
                if callout.kind == .solution, !occurrence.followsExercise {
                    diagnostics.append(.error(
                        "a solution must follow the exercise it answers", at: location,
                        hint: "put the '> [!SOLUTION]' quote right after a '> [!EXERCISE]' quote, with one blank line between them"))
                }
                var anchor = Anchor()
                if callout.kind == .exercise {
                    exercises += 1
                    anchor.ordinal = exercises
                }
                if let id = callout.id {
                    if used.contains(id) || isGenerated(id) {
                        diagnostics.append(.error(
                            "the id '#\(id)' is already taken on this page", at: location,
                            hint: "choose another id; headings, other callouts and coursegen's own numbered ids (exercise-1, fn-1) take theirs first"))
                    } else {
                        anchor.id = id
                    }
                } else if let ordinal = anchor.ordinal {
                    anchor.id = "exercise-\(ordinal)"
                }
                if let id = anchor.id {
                    used.insert(id)
                    ids.append(id)
                    idSet.insert(id)
                }
                anchors[callout.position] = anchor
            }
        }
    }

    public func contains(_ id: String) -> Bool { idSet.contains(id) }

    static func unknownKind(_ name: String, at location: SourceLocation) -> Diagnostic {
        let markers = Callout.Kind.allCases.map(\.marker)
        var message = "unknown callout kind '[!\(name)]'"
        if let guess = Suggestion.closest(to: name.uppercased(), in: Callout.Kind.allCases.map { $0.rawValue.uppercased() }) {
            message += "; did you mean '[!\(guess)]'?"
        }
        let list = markers.dropLast().joined(separator: ", ") + " or " + markers.last!
        return .error(message, at: location,
                      hint: "a callout's first line is \(list); to quote the text itself, put it in backticks")
    }

    private static func location(_ file: String, _ position: TextPosition) -> SourceLocation {
        SourceLocation(file: file, line: position.line, column: position.column)
    }
}
