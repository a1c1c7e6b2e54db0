import CCmarkGFM

/// `$…$` and `$$…$$` inside paragraphs, as a cmark-gfm inline syntax extension.
///
/// cmark-gfm calls the match function whenever the inline parser meets `$`
/// (and, in this version, for other special characters too, which it ignores).
/// Rules, after Pandoc's `tex_math_dollars`:
/// - an opening `$` is followed by a non-space; a closing `$` is preceded by a
///   non-space and not followed by a digit, so `$5 and $10` stays text;
/// - `$$…$$` is display math;
/// - backslash escapes and code spans take precedence: `\$` is literal (cmark
///   handles it before we see it) and a backtick between the dollars means the
///   dollars are text.
///
/// The closing `$` is found through tables of the next closer built once per
/// paragraph, so a paragraph with many unmatched `$` stays linear.
/// The nodes it makes carry no source position, so it records line and column
/// itself in ``Span``.
///
/// A math span is made as a code-span node tagged through its user data, not as
/// a custom inline: cmark-gfm's table extension lets a cell contain only the
/// core inline types and silently drops any other child, so `| $\theta_t$ |`
/// would lose its formula.
final class InlineMathExtension {
    struct Span {
        var latex: String
        var display: Bool
        var line: Int
        /// In UTF-8 bytes, as cmark-gfm counts; ``CmarkConverter`` turns it into scalars.
        var column: Int
    }

    private(set) var handle: OpaquePointer?
    private var spans: [Span] = []

    // The per-paragraph scan tables, rebuilt when cmark moves to another block.
    private var tableOwner: OpaquePointer?
    private var bytes: [UInt8] = []
    private var nextSingleCloser: [Int32] = []
    private var nextDoubleCloser: [Int32] = []
    private var nextBacktick: [Int32] = []

    init() {
        handle = cmark_syntax_extension_new("coursegen_math")
        let dollar = UnsafeMutableRawPointer(bitPattern: Int(UInt8(ascii: "$")))
        let chars = cmark_llist_append(cmark_get_default_mem_allocator(), nil, dollar)
        cmark_syntax_extension_set_special_inline_chars(handle, chars)
        cmark_syntax_extension_set_match_inline_func(handle, InlineMathExtension.match)
        cmark_syntax_extension_set_private(handle, Unmanaged.passUnretained(self).toOpaque(), nil)
    }

    /// Frees the C extension. The parser that used it must be freed first.
    func release() {
        if let handle {
            cmark_syntax_extension_free(cmark_get_default_mem_allocator(), handle)
            self.handle = nil
        }
    }

    /// The math span a custom inline node stands for.
    func span(of node: OpaquePointer) -> Span? {
        let tag = Int(bitPattern: cmark_node_get_user_data(node))
        return tag >= 1 && tag <= spans.count ? spans[tag - 1] : nil
    }

    private static let match: cmark_match_inline_func = { ext, _, parent, character, inlineParser in
        guard character == UInt8(ascii: "$"), let ext, let parent, let inlineParser,
              let context = cmark_syntax_extension_get_private(ext) else { return nil }
        let this = Unmanaged<InlineMathExtension>.fromOpaque(context).takeUnretainedValue()
        return this.matchDollar(parent: parent, parser: inlineParser)
    }

    private func matchDollar(parent: OpaquePointer, parser: OpaquePointer) -> OpaquePointer? {
        if tableOwner != parent { buildTables(parent: parent, parser: parser) }
        let start = Int(cmark_inline_parser_get_offset(parser))
        guard start < bytes.count, bytes[start] == UInt8(ascii: "$") else { return nil }
        let display = start + 1 < bytes.count && bytes[start + 1] == UInt8(ascii: "$")
        let contentStart = start + (display ? 2 : 1)
        guard contentStart < bytes.count else { return nil }
        let close: Int
        if display {
            close = Int(nextDoubleCloser[contentStart])
            guard close > contentStart, close < bytes.count else { return nil }
        } else {
            guard !Self.isSpace(bytes[contentStart]) else { return nil }
            close = Int(nextSingleCloser[contentStart + 1])
            guard close < bytes.count else { return nil }
        }
        if Int(nextBacktick[start]) < close { return nil }
        let latex = String(decoding: bytes[contentStart..<close], as: UTF8.self)
        guard !latex.allSatisfy(Self.isSpaceCharacter) else { return nil }

        // The span's position is its LaTeX's first byte, so an offset inside the
        // LaTeX maps to the file by counting its scalars and line breaks.
        let leading = display ? latex.utf8.prefix(while: { Self.isSpace($0) }).count : 0
        var line = Int(cmark_inline_parser_get_line(parser))
        var column = Int(cmark_inline_parser_get_column(parser)) + (display ? 2 : 1)
        for byte in latex.utf8.prefix(leading) {
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
        }
        spans.append(Span(latex: display ? latex.trimmingSpaces() : latex, display: display, line: line, column: column))
        guard let node = cmark_node_new_with_mem(CMARK_NODE_CODE, cmark_get_default_mem_allocator()) else {
            return nil
        }
        cmark_node_set_user_data(node, UnsafeMutableRawPointer(bitPattern: spans.count))
        cmark_inline_parser_set_offset(parser, Int32(close + (display ? 2 : 1)))
        return node
    }

    /// Reads the block's inline text once and builds, for every offset, the next
    /// valid closer of each kind and the next backtick (`Int32.max` for none).
    private func buildTables(parent: OpaquePointer, parser: OpaquePointer) {
        tableOwner = parent
        // Built in locals and stored once: each access to the extension's own arrays would be
        // checked for exclusivity at run time, byte by byte.
        var bytes = self.bytes
        self.bytes = []
        bytes.removeAll(keepingCapacity: true)
        var i: Int32 = 0
        while true {
            let b = cmark_inline_parser_peek_at(parser, i)
            if b == 0 { break }
            bytes.append(b)
            i += 1
        }
        let n = bytes.count
        let none = Int32.max
        var nextSingleCloser = [Int32](repeating: none, count: n + 1)
        var nextDoubleCloser = [Int32](repeating: none, count: n + 1)
        var nextBacktick = [Int32](repeating: none, count: n + 1)
        // Whether the byte at each offset is escaped by an odd run of backslashes.
        var escaped = [Bool](repeating: false, count: n)
        var run = 0
        for k in 0..<n {
            escaped[k] = run % 2 == 1
            run = bytes[k] == UInt8(ascii: "\\") ? run + 1 : 0
        }
        var k = n - 1
        while k >= 0 {
            nextSingleCloser[k] = nextSingleCloser[k + 1]
            nextDoubleCloser[k] = nextDoubleCloser[k + 1]
            nextBacktick[k] = bytes[k] == UInt8(ascii: "`") ? Int32(k) : nextBacktick[k + 1]
            if bytes[k] == UInt8(ascii: "$"), !escaped[k] {
                let before = k > 0 ? bytes[k - 1] : UInt8(ascii: " ")
                let after = k + 1 < n ? bytes[k + 1] : UInt8(ascii: " ")
                if !Self.isSpace(before), !(after >= UInt8(ascii: "0") && after <= UInt8(ascii: "9")), after != UInt8(ascii: "$") {
                    nextSingleCloser[k] = Int32(k)
                }
                if after == UInt8(ascii: "$") { nextDoubleCloser[k] = Int32(k) }
            }
            k -= 1
        }
        self.bytes = bytes
        self.nextSingleCloser = nextSingleCloser
        self.nextDoubleCloser = nextDoubleCloser
        self.nextBacktick = nextBacktick
    }

    private static func isSpace(_ b: UInt8) -> Bool {
        b == UInt8(ascii: " ") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r")
    }

    private static func isSpaceCharacter(_ c: Character) -> Bool { c == " " || c == "\n" || c == "\t" || c == "\r" }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\n" || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\n" || l == "\t" { s.removeLast() }
        return String(s)
    }
}
