import TextFormatting

/// A language coursegen has strings for: its tag, the course languages it serves, its plural
/// rule and how its text is spaced.
///
/// Adding a language is a file `BundledStrings+<tag>.swift` holding its catalog and one line
/// in ``all``.
public struct CatalogLanguage: Hashable, Sendable {
    /// The BCP 47 tag the generated text is marked with (`en`, `zh-Hans`).
    public let tag: String
    /// The course `language` values it serves, lower case with `-`: a value matches when it
    /// equals one, or when it starts with one followed by `-` and the list holds the bare
    /// language (`en` serves `en-GB`).
    public let serves: [String]
    public let pluralRule: PluralRule
    /// Whether the language writes without spaces between its own characters (Chinese,
    /// Japanese): a space the catalog puts beside a placeholder is dropped when the value
    /// there begins or ends with such a character or with full-width punctuation.
    public let isUnspaced: Bool
    /// The catalog's YAML text.
    let yaml: String

    /// Every bundled language, English first (the fallback).
    public static let all: [CatalogLanguage] = [
        .english,
        CatalogLanguage(tag: "zh-Hans", serves: ["zh", "zh-cn", "zh-hans", "zh-sg", "zh-hans-cn", "zh-hans-sg", "cmn-hans"],
                        pluralRule: .otherOnly, isUnspaced: true, yaml: BundledStrings.simplifiedChinese),
    ]

    public static let english = CatalogLanguage(tag: "en", serves: ["en"], pluralRule: .oneOther, isUnspaced: false, yaml: BundledStrings.english)

    /// The language for a course's `language` setting (`zh-CN`, `zh_hans`, `en-GB`), or nil
    /// when coursegen has no strings for it.
    public static func serving(_ courseLanguage: String) -> CatalogLanguage? {
        let normalized = courseLanguage.trimmingCharacters(in: " \t").lowercased().replacingOccurrences(of: "_", with: "-")
        guard !normalized.isEmpty else { return .english }
        // The longest match wins, so a specific entry (`zh-hant`, should one be added) beats `zh`.
        var best: (CatalogLanguage, Int)?
        for language in all {
            for served in language.serves where normalized == served || normalized.hasPrefix(served + "-") && !served.contains("-") {
                if best == nil || served.count > best!.1 { best = (language, served.count) }
            }
        }
        // `zh-Hant` and `zh-TW` are Traditional Chinese: not served by Simplified strings.
        if let (language, _) = best, language.tag == "zh-Hans", ["zh-hant", "zh-tw", "zh-hk", "zh-mo"].contains(where: { normalized == $0 || normalized.hasPrefix($0 + "-") }) {
            return nil
        }
        return best?.0
    }

    /// An integer as this language writes it in prose.
    func integer(_ n: Int) -> String { String(n) }

    /// Text spaced as the language spaces it: in an unspaced language, a space beside a
    /// full-width character or punctuation mark, or between two Han characters, is dropped.
    func tidy(_ text: String) -> String {
        isUnspaced ? EastAsianSpacing.tidy(text) : text
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text.removeFirst() }
        while let last = text.last, set.contains(last) { text.removeLast() }
        return String(text)
    }

    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
