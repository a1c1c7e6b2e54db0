import CourseTestSupport
import Foundation
import MathML
import Testing

/// Random LaTeX-ish text never crashes the renderer, never hangs it, and
/// always yields one well-nested `<math>` element.
@Suite struct FuzzTests {
    /// Pieces that exercise every branch: commands with and without their
    /// arguments, environment edges, stray delimiters, multi-byte text.
    static let pieces: [String] = [
        "\\frac", "\\sqrt", "\\sqrt[", "]", "\\left", "\\right", "\\middle", "(", ")", "\\left(", "\\right)", "\\right.",
        "{", "}", "^", "_", "'", "&", "\\\\", "\\begin{aligned}", "\\end{aligned}", "\\begin{cases}", "\\end{cases}",
        "\\begin{pmatrix}", "\\end{pmatrix}", "\\begin{array}{lc", "\\begin", "\\end", "\\text{", "\\text", "$", "%", "\n",
        "\\hat", "\\bar", "\\mathbf", "\\boldsymbol", "\\mathbb{", "\\operatorname", "\\operatorname*", "\\sum", "\\limits",
        "\\max", "\\log", "\\not", "\\big", "\\Bigl", "\\overset", "\\binom", "\\displaystyle", "\\,", "\\!", "\\", "\\zz",
        "\\alpha", "\\odot", "x", "y", "1", "0.5", ".", "=", "+", "-", "<", ">", "|", "\\|", "#", "~", " ", "θ", "η̂", "∑",
        "\u{0}", "\u{7F}", "\u{85}", "\u{FFFE}", "é", "🙂", "\\lVert", "\\rVert", "\\phantom", "\\vphantom", "\\tfrac",
    ]

    @Test(arguments: 0..<8)
    func randomPiecesNeverCrash(seed: Int) {
        for latex in Fuzz.pieceSoups(Self.pieces, seed: UInt64(seed) &* 7919, count: 400, maxPieces: 40) {
            let rendering = MathML.render(latex: latex, display: seed % 2 == 0 ? .inline : .block)
            #expect(Self.isWellNested(rendering.markup), "\(latex.debugDescription)")
            for error in rendering.errors {
                #expect(error.offset >= 0 && error.offset <= latex.utf8.count, "\(latex.debugDescription)")
            }
        }
    }

    @Test(arguments: 0..<4)
    func randomBytesNeverCrash(seed: Int) {
        for latex in Fuzz.byteStrings(seed: UInt64(seed) &+ 104_729, count: 300, maxBytes: 60) {
            let rendering = MathML.render(latex: latex)
            #expect(Self.isWellNested(rendering.markup), "\(latex.debugDescription)")
        }
    }

    /// Time must grow linearly: 20 times the input may take at most 60 times
    /// as long (a generous bound that a quadratic scan would break by far).
    @Test func timeIsLinearInTheLength() {
        let unit = #"\hat{m}_t \leftarrow \frac{m_t}{1-\beta_1^t} + \text{if } \left( x \right) & \bta \\ } "#
        let (small, large) = Fuzz.scaling { repeats in _ = MathML.render(latex: String(repeating: unit, count: repeats)) }
        #expect(large < small * 60, "200 units: \(small) s, 4000 units: \(large) s")
    }

    /// Every opening tag has its closing tag, in order; the whole is one
    /// `<math>`. Scans UTF-8 bytes, since a combining mark after `>` would
    /// merge with it into one Swift `Character`.
    static func isWellNested(_ markup: String) -> Bool {
        let bytes = Array(markup.utf8)
        var stack: [ArraySlice<UInt8>] = []
        var roots = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0 { return false }
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            guard let close = bytes[index...].firstIndex(of: UInt8(ascii: ">")) else { return false }
            let tag = bytes[(index + 1)..<close]
            if tag.first == UInt8(ascii: "/") {
                guard let open = stack.popLast(), open.elementsEqual(tag.dropFirst()) else { return false }
            } else {
                if stack.isEmpty { roots += 1 }
                stack.append(tag.prefix { $0 != UInt8(ascii: " ") })
            }
            index = close + 1
        }
        return stack.isEmpty && roots == 1 && markup.hasPrefix("<math")
    }
}
