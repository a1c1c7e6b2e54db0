/// A minimal structured JSON writer: `object {}` and `array {}` place every bracket and
/// comma, so a caller writes only members and values. Keys appear in the order written,
/// numbers in Swift's shortest round-tripping form, strings escaped per RFC 8259, and no
/// white space. It refuses non-finite numbers by writing `null`, so the output is always valid JSON.
///
///     var w = JSONWriter()
///     w.object { w in
///         w.field("title", "Bowl")
///         w.field("loss", numbers: [1.0, 0.5])
///         w.field("runs") { w in w.array(runs) { w, run in w.string(run.label) } }
///     }
public struct JSONWriter {
    public private(set) var text = ""
    /// Whether the next value or member of the open object or array follows another one.
    private var followsSibling = false

    public init() {}

    // MARK: Containers

    /// An object whose members `body` writes with the `field` methods.
    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        container("{", "}", body)
    }

    /// An array whose elements `body` writes, one value each.
    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        container("[", "]", body)
    }

    /// An array of one value per element of `elements`, written by `element`.
    public mutating func array<S: Sequence>(_ elements: S, _ element: (inout JSONWriter, S.Element) -> Void) {
        array { w in
            for e in elements { element(&w, e) }
        }
    }

    private mutating func container(_ open: String, _ close: String, _ body: (inout JSONWriter) -> Void) {
        separate()
        text += open
        followsSibling = false
        body(&self)
        text += close
        followsSibling = true
    }

    // MARK: Members

    /// A member whose value `value` writes (an object, an array or any single value).
    public mutating func field(_ key: String, _ value: (inout JSONWriter) -> Void) {
        self.key(key)
        value(&self)
    }

    public mutating func field(_ key: String, _ value: String) { field(key) { $0.string(value) } }
    public mutating func field(_ key: String, _ value: Int) { field(key) { $0.integer(value) } }
    public mutating func field(_ key: String, _ value: Int?) { field(key) { $0.integer(value) } }
    public mutating func field(_ key: String, _ value: Double) { field(key) { $0.number(value) } }
    public mutating func field(_ key: String, _ value: Double?) { field(key) { $0.number(value) } }
    public mutating func field(_ key: String, numbers: some Sequence<Double>) { field(key) { $0.numbers(numbers) } }
    public mutating func field(_ key: String, integers: some Sequence<Int>) { field(key) { $0.integers(integers) } }

    private mutating func key(_ k: String) {
        string(k)
        text += ":"
        // The value belongs to this member: no comma before it.
        followsSibling = false
    }

    // MARK: Values

    public mutating func null() {
        separate()
        text += "null"
    }

    public mutating func string(_ s: String) {
        separate()
        text += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }

    public mutating func number(_ x: Double?) {
        separate()
        guard let x, x.isFinite else {
            text += "null"
            return
        }
        // Swift prints 1e-08, 2.0, 1e+100: all valid JSON numbers, and each reads back exactly.
        text += x == 0 ? "0.0" : "\(x)"
    }

    public mutating func integer(_ n: Int?) {
        separate()
        text += n.map(String.init) ?? "null"
    }

    public mutating func numbers(_ xs: some Sequence<Double>) {
        array { w in
            for x in xs { w.number(x) }
        }
    }

    public mutating func integers(_ ns: some Sequence<Int>) {
        array { w in
            for n in ns { w.integer(n) }
        }
    }

    /// The comma before a value or member that follows another in the same container.
    private mutating func separate() {
        if followsSibling { text += "," }
        followsSibling = true
    }
}
