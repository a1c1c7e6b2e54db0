import CCmarkGFM
import CourseDiagnostics
import Synchronization

/// Turns cmark-gfm's C tree into ``Block`` and ``Inline`` values in one pass.
///
/// This file and ``InlineMathExtension`` are the only places that touch
/// cmark-gfm's C API; no pointer escapes them. Every C object made here is
/// freed before ``parse(_:)`` returns.
struct CmarkConverter {
    /// Display-math blocks lifted out by ``DisplayMathPrepass``, by their placeholder index.
    var displayMath: [DisplayMathPrepass.Block]
    private var footnoteCount = 0
    /// cmark-gfm counts columns in bytes; positions count Unicode scalars.
    private var columns = ScalarColumns("")

    init(displayMath: [DisplayMathPrepass.Block]) { self.displayMath = displayMath }

    private static let registerExtensions: Void = {
        cmark_gfm_core_extensions_ensure_registered()
    }()

    /// cmark-gfm 0.29 keeps the inline parser's special characters in one global
    /// table that attaching extensions changes, so parses must not overlap.
    private static let parseLock = Mutex(())

    /// What parsing gave: the blocks, or where the tree first nests deeper than allowed.
    enum Outcome {
        case blocks([Block])
        /// The first node at depth `maximumDepth + 1`, with the deepest depth found.
        case tooDeep(depth: Int, at: TextPosition)
    }

    /// Parses `text`; a tree nested deeper than `maximumDepth` is refused before it
    /// is converted, so that every recursive walk over ``Block`` and ``Inline`` values
    /// (here, in the renderer and in the site's passes) stays within a small stack.
    mutating func parse(_ text: String, maximumDepth: Int) -> Outcome {
        Self.parseLock.withLock { _ in parseLocked(text, maximumDepth: maximumDepth) }
    }

    private mutating func parseLocked(_ text: String, maximumDepth: Int) -> Outcome {
        _ = Self.registerExtensions
        columns = ScalarColumns(text)
        let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES
        guard let parser = cmark_parser_new(options) else { return .blocks([]) }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tagfilter", "tasklist"] {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        let math = InlineMathExtension()
        defer { math.release() }
        cmark_parser_attach_syntax_extension(parser, math.handle)

        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else { return .blocks([]) }
        defer { cmark_node_free(root) }
        if let deep = Self.firstNode(below: root, deeperThan: maximumDepth) {
            return .tooDeep(depth: deep.depth, at: deep.node.map(position) ?? TextPosition(line: 1, column: 1))
        }
        return .blocks(blocks(of: root, math: math))
    }

    /// The first node, in document order, deeper than `limit` (the document's
    /// children are at depth 1), and the deepest depth of the tree. A walk over the
    /// C tree's links, without recursion, so that it holds on any tree cmark builds.
    private static func firstNode(below root: OpaquePointer, deeperThan limit: Int) -> (depth: Int, node: OpaquePointer?)? {
        var node = root
        var depth = 0
        var deepest = 0
        var first: OpaquePointer?
        while true {
            if let child = cmark_node_first_child(node) {
                node = child
                depth += 1
                deepest = max(deepest, depth)
                if depth > limit, first == nil { first = node }
                continue
            }
            // No child: the next sibling of this node or of its nearest ancestor that has one.
            while node != root, cmark_node_next(node) == nil {
                node = cmark_node_parent(node)!
                depth -= 1
            }
            guard node != root, let next = cmark_node_next(node) else { break }
            node = next
        }
        guard let first else { return nil }
        // Inline nodes of cmark-gfm 0.29 may lack a position; take the nearest ancestor's.
        var positioned: OpaquePointer? = first
        while let candidate = positioned, cmark_node_get_start_line(candidate) <= 0 { positioned = cmark_node_parent(candidate) }
        return (deepest, positioned)
    }

    private mutating func blocks(of parent: OpaquePointer, math: InlineMathExtension) -> [Block] {
        var out: [Block] = []
        var child = cmark_node_first_child(parent)
        while let node = child {
            if let block = block(node, math: math) { out.append(block) }
            child = cmark_node_next(node)
        }
        return out
    }

    private mutating func block(_ node: OpaquePointer, math: InlineMathExtension) -> Block? {
        let position = self.position(node)
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            return .paragraph(inlines(of: node, math: math), position)
        case CMARK_NODE_HEADING:
            return .heading(level: Int(cmark_node_get_heading_level(node)), inlines(of: node, math: math), position)
        case CMARK_NODE_CODE_BLOCK:
            let info = Self.string(cmark_node_get_fence_info(node))
            let literal = Self.string(cmark_node_get_literal(node))
            var fenceLength: Int32 = 0, offset: Int32 = 0
            var character: CChar = 0
            let fenced = cmark_node_get_fenced(node, &fenceLength, &offset, &character) != 0
            if fenced, let index = DisplayMathPrepass.placeholderIndex(info: info), index < displayMath.count {
                let block = displayMath[index]
                return .displayMath(latex: block.latex, self.position(line: block.line, byteColumn: block.column))
            }
            return .codeBlock(CodeBlock(
                info: info, literal: literal, fenced: fenced, position: position,
                bodyLine: fenced ? position.line + 1 : position.line,
                indent: fenced ? Int(offset) : max(0, position.column - 1)))
        case CMARK_NODE_HTML_BLOCK:
            return .htmlBlock(Self.string(cmark_node_get_literal(node)), position)
        case CMARK_NODE_BLOCK_QUOTE:
            return .blockQuote(blocks(of: node, math: math))
        case CMARK_NODE_LIST:
            var items: [ListItem] = []
            var child = cmark_node_first_child(node)
            while let item = child {
                let isTask = Self.string(cmark_node_get_type_string(item)) == "tasklist"
                items.append(ListItem(
                    task: isTask ? cmark_gfm_extensions_get_tasklist_item_checked(item) : nil,
                    blocks: blocks(of: item, math: math)))
                child = cmark_node_next(item)
            }
            return .list(List(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)),
                tight: cmark_node_get_list_tight(node) != 0,
                items: items))
        case CMARK_NODE_THEMATIC_BREAK:
            return .thematicBreak
        case CMARK_NODE_FOOTNOTE_DEFINITION:
            // cmark-gfm 0.29 keeps only referenced definitions, moves them to the end in
            // order of first reference, and gives each reference the definition's number
            // as its literal; the definitions lose their label. Number them the same way.
            footnoteCount += 1
            return .footnoteDefinition(label: String(footnoteCount), blocks(of: node, math: math))
        default:
            if Self.string(cmark_node_get_type_string(node)) == "table" {
                return .table(table(node, math: math))
            }
            return nil
        }
    }

    private mutating func table(_ node: OpaquePointer, math: InlineMathExtension) -> Table {
        let columns = Int(cmark_gfm_extensions_get_table_columns(node))
        var alignments: [Table.Alignment] = []
        if let raw = cmark_gfm_extensions_get_table_alignments(node) {
            for i in 0..<columns {
                switch raw[i] {
                case UInt8(ascii: "l"): alignments.append(.left)
                case UInt8(ascii: "c"): alignments.append(.center)
                case UInt8(ascii: "r"): alignments.append(.right)
                default: alignments.append(.none)
                }
            }
        }
        var header: [[Inline]] = []
        var rows: [[[Inline]]] = []
        var rowNode = cmark_node_first_child(node)
        while let row = rowNode {
            var cells: [[Inline]] = []
            var cellNode = cmark_node_first_child(row)
            while let cell = cellNode {
                cells.append(inlines(of: cell, math: math))
                cellNode = cmark_node_next(cell)
            }
            if cmark_gfm_extensions_get_table_row_is_header(row) != 0 { header = cells } else { rows.append(cells) }
            rowNode = cmark_node_next(row)
        }
        return Table(alignments: alignments, header: header, rows: rows, position: position(node))
    }

    private func inlines(of parent: OpaquePointer, math: InlineMathExtension) -> [Inline] {
        var out: [Inline] = []
        // cmark splits text at special characters; join neighbours so text is whole
        // (appending to one pending string, so a long run of pieces stays linear).
        var pendingText: String?
        // Where each piece starts in the joined text (in scalars) and in the file, for citations' positions.
        var pieces: [(offset: Int, position: TextPosition)] = []
        var pendingScalars = 0
        func flush() {
            guard let text = pendingText else { return }
            let starts = pieces
            out += Citation.split(text) { offset in
                guard let piece = starts.last(where: { $0.offset <= offset }), piece.position.line > 0 else { return .unknown }
                return TextPosition(line: piece.position.line, column: piece.position.column + offset - piece.offset)
            }
            pendingText = nil
            pieces = []
            pendingScalars = 0
        }
        var child = cmark_node_first_child(parent)
        while let node = child {
            if let inline = inline(node, math: math) {
                if case .text(let s) = inline {
                    pieces.append((pendingScalars, position(node)))
                    pendingScalars += s.unicodeScalars.count
                    if pendingText == nil { pendingText = s } else { pendingText!.append(s) }
                } else {
                    flush()
                    out.append(inline)
                }
            }
            child = cmark_node_next(node)
        }
        flush()
        return out
    }

    private func inline(_ node: OpaquePointer, math: InlineMathExtension) -> Inline? {
        let position = self.position(node)
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: return .text(Self.string(cmark_node_get_literal(node)))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE:
            if let span = math.span(of: node) {
                return .math(latex: span.latex, display: span.display, self.position(line: span.line, byteColumn: span.column))
            }
            return .code(Self.string(cmark_node_get_literal(node)), position)
        case CMARK_NODE_HTML_INLINE: return .html(Self.string(cmark_node_get_literal(node)), position)
        case CMARK_NODE_EMPH: return .emphasis(inlines(of: node, math: math))
        case CMARK_NODE_STRONG: return .strong(inlines(of: node, math: math))
        case CMARK_NODE_LINK:
            return .link(url: Self.string(cmark_node_get_url(node)), title: Self.string(cmark_node_get_title(node)),
                         inlines(of: node, math: math), position)
        case CMARK_NODE_IMAGE:
            return .image(url: Self.string(cmark_node_get_url(node)), title: Self.string(cmark_node_get_title(node)),
                          alt: inlines(of: node, math: math), position)
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            return .footnoteReference(label: Self.string(cmark_node_get_literal(node)), position)
        default:
            if Self.string(cmark_node_get_type_string(node)) == "strikethrough" {
                return .strikethrough(inlines(of: node, math: math))
            }
            return nil
        }
    }

    private func position(_ node: OpaquePointer) -> TextPosition {
        position(line: Int(cmark_node_get_start_line(node)), byteColumn: Int(cmark_node_get_start_column(node)))
    }

    private func position(line: Int, byteColumn: Int) -> TextPosition {
        TextPosition(line: line, column: columns.column(line: line, byteColumn: byteColumn))
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
