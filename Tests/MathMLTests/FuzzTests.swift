import Foundation
import MathML
import Testing

/// Random LaTeX-ish text never crashes the renderer, never hangs it, and
/// always yields one well-nested `<math>` element.
@Suite struct FuzzTests {
    /// SplitMix64: small, seeded, the same sequence on every machine.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

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
        var generator = SeededGenerator(state: UInt64(seed) &* 7919)
        for _ in 0..<400 {
            let count = Int.random(in: 0...40, using: &generator)
            var latex = ""
            for _ in 0..<count { latex += Self.pieces.randomElement(using: &generator)! }
            let rendering = MathML.render(latex: latex, display: seed % 2 == 0 ? .inline : .block)
            #expect(Self.isWellNested(rendering.markup), "\(latex.debugDescription)")
            for error in rendering.errors {
                #expect(error.offset >= 0 && error.offset <= latex.utf8.count, "\(latex.debugDescription)")
            }
        }
    }

    @Test(arguments: 0..<4)
    func randomBytesNeverCrash(seed: Int) {
        var generator = SeededGenerator(state: UInt64(seed) &+ 104_729)
        for _ in 0..<300 {
            let count = Int.random(in: 0...60, using: &generator)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let latex = String(decoding: bytes, as: UTF8.self)
            let rendering = MathML.render(latex: latex)
            #expect(Self.isWellNested(rendering.markup), "\(latex.debugDescription)")
        }
    }

    /// Time must grow linearly: 20 times the input may take at most 60 times
    /// as long (a generous bound that a quadratic scan would break by far).
    @Test func timeIsLinearInTheLength() {
        let unit = #"\hat{m}_t \leftarrow \frac{m_t}{1-\beta_1^t} + \text{if } \left( x \right) & \bta \\ } "#
        func seconds(_ repeats: Int) -> Double {
            let latex = String(repeating: unit, count: repeats)
            let start = DispatchTime.now().uptimeNanoseconds
            _ = MathML.render(latex: latex)
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        _ = seconds(50)
        let small = max(seconds(200), 1e-4)
        let large = seconds(4000)
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
