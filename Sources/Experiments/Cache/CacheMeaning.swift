/// What a directive's numbers depend on, and nothing else, as canonical text: the heart of
/// its result-cache key (``ResultCache/Key``).
///
/// Each builder that runs writes its own by hand (``RunnableDirective/cacheMeaning``), one
/// `name: value` line per input of its computation, nested blocks indented by two spaces,
/// in a fixed order: never a dictionary's order, and every number exactly (a double as its
/// IEEE 754 bit pattern in hex, so `0.1` and `0.10000000000000002` differ and `1e-1` and
/// `0.1` do not). Defaults are written out, so `Adam()` and `Adam(lr: 0.001)` mean the same.
/// Labels, colours, titles, captions, comments, whitespace and claims are not written: they
/// change the page, not the numbers, and the page takes them from the directive as it is now.
/// A claim that makes the run store more numbers (`effectiveLearningRate:`) is written as what
/// it makes the run store.
public struct CacheMeaning: Hashable, Sendable {
    /// The lines, each ending in a newline.
    public private(set) var text = ""
    private var indent = ""

    public init() {}

    /// `name: value`.
    public mutating func line(_ name: String, _ value: String) {
        text += indent + name + ": " + value + "\n"
    }

    /// `name: 0x…`, the bit pattern of `value`.
    public mutating func number(_ name: String, _ value: Double) { line(name, Self.number(value)) }

    public mutating func int(_ name: String, _ value: Int) { line(name, String(value)) }

    public mutating func seed(_ name: String, _ value: UInt64) { line(name, String(value)) }

    /// `name: 0x… 0x…`, the bit patterns in order.
    public mutating func numbers(_ name: String, _ values: [Double]) {
        line(name, values.isEmpty ? "none" : values.map(Self.number).joined(separator: " "))
    }

    /// `name:` and the block `body` writes, indented below it.
    public mutating func block(_ name: String, _ body: (inout CacheMeaning) -> Void) {
        text += indent + name + ":\n"
        let outer = indent
        indent += "  "
        body(&self)
        indent = outer
    }

    /// A double exactly: its bit pattern as 16 hex digits, so that no formatting can round it.
    public static func number(_ value: Double) -> String { "0x" + CacheEntry.hex(value.bitPattern) }
}
