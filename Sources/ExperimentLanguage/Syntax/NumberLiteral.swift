/// Reads Swift number literals: underscores, hexadecimal, octal and binary integers, hexadecimal floats.
public enum NumberLiteral {
    /// The literal's value, or `nil` when it does not fit a `Double`.
    public static func value(of text: String) -> Double? {
        let plain = text.filter { $0 != "_" }
        for (prefix, radix) in [("0o", 8), ("0b", 2)] where plain.hasPrefix(prefix) {
            return UInt64(plain.dropFirst(2), radix: radix).map(Double.init)
        }
        if plain.hasPrefix("0x"), !plain.contains("p"), !plain.contains("P") {
            return UInt64(plain.dropFirst(2), radix: 16).map(Double.init)
        }
        guard let value = Double(plain), value.isFinite else { return nil }
        return value
    }

    /// The literal's value as an integer, when it is an integer literal that fits `Int`.
    public static func integer(of text: String) -> Int? {
        let plain = text.filter { $0 != "_" }
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where plain.hasPrefix(prefix) {
            return Int(plain.dropFirst(2), radix: radix)
        }
        return Int(plain)
    }
}
