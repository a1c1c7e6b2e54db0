import CourseDiagnostics

/// Reads the BibTeX subset of `references.bib`: `@article`, `@book`, `@inproceedings`,
/// `@misc` and `@online` entries (other standard types are read as `misc`, with a warning),
/// `%` comments between entries,
/// fields in braces (nested), in quotes, numbers or `@string` macros, joined with `#`;
/// `@string`, `@comment` and `@preamble`; text between entries is a comment, as in BibTeX.
/// Every problem is collected with its line and column, and parsing goes on at the next `@`.
public struct BibTeXParser {
    public var file: String

    public init(file: String) { self.file = file }

    /// The types BibTeX and biblatex know that coursegen reads as `misc`.
    public static let typesReadAsMisc: Set<String> = [
        "phdthesis", "mastersthesis", "thesis", "techreport", "report", "incollection", "inbook", "booklet",
        "manual", "unpublished", "proceedings", "collection", "software", "dataset", "electronic", "www",
    ]
    /// Other names of supported types.
    static let aliases: [String: BibEntry.Kind] = ["conference": .inproceedings, "webpage": .online]

    /// Required fields per type; `author|editor` is satisfied by either.
    public static let required: [BibEntry.Kind: [String]] = [
        .article: ["author", "title", "journal", "year"],
        .book: ["author|editor", "title", "year"],
        .inproceedings: ["author", "title", "booktitle", "year"],
        .misc: ["title"],
        .online: ["title", "url"],
    ]

    private static let months = [
        "jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May", "jun": "June",
        "jul": "July", "aug": "August", "sep": "September", "oct": "October", "nov": "November", "dec": "December",
    ]

    public func parse(_ text: String, diagnostics: inout [Diagnostic]) -> [BibEntry] {
        var scanner = Scanner(Array(text.unicodeScalars))
        var macros = Self.months
        var entries: [BibEntry] = []
        var seen: [String: BibEntry] = [:]
        while scanner.skipToEntry() {
            let at = location(scanner)
            scanner.advance()
            scanner.skipSpace()
            let typeName = scanner.word().lowercased()
            scanner.skipSpace()
            guard let open = scanner.peek, open == "{" || open == "(" else {
                diagnostics.append(.error(
                    typeName.isEmpty ? "'@' starts no entry" : "'@\(typeName)' is not followed by '{'",
                    at: at, hint: "an entry reads '@article{key, author = {…}, …}'; write '@' elsewhere only in a field or a comment"))
                continue
            }
            let close: Unicode.Scalar = open == "{" ? "}" : ")"
            scanner.advance()
            switch typeName {
            case "comment":
                _ = scanner.skipBalanced(close: close)
                continue
            case "preamble":
                guard scanner.skipBalanced(close: close) else { diagnostics.append(unterminated("@preamble", at: at)); return entries }
                continue
            case "string":
                scanner.skipSpace()
                let nameAt = location(scanner)
                let name = scanner.word().lowercased()
                scanner.skipSpace()
                guard !name.isEmpty, scanner.peek == "=" else {
                    diagnostics.append(.error("@string needs 'name = value'", at: nameAt,
                                              hint: "e.g. @string{jmlr = {Journal of Machine Learning Research}}"))
                    _ = scanner.skipBalanced(close: close)
                    continue
                }
                scanner.advance()
                guard let value = self.value(&scanner, macros: macros, diagnostics: &diagnostics) else {
                    _ = scanner.skipBalanced(close: close)
                    continue
                }
                macros[name] = value
                scanner.skipSpace()
                if scanner.peek == close { scanner.advance() } else {
                    diagnostics.append(unterminated("@string", at: at))
                    return entries
                }
                continue
            default: break
            }
            var kind: BibEntry.Kind? = BibEntry.Kind(rawValue: typeName) ?? Self.aliases[typeName]
            if kind == nil {
                if Self.typesReadAsMisc.contains(typeName) {
                    diagnostics.append(Diagnostic(
                        .warning, "'@\(typeName)' is read as '@misc'", at: at, length: typeName.count + 1,
                        hint: "coursegen formats \(Self.supportedList); write 'howpublished' for what the reference list should say"))
                    kind = .misc
                } else {
                    let known = BibEntry.Kind.allCases.map(\.rawValue) + Self.typesReadAsMisc.sorted()
                    let guess = Suggestion.closest(to: typeName, in: known).map { "did you mean '@\($0)'? " } ?? ""
                    diagnostics.append(.error(
                        "unknown entry type '@\(typeName)'", at: at, length: typeName.count + 1,
                        hint: guess + "the supported types are \(Self.supportedList)"))
                }
            }
            scanner.skipSpace()
            let keyAt = location(scanner)
            let key = scanner.key()
            scanner.skipSpace()
            guard !key.isEmpty, scanner.peek == "," || scanner.peek == close else {
                if scanner.atEnd { diagnostics.append(unterminated("@\(typeName)", at: at)); return entries }
                diagnostics.append(.error("entry has no key", at: keyAt,
                                          hint: "an entry starts with its key and a comma: '@\(typeName){kingma2015, …'"))
                _ = scanner.skipBalanced(close: close)
                continue
            }
            var fields: [String: String] = [:]
            var fieldLocations: [String: SourceLocation] = [:]
            var terminated = false
            var broken = false
            while !scanner.atEnd {
                scanner.skipSpace()
                if scanner.peek == close { scanner.advance(); terminated = true; break }
                if scanner.peek == "," { scanner.advance(); continue }
                if scanner.peek == "@" { break }  // the next entry: this one lacks its closing brace
                let fieldAt = location(scanner)
                let name = scanner.word().lowercased()
                scanner.skipSpace()
                guard !name.isEmpty, scanner.peek == "=" else {
                    diagnostics.append(.error(
                        name.isEmpty ? "expected a field name" : "field '\(name)' has no '='", at: fieldAt,
                        hint: "a field reads 'title = {Adam: A Method for Stochastic Optimization},'"))
                    broken = true
                    terminated = scanner.skipBalanced(close: close)
                    break
                }
                scanner.advance()
                guard let value = self.value(&scanner, macros: macros, diagnostics: &diagnostics) else {
                    broken = true
                    terminated = scanner.skipBalanced(close: close)
                    break
                }
                if let first = fieldLocations[name] {
                    diagnostics.append(Diagnostic(.warning, "field '\(name)' is given twice; the first is kept", at: fieldAt,
                                                  length: name.count, hint: nil,
                                                  notes: [.note("first given here", at: first)]))
                    continue
                }
                fields[name] = value
                fieldLocations[name] = fieldAt
            }
            guard terminated else {
                diagnostics.append(unterminated("@\(typeName){\(key)", at: at))
                if scanner.atEnd { return entries }
                continue
            }
            guard let kind, !broken else { continue }
            let entry = BibEntry(kind: kind, key: key, fields: fields, location: at, keyLocation: keyAt)
            if !key.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || "_:.-/".unicodeScalars.contains($0)) })
                || !(key.unicodeScalars.first.map { $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" } ?? false) {
                diagnostics.append(.error(
                    "key '\(key)' cannot be cited", at: keyAt, length: key.count,
                    hint: "a key is ASCII letters, digits and '_', with ':', '.', '-' or '/' inside, e.g. 'kingma2015'"))
                continue
            }
            if let first = seen[key.lowercased()] {
                diagnostics.append(Diagnostic(
                    .error, "duplicate key '\(key)'", at: keyAt, length: key.count,
                    hint: "give each entry its own key, e.g. '\(key)b'",
                    notes: [.note("'\(first.key)' is first defined here", at: first.keyLocation)]))
                continue
            }
            for requirement in Self.required[kind] ?? [] {
                let names = requirement.split(separator: "|").map(String.init)
                guard !names.contains(where: { entry.text($0) != nil || ($0 == "year" && entry.year != nil) }) else { continue }
                diagnostics.append(.error(
                    "@\(kind.rawValue){\(key)} has no \(names.map { "'\($0)'" }.joined(separator: " or "))", at: keyAt, length: key.count,
                    hint: "the fields an @\(kind.rawValue) needs are \((Self.required[kind] ?? []).map { $0.replacing("|", with: " or ") }.joined(separator: ", "))"))
            }
            seen[key.lowercased()] = entry
            entries.append(entry)
        }
        return entries
    }

    static var supportedList: String { BibEntry.Kind.allCases.map { "@" + $0.rawValue }.joined(separator: ", ") }

    private func unterminated(_ what: String, at location: SourceLocation) -> Diagnostic {
        .error("unterminated entry '\(what)'", at: location,
               hint: "close the entry with '}'; every '{' inside a field needs its '}'")
    }

    private func location(_ scanner: Scanner) -> SourceLocation {
        SourceLocation(file: file, line: scanner.line, column: scanner.column)
    }

    /// A field's value: pieces joined by `#`, each `{…}`, `"…"`, a number or a macro's name.
    private func value(_ scanner: inout Scanner, macros: [String: String], diagnostics: inout [Diagnostic]) -> String? {
        var out = ""
        while true {
            scanner.skipSpace()
            let at = location(scanner)
            switch scanner.peek {
            case "{":
                scanner.advance()
                guard let body = scanner.braced(until: "}") else {
                    // At the file's end or the next entry, the entry reports itself unterminated.
                    if !scanner.atEnd, scanner.peek != "@" {
                        diagnostics.append(.error("unbalanced braces in a field", at: at, hint: "every '{' needs its '}'"))
                    }
                    return nil
                }
                out += body
            case "\"":
                scanner.advance()
                guard let body = scanner.braced(until: "\"") else {
                    if !scanner.atEnd, scanner.peek != "@" {
                        diagnostics.append(.error("unbalanced braces in a quoted field", at: at, hint: "every '{' needs its '}'"))
                    }
                    return nil
                }
                out += body
            case let s? where s.properties.numericType != nil:
                out += scanner.word()
            case let s? where s.properties.isAlphabetic:
                let name = scanner.word()
                guard let macro = macros[name.lowercased()] else {
                    let guess = Suggestion.closest(to: name.lowercased(), in: macros.keys.sorted()).map { "did you mean '\($0)'? " } ?? ""
                    diagnostics.append(.error("unknown @string '\(name)'", at: at, length: name.count,
                                              hint: guess + "define it with @string{\(name) = {…}}, or put the value in braces"))
                    return nil
                }
                out += macro
            default:
                diagnostics.append(.error("expected a value in braces or quotes", at: at,
                                          hint: "a field reads 'title = {…}' or 'title = \"…\"'"))
                return nil
            }
            scanner.skipSpace()
            guard scanner.peek == "#" else { return out }
            scanner.advance()
        }
    }
}

/// Unicode scalars with a 1-based line and column.
struct Scanner {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private(set) var line = 1
    private(set) var column = 1

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    var atEnd: Bool { index >= scalars.count }
    var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    mutating func advance() {
        guard index < scalars.count else { return }
        if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
        index += 1
    }

    /// Moves to the next `@` outside a `%` comment line; false at the end.
    mutating func skipToEntry() -> Bool {
        while let s = peek, s != "@" {
            if s == "%" { while let c = peek, c != "\n" { advance() } } else { advance() }
        }
        return !atEnd
    }

    mutating func skipSpace() {
        while let s = peek, s.properties.isWhitespace { advance() }
    }

    /// Letters, digits and `_-:.+/` (type names, field names, macros).
    mutating func word() -> String {
        var out = ""
        while let s = peek, s.properties.isAlphabetic || s.properties.numericType != nil || "_-:.+/".unicodeScalars.contains(s) {
            out.unicodeScalars.append(s)
            advance()
        }
        return out
    }

    /// A key: anything up to a comma, space or brace.
    mutating func key() -> String {
        var out = ""
        while let s = peek, !s.properties.isWhitespace, !",{}()=\"#@".unicodeScalars.contains(s) {
            out.unicodeScalars.append(s)
            advance()
        }
        return out
    }

    /// The text up to `end` at brace depth 0 (the end consumed), nested braces kept; nil at the end of the file.
    mutating func braced(until end: Unicode.Scalar) -> String? {
        var depth = 0
        var out = ""
        while let s = peek {
            if s == end, depth == 0 { advance(); return out }
            if s == "{" { depth += 1 }
            if s == "}" {
                depth -= 1
                if depth < 0 { return nil }
            }
            // A closing brace or a new entry at the start of a line means the field was never closed.
            if s == "@", column == 1, depth > 0 || end == "\"" { return nil }
            out.unicodeScalars.append(s)
            advance()
        }
        return nil
    }

    /// Skips to the `close` that ends the current entry; false at the end of the file.
    mutating func skipBalanced(close: Unicode.Scalar) -> Bool {
        var depth = 0
        while let s = peek {
            if s == "{" { depth += 1 }
            if s == "}" { if depth == 0, close == "}" { advance(); return true }; depth -= 1 }
            if s == close, depth == 0 { advance(); return true }
            if s == "@", column == 1 { return false }
            advance()
        }
        return false
    }
}
