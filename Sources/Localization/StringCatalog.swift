/// The words coursegen writes into a page, in one language: keyed messages with named
/// placeholders (`{name}`, `{count}`), plural forms, lists and sentence endings.
///
/// A catalog is data: the bundled ones are YAML (``BundledStrings``), an author's
/// `theme/strings.yml` overrides or adds to them (``StringCatalog/overriding(with:file:diagnostics:)``).
/// Renderers never hold a literal word; they ask ``current``, which the build binds to the
/// course's catalog while it renders a page.
public struct StringCatalog: Sendable {
    /// The language the messages are in.
    public let language: CatalogLanguage
    /// Key → message, every key of the language's bundled catalog.
    public private(set) var messages: [String: Message]
    /// The keys an author's strings replaced.
    public private(set) var authoredKeys: Set<String> = []

    /// Whether the author's strings replaced every message, so that every generated word is
    /// the author's, in the course's language, whatever the catalog's.
    public var isWhollyAuthored: Bool { !messages.isEmpty && authoredKeys.count == messages.count }

    /// One entry: a text, or one text per plural category.
    public enum Message: Hashable, Sendable {
        case text(String)
        case plural([PluralCategory: String])

        /// Every form's text, `other` last.
        var forms: [String] {
            switch self {
            case .text(let text): [text]
            case .plural(let forms): PluralCategory.allCases.compactMap { forms[$0] }
            }
        }
    }

    public init(language: CatalogLanguage, messages: [String: Message]) {
        self.language = language
        self.messages = messages
    }

    /// The catalog renderers use: bound by the build to the course's catalog while a page is
    /// rendered, English elsewhere (tests of one renderer, `coursegen run`).
    @TaskLocal public static var current: StringCatalog = .english

    /// The bundled English catalog.
    public static let english = BundledStrings.catalog(for: .english)

    /// The message `key` with its placeholders filled from `arguments`, as plain text.
    ///
    /// A key the catalog lacks is a mistake of coursegen itself (a test checks that every key a
    /// renderer names is in both catalogs); it reads as the English message, else as the key.
    public func text(_ key: String, _ arguments: KeyValuePairs<String, String> = [:]) -> String {
        language.tidy(Self.fill(template(key, count: nil), arguments))
    }

    /// The message `key` for `count` things: the plural form `count` takes in this language,
    /// with `{count}` and the other placeholders filled.
    public func text(_ key: String, count: Int, _ arguments: KeyValuePairs<String, String> = [:]) -> String {
        let filled = Self.fill(template(key, count: count), [("count", language.integer(count))] + arguments.map { ($0.key, $0.value) })
        return language.tidy(filled)
    }

    /// The message `key` as HTML: its own text escaped with `escape`, each placeholder
    /// replaced by the markup given for it (already escaped by the caller).
    public func html(_ key: String, _ markup: KeyValuePairs<String, String> = [:], escape: (String) -> String) -> String {
        let filled = Self.substitute(template(key, count: nil), literal: { escape(String($0)) }) { name in
            markup.first { $0.key == name }?.value
        }
        return language.tidy(filled)
    }

    /// `items` as the language lists them: "A, B and C", "A、B 和 C".
    public func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        case 2: return text("list.two", ["first": items[0], "second": items[1]])
        default:
            let head = items.dropLast().joined(separator: text("list.separator"))
            return text("list.last", ["rest": head, "last": items[items.count - 1]])
        }
    }

    /// `parts` joined by the language's semicolon ("; ", "；").
    public func clauses(_ parts: [String]) -> String {
        language.tidy(parts.joined(separator: text("punctuation.semicolon")))
    }

    /// `parts` joined by the language's comma (", ", "，").
    public func phrases(_ parts: [String]) -> String {
        language.tidy(parts.joined(separator: text("punctuation.comma")))
    }

    /// `text` ended as a sentence: the language's full stop appended, unless it already ends in
    /// sentence punctuation (`.`, `!`, `?`, `…`, `。`, `！`, `？`), so "学习率。" never becomes "学习率。.".
    public func sentence(_ text: String) -> String {
        let trimmed = text.trimmingTrailingSpaces
        guard let last = trimmed.last else { return trimmed }
        if Self.sentenceEnds.contains(last) { return trimmed }
        return trimmed + self.text("punctuation.fullStop")
    }

    /// Sentences joined as the language writes them: with a space in English, without in Chinese.
    public func sentences(_ parts: [String]) -> String {
        language.tidy(parts.filter { !$0.isEmpty }.joined(separator: " "))
    }

    static let sentenceEnds: Set<Character> = [".", "!", "?", "…", "。", "！", "？", "．"]

    /// The message `key` unfilled, in the form `count` takes (`other` without a count).
    public func template(_ key: String, count: Int? = nil) -> String {
        guard let message = messages[key] ?? Self.englishMessage(key) else { return key }
        switch message {
        case .text(let text): return text
        case .plural(let forms):
            let category = count.map(language.pluralRule.category) ?? .other
            return forms[category] ?? forms[.other] ?? forms.values.sorted().first ?? key
        }
    }

    private static func englishMessage(_ key: String) -> Message? {
        BundledStrings.englishMessages[key]
    }

    /// `template` with each `{name}` replaced by its value in one pass (a value holding braces
    /// is not filled in again); unknown names stay as written.
    public static func fill(_ template: String, _ values: some Sequence<(key: String, value: String)>) -> String {
        let values = Array(values)
        return substitute(template, literal: String.init) { name in values.first { $0.key == name }?.value }
    }

    /// `template` with each literal run passed through `literal` and each `{name}` replaced by
    /// `placeholder(name)`, or kept as a literal when that is nil; one pass, left to right.
    private static func substitute(
        _ template: String, literal: (Substring) -> String, placeholder: (Substring) -> String?
    ) -> String {
        var out = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += literal(rest[..<open])
            out += placeholder(rest[rest.index(after: open)..<close]) ?? literal(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return out + literal(rest)
    }

    static func fill(_ template: String, _ values: KeyValuePairs<String, String>) -> String {
        fill(template, values.map { (key: $0.key, value: $0.value) })
    }

    /// The names of the placeholders of `text`, in order of first appearance.
    public static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = String(rest[rest.index(after: open)..<close])
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber }), !names.contains(name) { names.append(name) }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// Every key, sorted.
    public var keys: [String] { messages.keys.sorted() }

    /// This catalog with `defaults` added where it has no message of its own (the English
    /// method texts, which live beside each method's formula).
    public func adding(defaults: [String: Message]) -> StringCatalog {
        var copy = self
        copy.messages.merge(defaults) { own, _ in own }
        return copy
    }

    /// This catalog with `messages`, the author's, replacing or adding entries.
    public func replacing(with messages: [String: Message]) -> StringCatalog {
        var copy = self
        copy.messages.merge(messages) { _, new in new }
        copy.authoredKeys.formUnion(messages.keys)
        return copy
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
