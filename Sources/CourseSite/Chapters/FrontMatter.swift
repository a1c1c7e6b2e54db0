import CourseDiagnostics
import CourseMarkdown
import Yams

/// The YAML block between `---` lines at the top of a chapter, parsed with Yams.
///
/// Chapters know `title`, `order`, `description`, `draft` and `slug`; `index.md` also
/// carries the course settings `title`, `author`, `language`, `description`, and a
/// part's `index.md` (in a numbered sub-folder) its `title`.
/// A value of the wrong type is an error at its own line; an unknown key is a
/// warning that names the known ones.
public struct FrontMatter: Hashable, Sendable {
    public var title: String?
    public var order: Int?
    public var description: String?
    public var draft = false
    /// The page's file name without `.html`, chosen by the author; checked to be
    /// lowercase letters, digits and `-`.
    public var slug: String?
    /// Where `slug`'s value is written, for the error when another page has it.
    public var slugLocation: SourceLocation?
    public var author: String?
    public var language: String?
    /// Where `language`'s value is written, for the warning when coursegen has no strings for it.
    public var languageLocation: SourceLocation?

    public init() {}

    static let chapterKeys = ["title", "order", "description", "draft", "slug"]
    static let courseKeys = ["title", "author", "language", "description"]
    static let partKeys = ["title"]

    /// Which file the front matter heads, and so which keys it may have.
    enum Kind {
        case chapter, course, part

        var keys: [String] {
            switch self {
            case .chapter: chapterKeys
            case .course: courseKeys
            case .part: partKeys
            }
        }
    }

    static func split(_ text: String, file: String, isIndex: Bool, diagnostics: inout [Diagnostic]) -> (FrontMatter, String) {
        split(text, file: file, kind: isIndex ? .course : .chapter, diagnostics: &diagnostics)
    }

    /// Whether `slug` may name a page: lowercase ASCII letters, digits and `-`, at least one of them.
    static func isValidSlug(_ slug: String) -> Bool {
        !slug.isEmpty && slug.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// Splits `text` into front matter and body.
    ///
    /// - Returns: the parsed front matter (empty when there is none) and the body,
    ///   in which the front matter's lines are blanked so that line numbers in the
    ///   body are the file's.
    static func split(_ text: String, file: String, kind: Kind, diagnostics: inout [Diagnostic]) -> (FrontMatter, String) {
        splitLines(text, file: file, kind: kind, diagnostics: &diagnostics)
    }

    /// ``split(_:file:kind:diagnostics:)``, reading only the front matter's lines, cut at `\n` bytes: in a file
    /// with Windows line endings `\r\n` is one `Character`, so a split at characters would find no lines.
    /// A line's trailing `\r` is trimmed with its other trailing whitespace.
    private static func splitLines(_ text: String, file: String, kind: Kind, diagnostics: inout [Diagnostic]) -> (FrontMatter, String) {
        let utf8 = text.utf8
        func lineEnd(_ start: String.Index) -> String.Index { utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex }
        let firstEnd = lineEnd(text.startIndex)
        guard text[..<firstEnd].trimmingTrailingWhitespace() == "---", firstEnd < text.endIndex else {
            if text[..<firstEnd].trimmingTrailingWhitespace() == "---" {
                diagnostics.append(.error("front matter opened with '---' is never closed",
                                          at: SourceLocation(file: file, line: 1, column: 1), length: 3,
                                          hint: "end the front matter with a line '---'"))
            }
            return (FrontMatter(), text)
        }
        let yamlStart = utf8.index(after: firstEnd)
        var start = yamlStart
        var end = 1
        while true {
            let stop = lineEnd(start)
            let line = text[start..<stop].trimmingTrailingWhitespace()
            if line == "---" || line == "..." {
                let yaml = start == yamlStart ? "" : String(text[yamlStart..<utf8.index(before: start)])
                let frontMatter = parse(yaml, file: file, firstLine: 2, kind: kind, diagnostics: &diagnostics)
                var body = String(repeating: "\n", count: end)
                body += text[stop...]
                return (frontMatter, body)
            }
            guard stop < text.endIndex else { break }
            start = utf8.index(after: stop)
            end += 1
        }
        diagnostics.append(.error("front matter opened with '---' is never closed",
                                  at: SourceLocation(file: file, line: 1, column: 1), length: 3,
                                  hint: "end the front matter with a line '---'"))
        return (FrontMatter(), text)
    }

    private static func parse(_ yaml: String, file: String, firstLine: Int, kind: Kind,
                              diagnostics: inout [Diagnostic]) -> FrontMatter {
        var result = FrontMatter()
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error, file: file, firstLine: firstLine))
            return result
        } catch {
            diagnostics.append(.error("front matter is not valid YAML: \(error)", at: SourceLocation(file: file, line: firstLine, column: 1)))
            return result
        }
        guard let node else { return result }
        guard case .mapping(let mapping) = node else {
            diagnostics.append(.error("front matter must be a mapping of keys to values",
                                      at: location(node.mark, file: file, firstLine: firstLine),
                                      hint: "write lines such as 'title: Momentum'"))
            return result
        }
        let known = kind.keys
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let at = location(keyNode.mark, file: file, firstLine: firstLine)
            let valueAt = location(value.mark, file: file, firstLine: firstLine)
            func text() -> String? {
                guard case .scalar(let scalar) = value else {
                    diagnostics.append(.error("'\(key)' must be text", at: valueAt))
                    return nil
                }
                return scalar.string
            }
            switch key {
            case "title" where known.contains(key): result.title = text()
            case "description" where known.contains(key): result.description = text()
            case "author" where known.contains(key): result.author = text()
            case "language" where known.contains(key):
                result.language = text()
                result.languageLocation = valueAt
            case "order" where known.contains(key):
                if let n = value.int { result.order = n } else {
                    diagnostics.append(.error("'order' must be a whole number", at: valueAt, hint: "for example 'order: 3'"))
                }
            case "slug" where known.contains(key):
                guard let slug = text() else { break }
                if isValidSlug(slug) {
                    result.slug = slug
                    result.slugLocation = valueAt
                } else {
                    let suggestion = HeadingSlugger.slugify(slug)
                    diagnostics.append(.error(
                        "slug '\(slug)' may hold only lowercase letters, digits and '-'", at: valueAt,
                        length: value.string.map { $0.unicodeScalars.count } ?? 1,
                        hint: isValidSlug(suggestion) ? "for example 'slug: \(suggestion)'" : "for example 'slug: gradient-descent'"))
                }
            case "draft" where known.contains(key):
                if let b = value.bool { result.draft = b } else {
                    diagnostics.append(.error("'draft' must be true or false", at: valueAt))
                }
            default:
                var message = "unknown front matter key '\(key)'"
                if let guess = Suggestion.closest(to: key, in: known) { message += "; did you mean '\(guess)'?" }
                diagnostics.append(Diagnostic(.warning, message, at: at, length: key.unicodeScalars.count,
                                              hint: "the keys are \(known.joined(separator: ", "))"))
            }
        }
        return result
    }

    private static func location(_ mark: Mark?, file: String, firstLine: Int) -> SourceLocation {
        guard let mark else { return SourceLocation(file: file, line: firstLine, column: 1) }
        return SourceLocation(file: file, line: firstLine + mark.line - 1, column: mark.column)
    }

    private static func diagnostic(for error: YamlError, file: String, firstLine: Int) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // libyaml says where it noticed the problem and, as context, what it was reading.
            let notes = context.map { [Diagnostic.note($0.text, at: location($0.mark, file: file, firstLine: firstLine))] } ?? []
            return .error("front matter is not valid YAML: \(problem)", at: location(mark, file: file, firstLine: firstLine),
                          hint: "front matter is YAML between two '---' lines, e.g. 'title: Momentum'", notes: notes)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error("front matter repeats the key\(duplicates.count == 1 ? "" : "s") \(duplicates.map { "'\($0)'" }.joined(separator: ", "))",
                          at: location(context.mark, file: file, firstLine: firstLine))
        default:
            return .error("front matter is not valid YAML: \(error)", at: SourceLocation(file: file, line: firstLine, column: 1))
        }
    }
}

extension Substring {
    func trimmingTrailingWhitespace() -> Substring {
        var s = self
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return s
    }
}
