import CourseDiagnostics
import CourseTestSupport
import Testing
@testable import ExperimentLanguage

/// Full-width and typographic look-alikes, as a Chinese input method types them: each is one
/// error naming the character, its code point and what to type, and the directive is then read
/// as if the ASCII character had been typed, so nothing else is reported.
@Suite struct LookAlikeTests {
    static let origin = SourceOrigin(file: "chapters/01-学习率.md", line: 10, columnOffset: 2)

    static func check(_ text: String) -> (Directive?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let directive = DirectiveParser.parse(text, origin: origin, diagnostics: &diagnostics)
        return (directive, diagnostics)
    }

    static let valid = """
        Experiment("动量法，学习率：0.1") {
            Objective(.rosenbrock)
            SGD(lr: 0.1, momentum: 0.9).label("“动量”（SGD）")
            Adam(lr: 0.01)
        }
        """

    @Test func theValidDirectiveChecks() {
        let (directive, diagnostics) = Self.check(Self.valid)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(directive != nil)
    }

    static func experiment(_ statement: String) -> String {
        "Experiment(\"学习率\") {\n    Objective(.rosenbrock)\n    \(statement)\n}"
    }

    static func average(_ statement: String) -> String {
        "Average(\"平均\") {\n    Series(.constant(10, noise: 1), samples: 50)\n    \(statement)\n}"
    }

    struct Case: CustomTestStringConvertible, Sendable {
        /// The look-alike, its name and code point as the message gives them, and its ASCII twin.
        let character: Character, name: String, codePoint: String, ascii: String
        /// A directive with the look-alike where the twin belongs; also holding `others`, look-alikes reported as well.
        let text: String
        var others: String = ""
        var testDescription: String { "\(name) \(character)" }
    }

    static let cases: [Case] = [
        Case(character: "，", name: "full-width comma", codePoint: "U+FF0C", ascii: ",", text: experiment("SGD(lr: 0.1， momentum: 0.9)")),
        Case(character: "、", name: "ideographic comma", codePoint: "U+3001", ascii: ",", text: experiment("SGD(lr: 0.1、 momentum: 0.9)")),
        Case(character: "（", name: "full-width left parenthesis", codePoint: "U+FF08", ascii: "(", text: experiment("SGD（lr: 0.1)")),
        Case(character: "）", name: "full-width right parenthesis", codePoint: "U+FF09", ascii: ")", text: experiment("SGD(lr: 0.1）")),
        Case(character: "：", name: "full-width colon", codePoint: "U+FF1A", ascii: ":", text: experiment("SGD(lr： 0.1)")),
        Case(character: "；", name: "full-width semicolon", codePoint: "U+FF1B", ascii: ";", text: experiment("SGD(lr: 0.1)； Adam(lr: 0.1)")),
        Case(character: "。", name: "ideographic full stop", codePoint: "U+3002", ascii: ".", text: experiment("SGD(lr: 0.1)。label(\"快\")")),
        Case(character: "．", name: "full-width full stop", codePoint: "U+FF0E", ascii: ".", text: experiment("SGD(lr: 0．1)")),
        Case(character: "“", name: "left double quotation mark", codePoint: "U+201C", ascii: "\"", text: experiment("SGD(lr: 0.1).label(“快\")")),
        Case(character: "”", name: "right double quotation mark", codePoint: "U+201D", ascii: "\"", text: experiment("SGD(lr: 0.1).label(“快”)"), others: "“"),
        Case(character: "‘", name: "left single quotation mark", codePoint: "U+2018", ascii: "\"", text: experiment("SGD(lr: 0.1).label(‘快\")")),
        Case(character: "’", name: "right single quotation mark", codePoint: "U+2019", ascii: "\"", text: experiment("SGD(lr: 0.1).label(‘快’)"), others: "‘"),
        Case(character: "＂", name: "full-width quotation mark", codePoint: "U+FF02", ascii: "\"", text: experiment("SGD(lr: 0.1).label(＂快\")")),
        Case(character: "「", name: "left corner bracket", codePoint: "U+300C", ascii: "\"", text: experiment("SGD(lr: 0.1).label(「快」)"), others: "」"),
        Case(character: "【", name: "left black lenticular bracket", codePoint: "U+3010", ascii: "[", text: average("WeightedAverage(weights: 【4, 3, 2, 1])")),
        Case(character: "】", name: "right black lenticular bracket", codePoint: "U+3011", ascii: "]", text: average("WeightedAverage(weights: [4, 3, 2, 1】)")),
        Case(character: "［", name: "full-width left square bracket", codePoint: "U+FF3B", ascii: "[", text: average("WeightedAverage(weights: ［4, 3, 2, 1])")),
        Case(character: "］", name: "full-width right square bracket", codePoint: "U+FF3D", ascii: "]", text: average("WeightedAverage(weights: [4, 3, 2, 1］)")),
        Case(character: "｛", name: "full-width left curly bracket", codePoint: "U+FF5B", ascii: "{", text: "Experiment(\"t\") ｛\n    Objective(.rosenbrock)\n    SGD(lr: 0.1)\n}"),
        Case(character: "｝", name: "full-width right curly bracket", codePoint: "U+FF5D", ascii: "}", text: "Experiment(\"t\") {\n    Objective(.rosenbrock)\n    SGD(lr: 0.1)\n｝"),
        Case(character: "＝", name: "full-width equals sign", codePoint: "U+FF1D", ascii: "=", text: "let rate ＝ 0.1\n" + experiment("SGD(lr: rate)")),
        Case(character: "－", name: "full-width hyphen-minus", codePoint: "U+FF0D", ascii: "-", text: experiment("Start(－1, 2)\n    SGD(lr: 0.1)")),
        Case(character: "＋", name: "full-width plus sign", codePoint: "U+FF0B", ascii: "+", text: experiment("SGD(lr: 0.05 ＋ 0.05)")),
        Case(character: "＊", name: "full-width asterisk", codePoint: "U+FF0A", ascii: "*", text: experiment("SGD(lr: 2 ＊ 0.05)")),
        Case(character: "／", name: "full-width solidus", codePoint: "U+FF0F", ascii: "/", text: experiment("SGD(lr: 1 ／ 10)")),
        Case(character: "＜", name: "full-width less-than sign", codePoint: "U+FF1C", ascii: "<", text: experiment("SGD(lr: 0.1 ＜ 1)")),
        Case(character: "＞", name: "full-width greater-than sign", codePoint: "U+FF1E", ascii: ">", text: experiment("SGD(lr: 0.1 ＞ 1)")),
        Case(character: "《", name: "left double angle bracket", codePoint: "U+300A", ascii: "<", text: experiment("SGD(lr: 0.1 《 1)")),
        Case(character: "！", name: "full-width exclamation mark", codePoint: "U+FF01", ascii: "!", text: experiment("SGD(lr: 0.1, nesterov: ！false)")),
        Case(character: "？", name: "full-width question mark", codePoint: "U+FF1F", ascii: "?", text: experiment("SGD(lr: 0.1？)")),
        Case(character: "０", name: "full-width digit zero", codePoint: "U+FF10", ascii: "0", text: experiment("SGD(lr: ０.1)")),
        Case(character: "９", name: "full-width digit nine", codePoint: "U+FF19", ascii: "9", text: experiment("SGD(lr: 0.1, momentum: 0.９)")),
        Case(character: "ｌ", name: "full-width latin small letter l", codePoint: "U+FF4C", ascii: "l", text: experiment("SGD(ｌr: 0.1)")),
        Case(character: "Ｓ", name: "full-width latin capital letter s", codePoint: "U+FF33", ascii: "S", text: experiment("ＳGD(lr: 0.1)")),
        Case(character: "\u{3000}", name: "ideographic space", codePoint: "U+3000", ascii: " ", text: experiment("SGD(lr:\u{3000}0.1)")),
    ]

    /// Each look-alike gives one error of its own, at its place, with its hint; everything else
    /// reported is exactly what the directive with the ASCII character typed gives (nothing,
    /// where that is valid: every case but `<`, `>`, `!`, `?`, which the language has no use for).
    @Test(arguments: cases)
    func oneErrorPerCharacterThenAsIfTypedInASCII(_ c: Case) throws {
        let lookAlikes = Set(String(c.character).unicodeScalars).union(c.others.unicodeScalars)
        let typed = String(String.UnicodeScalarView(c.text.unicodeScalars.map { lookAlikes.contains($0) ? LookAlike.ascii(for: $0)! : $0 }))
        let (_, asciiDiagnostics) = Self.check(typed)
        if !["<", ">", "!", "?"].contains(c.ascii) { #expect(asciiDiagnostics.isEmpty, "\(asciiDiagnostics.map(\.description))") }

        let (_, diagnostics) = Self.check(c.text)
        var expected: [CourseDiagnostics.SourceLocation] = []
        var line = 1, column = 1
        for scalar in c.text.unicodeScalars {
            if lookAlikes.contains(scalar) { expected.append(Self.origin.location(line: line, column: column)) }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        try #require(diagnostics.count == expected.count + asciiDiagnostics.count, "\(diagnostics.map(\.description))")
        let own = diagnostics.filter { $0.message.hasSuffix("in a directive") }
        #expect(own.map(\.location) == expected)
        #expect(diagnostics.filter { !$0.message.hasSuffix("in a directive") } == asciiDiagnostics)
        let first = try #require(own.first { $0.message.contains("'\(c.character)'") })
        #expect(first.message == "\(c.name) '\(c.character)' (\(c.codePoint)) in a directive")
        let shown = c.ascii == " " ? "a space ' '" : "'\(c.ascii)'"
        let asciiCode = "U+00" + String(c.ascii.unicodeScalars.first!.value, radix: 16, uppercase: true)
        #expect(first.hint?.hasPrefix("type \(shown) (\(asciiCode))") == true, "\(first.hint ?? "")")
        #expect(first.length == 1)
    }

    @Test func aFullWidthCommaBetweenArgumentsIsOneError() {
        let (_, diagnostics) = Self.check("""
            Experiment("t") {
                Objective(.rosenbrock)
                SGD(lr: 0.1，momentum: 0.9)
            }
            """)
        #expect(diagnostics.map(\.message) == ["full-width comma '，' (U+FF0C) in a directive"])
        #expect(diagnostics.first?.hint == "type ',' (U+002C)")
        #expect(diagnostics.first?.location == Self.origin.location(line: 3, column: 16))
    }

    /// `Experiment（“…”）`: four look-alikes, four errors, one per character, in order.
    @Test func fullWidthParenthesesAndCurlyQuotesAreFourErrors() {
        let (_, diagnostics) = Self.check("""
            Experiment（“学习率的选择”） {
                Objective(.rosenbrock)
                SGD(lr: 0.1)
            }
            """)
        #expect(diagnostics.map(\.message) == [
            "full-width left parenthesis '（' (U+FF08) in a directive",
            "left double quotation mark '“' (U+201C) in a directive",
            "right double quotation mark '”' (U+201D) in a directive",
            "full-width right parenthesis '）' (U+FF09) in a directive",
        ])
        #expect(diagnostics.map { $0.location?.column } == [11, 12, 19, 20].map { $0 + 2 })
    }

    /// Inside strings and comments every character is fine; a string opened with `"` may hold `”`.
    @Test func stringsAndCommentsMayHoldAnything() {
        let (directive, diagnostics) = Self.check("""
            // 学习率（lr）：0.1，动量：0.9。
            /* 注释 /* 嵌套，（） */ 。 */
            Experiment("《动量法》：“SGD”，‘Adam’；【对比】") {
                Objective(.rosenbrock)
                SGD(lr: 0.1).label("学习率＝0.1\\"，”")
            }
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        #expect(directive != nil)
    }

    @Test func printedWithTheCaretUnderTheCharacter() {
        let text = "Experiment(\"t\") {\n    Objective(.rosenbrock)\n    SGD(lr: 0.1，momentum: 0.9)\n}\n"
        let (_, diagnostics) = Self.check(text)
        let origin = Self.origin
        let file = String(repeating: "\n", count: origin.line - 1) + text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { "  " + $0 }.joined(separator: "\n")
        let output = DiagnosticPrinter(sources: { _ in file }).render(diagnostics)
        #expect(output == """
            chapters/01-学习率.md:12:18: error: full-width comma '，' (U+FF0C) in a directive
                      SGD(lr: 0.1，momentum: 0.9)
                                 ^~
            hint: type ',' (U+002C)

            """)
    }
}
