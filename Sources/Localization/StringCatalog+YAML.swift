import CourseDiagnostics
import Yams

extension StringCatalog {
    /// The catalog of a bundled YAML text; a malformed bundled catalog is a bug of coursegen,
    /// which the catalog tests catch.
    static func bundled(_ language: CatalogLanguage) -> StringCatalog {
        var diagnostics: [Diagnostic] = []
        let entries = Self.entries(ofYAML: language.yaml, file: "BundledStrings(\(language.tag))", diagnostics: &diagnostics)
        precondition(diagnostics.isEmpty, "bundled strings of \(language.tag) do not parse: \(diagnostics)")
        var messages: [String: Message] = [:]
        for entry in entries {
            guard let message = entry.message else { continue }
            messages[entry.key] = message
        }
        return StringCatalog(language: language, messages: messages)
    }

    /// This catalog with an author's `theme/strings.yml` applied: each entry replaces the
    /// message of its key. Every problem is an error at its line and column: text that is not
    /// YAML, a key the catalog does not have (with the closest key as a hint), a value that is
    /// not text, a plural form the language does not use, a placeholder missing or unknown.
    public func overriding(withYAML text: String, file: String, diagnostics: inout [Diagnostic]) -> StringCatalog {
        let entries = Self.entries(ofYAML: text, file: file, diagnostics: &diagnostics)
        var replaced: [String: Message] = [:]
        for entry in entries {
            guard let own = messages[entry.key] else {
                let suggestion = Suggestion.closest(to: entry.key, in: keys)
                diagnostics.append(.error(
                    "no string is called '\(entry.key)'", at: entry.keyLocation, length: entry.key.count,
                    hint: suggestion.map { "did you mean '\($0)'? The keys are listed in coursegen's Sources/Localization/BundledStrings+en.swift" }
                        ?? "the keys are listed in coursegen's Sources/Localization/BundledStrings+en.swift"))
                continue
            }
            guard let message = entry.message else { continue }
            if check(message, against: own, key: entry.key, at: entry.valueLocation, forms: entry.formLocations, diagnostics: &diagnostics) {
                replaced[entry.key] = message
            }
        }
        return replacing(with: replaced)
    }

    /// Whether `message` may replace `own`: the same kind (text, or forms of this language's
    /// plural categories) and exactly its placeholders.
    private func check(
        _ message: Message, against own: Message, key: String, at location: SourceLocation,
        forms formLocations: [PluralCategory: SourceLocation], diagnostics: inout [Diagnostic]
    ) -> Bool {
        let expected = Set(own.forms.flatMap(Self.placeholders(in:)))
        var forms: [(PluralCategory?, String)] = []
        switch (message, own) {
        case (.text(let text), .text):
            forms = [(nil, text)]
        case (.text(let text), .plural):
            forms = [(.other, text)]
        case (.plural, .text):
            diagnostics.append(.error(
                "'\(key)' has no plural forms; it must be text", at: location,
                hint: "write it as one quoted text, e.g. \(key): \"…\""))
            return false
        case (.plural(let given), .plural):
            let allowed = language.pluralRule.categories
            for category in given.keys.sorted() where !allowed.contains(category) {
                diagnostics.append(.error(
                    "'\(key)' has a '\(category.rawValue)' form, which \(language.tag) does not use", at: formLocations[category] ?? location,
                    length: category.rawValue.count,
                    hint: "the plural forms of \(language.tag) are \(allowed.map(\.rawValue).joined(separator: ", "))"))
                return false
            }
            guard given[.other] != nil else {
                diagnostics.append(.error("'\(key)' needs an 'other' form", at: location,
                                          hint: "'other' is the form of every count no other category takes"))
                return false
            }
            forms = given.keys.sorted().map { ($0, given[$0]!) }
        }
        var ok = true
        for (category, text) in forms {
            let found = Self.placeholders(in: text)
            let place = category.map { "the '\($0.rawValue)' form of '\(key)'" } ?? "'\(key)'"
            for name in found where !expected.contains(name) {
                let known = expected.sorted().map { "{\($0)}" }.joined(separator: ", ")
                diagnostics.append(.error(
                    "\(place) has an unknown placeholder {\(name)}", at: location,
                    hint: expected.isEmpty ? "this string takes no placeholders" : "its placeholders are \(known)"))
                ok = false
            }
            // The count may go unsaid in a form that only one count takes ("one step").
            let required = expected.filter { !(($0 == "count") && category != nil && category != .other) }
            for name in required.sorted() where !found.contains(name) {
                diagnostics.append(.error(
                    "\(place) leaves out the placeholder {\(name)}", at: location,
                    hint: "the generated text needs it: put {\(name)} where the value belongs"))
                ok = false
            }
        }
        return ok
    }

    struct Entry {
        var key: String
        var keyLocation: SourceLocation
        var valueLocation: SourceLocation
        /// Where each plural form's category is written.
        var formLocations: [PluralCategory: SourceLocation] = [:]
        /// Nil when the value was not text (and an error says so).
        var message: Message?
    }

    /// The entries of a catalog's YAML: a mapping of keys to text, or to a mapping of plural
    /// categories to text.
    static func entries(ofYAML text: String, file: String, diagnostics: inout [Diagnostic]) -> [Entry] {
        func location(_ mark: Mark?) -> SourceLocation {
            SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                diagnostics.append(.error("the strings are not valid YAML: \(problem)", at: location(mark), hint: Self.formatHint))
            case .duplicatedKeysInMapping(let duplicates, let context):
                diagnostics.append(.error(
                    "the strings repeat the key\(duplicates.count == 1 ? "" : "s") \(duplicates.map { "'\($0)'" }.joined(separator: ", "))",
                    at: location(context.mark), hint: "give each string once"))
            default:
                diagnostics.append(.error("the strings are not valid YAML: \(error)", at: location(nil), hint: Self.formatHint))
            }
            return []
        } catch {
            diagnostics.append(.error("the strings are not valid YAML: \(error)", at: location(nil), hint: Self.formatHint))
            return []
        }
        guard let root else { return [] }
        guard let mapping = root.mapping else {
            diagnostics.append(.error("the strings must be a mapping of keys to text", at: location(root.mark), hint: Self.formatHint))
            return []
        }
        var entries: [Entry] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                diagnostics.append(.error("a key of the strings must be text", at: location(keyNode.mark), hint: Self.formatHint))
                continue
            }
            var entry = Entry(key: key, keyLocation: location(keyNode.mark), valueLocation: location(value.mark))
            if let text = Self.text(value) {
                entry.message = .text(text)
            } else if let forms = value.mapping {
                var plural: [PluralCategory: String] = [:]
                var ok = true
                for (categoryNode, formNode) in forms {
                    let name = categoryNode.scalar?.string ?? ""
                    guard let category = PluralCategory(rawValue: name) else {
                        let suggestion = Suggestion.closest(to: name, in: PluralCategory.allCases.map(\.rawValue))
                        diagnostics.append(.error(
                            "'\(name)' is not a plural category", at: location(categoryNode.mark), length: max(1, name.count),
                            hint: (suggestion.map { "did you mean '\($0)'? " } ?? "") + "the categories are CLDR's: zero, one, two, few, many, other"))
                        ok = false
                        continue
                    }
                    guard let form = Self.text(formNode) else {
                        diagnostics.append(.error("the '\(name)' form of '\(key)' must be text", at: location(formNode.mark), hint: Self.quoteHint))
                        ok = false
                        continue
                    }
                    plural[category] = form
                    entry.formLocations[category] = location(categoryNode.mark)
                }
                if ok { entry.message = .plural(plural) }
            } else {
                diagnostics.append(.error("'\(key)' must be text", at: location(value.mark), hint: Self.quoteHint))
            }
            entries.append(entry)
        }
        return entries
    }

    /// A scalar's text, when it is text: a plain `12`, `true` or `~` is a number, a truth value
    /// or nothing to YAML, and has to be quoted to be a message.
    private static func text(_ node: Node) -> String? {
        guard let scalar = node.scalar else { return nil }
        if scalar.style == .plain, node.null != nil || node.bool != nil || node.int != nil || node.float != nil { return nil }
        return scalar.string
    }

    static let formatHint = "write one string per line, e.g. page.onThisPage: \"本页内容\""
    static let quoteHint = "put the text in quotes, e.g. \"第 {number} 章\""
}
