/// A block quote whose first line is a marker `[!KIND]`: GitHub's alerts (`[!NOTE]`, `[!TIP]`,
/// `[!IMPORTANT]`, `[!WARNING]`, `[!CAUTION]`) and the course's `[!EXERCISE]` and `[!SOLUTION]`.
///
/// The marker is case-insensitive, as on GitHub. The rest of its line is an optional title,
/// which may end in `{#id}` (an author-chosen anchor):
///
///     > [!TIP] Why $\beta_2 = 0.999$
///     > [!EXERCISE] Bias at the start {#ex-bias}
///
/// A quote whose first text merely starts with `[!` but is no `[!WORD]` followed by the end of
/// the line or a space stays a quote.
public struct Callout: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        case note, tip, important, warning, caution, exercise, solution

        /// The marker as an author writes it: `[!NOTE]`.
        public var marker: String { "[!\(rawValue.uppercased())]" }
    }

    public var kind: Kind
    /// The title after the marker; empty for the kind's own label.
    public var title: [Inline]
    /// The id from `{#id}` after the title, if any.
    public var id: String?
    /// The quote without its marker line.
    public var body: [Block]
    /// The marker's `[`.
    public var position: TextPosition

    /// What the first line of a quote says.
    public enum Marker: Hashable, Sendable {
        case callout(Callout)
        /// `[!WORD]` with a word that names no kind, at its `[`.
        case unknownKind(String, TextPosition)
        /// `{#…}` whose id is empty or holds characters other than letters, digits, `-` and `_`.
        case badID(String, TextPosition)
    }

    /// The marker of the quote whose blocks are `blocks`; `nil` for an ordinary quote.
    public static func marker(in blocks: [Block]) -> Marker? {
        guard case .paragraph(let inlines, let position)? = blocks.first,
              case .text(let first)? = inlines.first, first.hasPrefix("[!") else { return nil }
        let afterBang = first.dropFirst(2)
        guard let close = afterBang.firstIndex(of: "]") else { return nil }
        let name = afterBang[..<close]
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        let rest = afterBang[afterBang.index(after: close)...]
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        guard let kind = Kind(rawValue: name.lowercased()) else { return .unknownKind(String(name), position) }

        // The marker's line ends at the paragraph's first break.
        let lineEnd = inlines.firstIndex { if case .softBreak = $0 { return true }; if case .lineBreak = $0 { return true }; return false }
        var title = Array(inlines[..<(lineEnd ?? inlines.count)])
        let firstRest = String(rest.drop(while: { $0 == " " || $0 == "\t" }))
        if firstRest.isEmpty { title.removeFirst() } else { title[0] = .text(firstRest) }
        var id: String?
        if case .text(let last)? = title.last, case let trimmed = last.trimmingTrailingSpaces(), trimmed.hasSuffix("}"),
           let brace = trimmed.lastIndex(of: "{"), trimmed[trimmed.index(after: brace)...].hasPrefix("#") {
            let candidate = String(trimmed[trimmed.index(brace, offsetBy: 2)..<trimmed.index(before: trimmed.endIndex)])
            guard !candidate.isEmpty, candidate.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                return .badID(candidate, position)
            }
            id = candidate
            let before = String(trimmed[..<brace].trimmingTrailingSpaces())
            if before.isEmpty { title.removeLast() } else { title[title.count - 1] = .text(before) }
        }
        while case .text(let last)? = title.last, last.allSatisfy({ $0 == " " || $0 == "\t" }) { title.removeLast() }
        if case .text(let last)? = title.last { title[title.count - 1] = .text(String(last.trimmingTrailingSpaces())) }

        var body = Array(blocks.dropFirst())
        if let lineEnd, lineEnd + 1 < inlines.count {
            body.insert(.paragraph(Array(inlines[(lineEnd + 1)...]), position), at: 0)
        }
        return .callout(Callout(kind: kind, title: title, id: id, body: body, position: position))
    }

    /// A marker found in a document, with whether a solution follows an exercise directly
    /// (it is the next block in the same container): the only place a solution may stand.
    public struct Occurrence: Hashable, Sendable {
        public var marker: Marker
        /// For a solution: whether the block before it is an exercise.
        public var followsExercise: Bool
    }

    /// Every callout marker in `blocks`, callouts inside callouts too, in document order.
    public static func occurrences(in blocks: [Block]) -> [Occurrence] {
        var out: [Occurrence] = []
        collect(blocks, into: &out)
        return out
    }

    private static func collect(_ blocks: [Block], into out: inout [Occurrence]) {
        var previousIsExercise = false
        for block in blocks {
            var isExercise = false
            switch block {
            case .blockQuote(let children):
                if let marker = marker(in: children) {
                    var follows = false
                    if case .callout(let callout) = marker {
                        isExercise = callout.kind == .exercise
                        follows = callout.kind == .solution && previousIsExercise
                        out.append(Occurrence(marker: marker, followsExercise: follows))
                        collect(callout.body, into: &out)
                    } else {
                        out.append(Occurrence(marker: marker, followsExercise: false))
                        collect(children, into: &out)
                    }
                } else {
                    collect(children, into: &out)
                }
            case .list(let list):
                for item in list.items { collect(item.blocks, into: &out) }
            case .footnoteDefinition(_, let children):
                collect(children, into: &out)
            default:
                break
            }
            previousIsExercise = isExercise
        }
    }
}
