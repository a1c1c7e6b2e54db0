import ExperimentPages
import Foundation
import Localization
import Testing

/// Every bundled language says everything English says, with the same blanks, and every key a
/// renderer names is in the catalogs.
@Suite struct StringCatalogParityTests {
    static let english = PageStrings.catalog(for: .english)

    @Test(arguments: CatalogLanguage.all.dropFirst().map(\.tag))
    func everyLanguageHasEnglishsKeysAndPlaceholders(tag: String) throws {
        let language = try #require(CatalogLanguage.all.first { $0.tag == tag })
        let other = BundledStrings.catalog(for: language)
        let englishKeys = Set(Self.english.keys), otherKeys = Set(other.keys)
        #expect(englishKeys.subtracting(otherKeys).sorted() == [], "keys \(tag) lacks")
        #expect(otherKeys.subtracting(englishKeys).sorted() == [], "keys only \(tag) has")
        for key in englishKeys.intersection(otherKeys).sorted() {
            let expected = Set(Self.placeholders(Self.english.messages[key]!))
            let found = Set(Self.placeholders(other.messages[key]!))
            #expect(found == expected, "\(tag) '\(key)': \(found.sorted()) instead of \(expected.sorted())")
            // Math in a method's condition is the same formula in every language.
            let englishMath = Self.math(Self.english.template(key)), otherMath = Self.math(other.template(key))
            #expect(otherMath == englishMath, "\(tag) '\(key)' changes its formulas")
        }
    }

    @Test func everyPluralMessageHasTheFormsOfItsLanguage() {
        for language in CatalogLanguage.all {
            let catalog = PageStrings.catalog(for: language)
            for key in catalog.keys {
                guard case .plural(let forms) = catalog.messages[key]! else { continue }
                #expect(Set(forms.keys) == Set(language.pluralRule.categories), "\(language.tag) '\(key)'")
            }
        }
    }

    /// Every `Words.text("…")`, `strings.text("…")` and `Words.html("…")` in the renderers names a
    /// key of the English catalog, so no page shows a bare key.
    @Test func everyKeyARendererNamesExists() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources")
        var named: Set<String> = []
        for folder in ["ExperimentPages", "CourseSite"] {
            let enumerator = FileManager.default.enumerator(atPath: sources.appendingPathComponent(folder).path)
            while let file = enumerator?.nextObject() as? String {
                guard file.hasSuffix(".swift") else { continue }
                let text = try String(contentsOf: sources.appendingPathComponent(folder).appendingPathComponent(file), encoding: .utf8)
                for match in text.matches(of: /(?:text|html|template)\(\s*"([a-zA-Z]+\.[a-zA-Z.]+)"/) { named.insert(String(match.1)) }
                for match in text.matches(of: /"((?:training|setup|average|activations|results|formulas|axis|figure|page|schedulePage|schedule|outcome|landscape|loss|table|dataset|initialization|count)\.[a-zA-Z]+)"/) {
                    named.insert(String(match.1))
                }
            }
        }
        #expect(named.count > 100, "found only \(named.count) keys: the pattern no longer matches the renderers")
        let missing = named.filter { Self.english.messages[$0] == nil }.sorted()
        #expect(missing == [], "keys named in the sources but not in the catalog")
    }

    static func placeholders(_ message: StringCatalog.Message) -> [String] {
        switch message {
        case .text(let text): StringCatalog.placeholders(in: text)
        case .plural(let forms): forms.values.flatMap(StringCatalog.placeholders(in:))
        }
    }

    static func math(_ text: String) -> [String] {
        text.split(separator: "$", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }.sorted()
    }
}
