/// The one walk over a parsed document: every block, or every inline, in document order,
/// each parent before what it contains. Passes that look for something in a chapter
/// (headings, code blocks, raw HTML) iterate these sequences rather than recursing.
///
/// The walk keeps its own stack, so it holds at any depth; a document from
/// ``MarkdownParser`` is at most ``MarkdownParser/maximumNesting`` levels deep anyway.
/// It is lazy: `first(where:)` stops at the first match.
///
/// Inlinable, so that the passes in other modules get it specialised for `Block` and
/// `Inline`: unspecialised, each step looked up generic metadata and called the standard
/// library's generic array code, twenty times the instructions of a recursive walk.
public struct MarkdownWalk<Node>: Sequence, IteratorProtocol {
    @usableFromInline var pending: [Node]
    @usableFromInline let children: (Node) -> [Node]

    @inlinable
    init(_ roots: [Node], children: @escaping (Node) -> [Node]) {
        pending = roots.reversed()
        self.children = children
    }

    @inlinable
    public mutating func next() -> Node? {
        guard let node = pending.popLast() else { return nil }
        pending += children(node).reversed()
        return node
    }
}

extension Array where Element == Block {
    /// These blocks and every block inside them (quotes, list items, footnote definitions),
    /// in document order, each container before its contents.
    @inlinable
    public var allBlocks: MarkdownWalk<Block> { MarkdownWalk(self, children: \.childBlocks) }
}

extension Array where Element == Inline {
    /// These inlines and every inline inside them, in document order, each container first.
    @inlinable
    public var allInlines: MarkdownWalk<Inline> { MarkdownWalk(self, children: \.childInlines) }
}

extension Block {
    /// The blocks directly inside this one: a quote's, a footnote definition's, or each list
    /// item's in turn; none for a leaf.
    public var childBlocks: [Block] {
        switch self {
        case .blockQuote(let blocks), .footnoteDefinition(_, let blocks): blocks
        case .list(let list): list.items.flatMap(\.blocks)
        case .paragraph, .heading, .codeBlock, .htmlBlock, .thematicBreak, .table, .displayMath: []
        }
    }

    /// The inlines directly inside this block: a paragraph's, a heading's, or every table
    /// cell's (the header row, then the body rows, left to right).
    public var inlines: [Inline] {
        switch self {
        case .paragraph(let inlines, _), .heading(_, let inlines, _): inlines
        case .table(let table): (table.header + table.rows.flatMap { $0 }).flatMap { $0 }
        case .codeBlock, .htmlBlock, .blockQuote, .list, .thematicBreak, .footnoteDefinition, .displayMath: []
        }
    }
}

extension Inline {
    /// The inlines directly inside this one: the content of emphasis, strong,
    /// strikethrough and links; none for a leaf. An image's alt is not among them: the
    /// page shows it as an attribute's plain text (``Swift/Array/plainText``), not as inlines.
    public var childInlines: [Inline] {
        switch self {
        case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, _, let c, _): c
        case .text, .softBreak, .lineBreak, .code, .html, .image, .footnoteReference, .math, .citation: []
        }
    }
}
