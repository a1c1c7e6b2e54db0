import CourseDiagnostics
import CourseTestSupport
import Localization
import Testing

@Suite struct StringCatalogTests {
    static let chinese = BundledStrings.catalog(for: CatalogLanguage.serving("zh")!)

    @Test func placeholdersAreNamedInBraces() {
        #expect(StringCatalog.placeholders(in: "{label} at step {step}, {label}; {not a name}") == ["label", "step"])
    }

    @Test func messagesFillTheirPlaceholders() {
        #expect(StringCatalog.english.text("figure.diverged", ["label": "SGD", "step": "7"]) == "SGD diverged at step 7 ↗")
        #expect(Self.chinese.text("page.chapterNumber", ["number": "3"]) == "第 3 章")
        // A value holding braces is not filled in again.
        #expect(StringCatalog.english.text("page.chapterNumber", ["number": "{number}"]) == "Chapter {number}")
    }

    @Test(arguments: [(0, "0 steps"), (1, "1 step"), (2, "2 steps"), (1000, "1000 steps")])
    func englishHasOneAndOther(count: Int, expected: String) {
        #expect(StringCatalog.english.text("count.steps", count: count) == expected)
    }

    @Test func chineseHasOnlyOther() {
        #expect(Self.chinese.text("count.steps", count: 1) == "1 步")
        #expect(Self.chinese.text("count.steps", count: 30) == "30 步")
        #expect(PluralRule.otherOnly.categories == [.other])
    }

    @Test func listsAreWrittenAsEachLanguageWritesThem() {
        #expect(StringCatalog.english.list(["A", "B", "C"]) == "A, B and C")
        #expect(StringCatalog.english.list(["A", "B"]) == "A and B")
        #expect(Self.chinese.list(["A", "B", "C"]) == "A、B 和 C")
        // No space between Chinese words: 动量法和 Adam, not 动量法 和 Adam.
        #expect(Self.chinese.list(["随机梯度下降", "动量法", "Adam"]) == "随机梯度下降、动量法和 Adam")
        #expect(Self.chinese.list(["动量法", "随机梯度下降"]) == "动量法和随机梯度下降")
    }

    @Test(arguments: [
        ("Four optimizers", "Four optimizers."), ("Why?", "Why?"), ("Done.", "Done."), ("学习率。", "学习率。"),
        ("学习率！", "学习率！"), ("学习率？", "学习率？"), ("等等…", "等等…"),
    ])
    func englishSentencesEndOnce(text: String, expected: String) {
        #expect(StringCatalog.english.sentence(text) == expected)
    }

    @Test func chineseSentencesEndWithAFullWidthStop() {
        #expect(Self.chinese.sentence("细长的碗") == "细长的碗。")
        #expect(Self.chinese.sentence("细长的碗。") == "细长的碗。")
        #expect(Self.chinese.sentence("Adam?") == "Adam?")
        #expect(Self.chinese.sentences(["第一句。", "第二句。"]) == "第一句。第二句。")
        #expect(StringCatalog.english.sentences(["One.", "Two."]) == "One. Two.")
    }

    @Test(arguments: [
        ("zh", "zh-Hans"), ("zh-CN", "zh-Hans"), ("zh_cn", "zh-Hans"), ("ZH-HANS", "zh-Hans"), ("zh-SG", "zh-Hans"),
        ("zh-Hans-CN", "zh-Hans"), ("en", "en"), ("en-GB", "en"), ("EN_us", "en"), ("", "en"),
    ])
    func courseLanguagesPickTheirStrings(language: String, tag: String) {
        #expect(CatalogLanguage.serving(language)?.tag == tag)
    }

    @Test(arguments: ["fr", "de-DE", "zh-TW", "zh-Hant", "zh-HK", "english", "eng"])
    func otherLanguagesHaveNoStrings(language: String) {
        #expect(CatalogLanguage.serving(language) == nil)
    }

    // MARK: - An author's strings

    private func override(_ marked: String, in catalog: StringCatalog = .english) -> (StringCatalog, [Diagnostic], MarkedText) {
        let text = MarkedText(marked)
        var diagnostics: [Diagnostic] = []
        let result = catalog.overriding(withYAML: text.text, file: "strings.yml", diagnostics: &diagnostics)
        return (result, diagnostics, text)
    }

    private func expectOne(_ diagnostics: [Diagnostic], _ message: String, at position: (line: Int, column: Int), hint: String? = nil,
                           sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(diagnostics.count == 1, "\(diagnostics)", sourceLocation: sourceLocation)
        guard let diagnostic = diagnostics.first else { return }
        #expect(diagnostic.severity == .error, sourceLocation: sourceLocation)
        #expect(diagnostic.message == message, sourceLocation: sourceLocation)
        #expect(diagnostic.location == CourseDiagnostics.SourceLocation(file: "strings.yml", line: position.line, column: position.column),
                sourceLocation: sourceLocation)
        if let hint { #expect(diagnostic.hint?.contains(hint) == true, "\(diagnostic.hint ?? "")", sourceLocation: sourceLocation) }
    }

    @Test func anAuthorReplacesAndKeepsTheRest() {
        let (catalog, diagnostics, _) = override("page.onThisPage: \"Contents\"\ncount.steps:\n  one: \"a single step\"\n  other: \"{count} steps\"\n")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(catalog.text("page.onThisPage") == "Contents")
        #expect(catalog.text("count.steps", count: 1) == "a single step")
        #expect(catalog.text("page.previous") == "Previous")
        #expect(catalog.authoredKeys == ["page.onThisPage", "count.steps"])
        #expect(!catalog.isWhollyAuthored)
    }

    @Test func anUnknownKeyIsAnErrorWithTheClosestKey() {
        let (catalog, diagnostics, text) = override("page.next: \"Onward\"\n1️⃣page.onThisPag: \"Contents\"\n")
        expectOne(diagnostics, "no string is called 'page.onThisPag'", at: text["1️⃣"], hint: "did you mean 'page.onThisPage'?")
        #expect(catalog.text("page.next") == "Onward")
    }

    @Test func aMissingPlaceholderIsAnError() {
        let (catalog, diagnostics, text) = override("figure.diverged: 1️⃣\"{label} diverged\"\n")
        expectOne(diagnostics, "'figure.diverged' leaves out the placeholder {step}", at: text["1️⃣"], hint: "{step}")
        #expect(catalog.text("figure.diverged", ["label": "A", "step": "3"]) == "A diverged at step 3 ↗")
    }

    @Test func anUnknownPlaceholderIsAnError() {
        let (_, diagnostics, text) = override("page.chapterNumber: 1️⃣\"Chapter {numbr}\"\n")
        #expect(diagnostics.count == 2, "\(diagnostics)")
        #expect(diagnostics.map(\.message) == [
            "'page.chapterNumber' has an unknown placeholder {numbr}", "'page.chapterNumber' leaves out the placeholder {number}",
        ])
        #expect(diagnostics.allSatisfy { $0.location?.line == text["1️⃣"].line && $0.location?.column == text["1️⃣"].column })
        #expect(diagnostics[0].hint == "its placeholders are {number}")
    }

    @Test(arguments: ["12", "true", "~", "[a, b]"])
    func aValueThatIsNotTextIsAnError(value: String) {
        let (_, diagnostics, text) = override("page.next: 1️⃣\(value)\n")
        expectOne(diagnostics, "'page.next' must be text", at: text["1️⃣"], hint: "quotes")
    }

    @Test func pluralFormsFollowTheLanguage() {
        let (_, english, englishText) = override("count.steps:\n  one: \"{count} step\"\n  1️⃣few: \"{count} steps\"\n  other: \"{count} steps\"\n")
        expectOne(english, "'count.steps' has a 'few' form, which en does not use", at: englishText["1️⃣"], hint: "one, other")
        let (_, chinese, _) = override("count.steps:\n  one: \"{count} 步\"\n  other: \"{count} 步\"\n", in: Self.chinese)
        #expect(chinese.map(\.message) == ["'count.steps' has a 'one' form, which zh-Hans does not use"])
        let (_, noOther, _) = override("count.steps:\n  one: \"{count} step\"\n")
        #expect(noOther.map(\.message) == ["'count.steps' needs an 'other' form"])
        let (_, notPlural, _) = override("page.next:\n  one: \"Next\"\n  other: \"Next\"\n")
        #expect(notPlural.map(\.message) == ["'page.next' has no plural forms; it must be text"])
        let (_, badCategory, badText) = override("count.steps:\n  1️⃣othr: \"{count} steps\"\n")
        expectOne(badCategory, "'othr' is not a plural category", at: badText["1️⃣"], hint: "did you mean 'other'?")
    }

    @Test func textThatIsNotYAMLIsAnError() {
        let (_, diagnostics, _) = override("page.next: \"unclosed\n")
        #expect(diagnostics.count == 1 && diagnostics[0].message.hasPrefix("the strings are not valid YAML"), "\(diagnostics)")
        let (_, list, _) = override("- page.next\n")
        #expect(list.map(\.message) == ["the strings must be a mapping of keys to text"])
        let (_, repeated, _) = override("page.next: \"a\"\npage.next: \"b\"\n")
        #expect(repeated.map(\.message) == ["the strings repeat the key 'page.next'"])
    }
}
