import CourseTestSupport
import Foundation
import SyntaxHighlighting
import Testing

/// Any input, in any language, yields well-formed HTML whose text is the
/// input, in time linear in its length.
@Suite struct RobustnessTests {
    static let languages = ["swift", "python", "bash", "console", "text"]

    /// Fragments that open and close every construct of the three languages.
    static let pieces: [String] = [
        "\"", "\"\"\"", "#\"", "\"#", "'", "'''", "\\(", "\\#(", ")", "(", "{", "}", "$(", "${", "$", "`", "/*", "*/", "//",
        "#", "@", "f\"", "rb'", "<<EOF\n", "EOF\n", "EOF", "<<-'X'\n", "\tX\n", "\n", " ", "\\", "\\u{", "0x", "1e", "1_0", ".5",
        "func", "def", "class", "let", "if", "then", "fi", "match x:", "x", "Adam", "=", "->", "&&", "|", ";", "<", ">",
        "&", "$ ", "% ", "θ", "🙂", "\r", "\r\n", "\u{0}", "\u{85}", "\u{FFFF}",
    ]

    @Test(arguments: languages)
    func randomPiecesKeepTheirText(language: String) {
        for code in Fuzz.pieceSoups(Self.pieces, seed: UInt64(language.utf8.count) &* 7919, count: 600, maxPieces: 30) {
            let html = SyntaxHighlighter.highlight(code, language: language)
            #expect(Self.text(of: html) == Self.expectedText(code), "\(language): \(code.debugDescription)")
            #expect(Self.spansAreFlatAndPerLine(html), "\(language): \(code.debugDescription)")
        }
    }

    @Test(arguments: languages)
    func randomBytesKeepTheirText(language: String) {
        for code in Fuzz.byteStrings(seed: UInt64(language.utf8.count) &+ 104_729, count: 300, maxBytes: 80) {
            let html = SyntaxHighlighter.highlight(code, language: language)
            #expect(Self.text(of: html) == Self.expectedText(code), "\(language): \(code.debugDescription)")
            #expect(Self.spansAreFlatAndPerLine(html), "\(language): \(code.debugDescription)")
        }
    }

    /// 20 times the input may take at most 60 times as long; a quadratic
    /// scan (say, searching for each string's end from its start) breaks this by far.
    @Test(arguments: ["swift", "python", "bash"])
    func timeIsLinearInTheLength(language: String) {
        let unit = ##"x = f("a\(b) {c} $d", 'e') /* g /* h */ */ # i "# j \n"##
            + "\"unterminated \\(\"nested\n"
        let (small, large) = Fuzz.scaling { repeats in
            _ = SyntaxHighlighter.highlight(String(repeating: unit, count: repeats), language: language)
        }
        #expect(large < small * 60, "\(language): 200 units \(small) s, 4000 units \(large) s")
    }

    @Test(arguments: ["swift", "python", "bash"])
    func deeplyNestedInterpolationDoesNotOverflow(language: String) {
        let opener = ["swift": "\"\\(", "python": "f\"{", "bash": "\"$("][language]!
        let code = String(repeating: opener, count: 20_000)
        let html = SyntaxHighlighter.highlight(code, language: language)
        #expect(Self.text(of: html) == code)
    }

    // MARK: - Helpers

    /// The text an HTML fragment shows: tags removed, entities decoded.
    static func text(of html: String) -> String {
        var text = ""
        var inTag = false
        for scalar in html.unicodeScalars {
            if scalar == "<" { inTag = true } else if scalar == ">" { inTag = false } else if !inTag { text.unicodeScalars.append(scalar) }
        }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The input as the highlighter must show it: CR LF and CR as LF,
    /// characters HTML forbids as U+FFFD.
    static func expectedText(_ code: String) -> String {
        var out = ""
        var scalars = Array(code.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            switch scalar.value {
            case 0x0D:
                if scalars.first == "\n" { scalars.removeFirst() }
                out += "\n"
            case 0x09, 0x0A: out.unicodeScalars.append(scalar)
            case 0..<0x20, 0x7F...0x9F, 0xFDD0...0xFDEF: out += "\u{FFFD}"
            case let v where v & 0xFFFE == 0xFFFE: out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Spans are never nested and never contain a line break. Scans UTF-8
    /// bytes, since a combining mark after `<` would merge with it into one `Character`.
    static func spansAreFlatAndPerLine(_ html: String) -> Bool {
        let bytes = Array(html.utf8)
        let open = Array("<span class=\"hl-".utf8)
        let close = Array("</span>".utf8)
        var inside = false
        for index in bytes.indices {
            switch bytes[index] {
            case UInt8(ascii: "\n"):
                if inside { return false }
            case UInt8(ascii: "<"):
                if bytes[index...].starts(with: open) {
                    if inside { return false }
                    inside = true
                } else if bytes[index...].starts(with: close) {
                    if !inside { return false }
                    inside = false
                } else {
                    return false
                }
            default:
                break
            }
        }
        return !inside
    }
}
