/// A minimal JSON writer: keys in the order written, numbers in Swift's shortest
/// round-tripping form, strings escaped per RFC 8259. It refuses non-finite numbers by
/// writing `null`, so the output is always valid JSON.
struct JSONWriter {
    private(set) var text = ""

    mutating func raw(_ s: String) { text += s }

    mutating func string(_ s: String) {
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

    mutating func number(_ x: Double) {
        guard x.isFinite else {
            text += "null"
            return
        }
        // Swift prints 1e-08, 2.0, 1e+100: all valid JSON numbers, and each reads back exactly.
        text += x == 0 ? "0.0" : "\(x)"
    }

    mutating func integer(_ n: Int) { text += String(n) }

    mutating func optionalNumber(_ x: Double?) {
        if let x { number(x) } else { text += "null" }
    }

    mutating func optionalInteger(_ n: Int?) {
        if let n { integer(n) } else { text += "null" }
    }

    mutating func numbers(_ xs: some Sequence<Double>) {
        text += "["
        var first = true
        for x in xs {
            if !first { text += "," }
            first = false
            number(x)
        }
        text += "]"
    }

    /// Starts a member of the current object, writing the `,` that separates it from
    /// the previous member itself (the writer emits no white space, so a member opens
    /// an object exactly when the text ends in `{`).
    mutating func key(_ k: String) {
        if text.last != "{" { text += "," }
        string(k)
        text += ":"
    }
}
