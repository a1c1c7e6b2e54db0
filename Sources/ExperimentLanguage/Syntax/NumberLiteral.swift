/// Reads Swift number literals: underscores, hexadecimal, octal and binary integers, hexadecimal floats.
public enum NumberLiteral {
    /// The literal's value, or `nil` when it does not fit a `Double` (or is not a literal).
    ///
    /// Integers are read as Swift reads an integer literal used as a `Double`: the value
    /// of the digits in their radix, rounded to the nearest `Double` once (`0x10` is 16,
    /// `0b1_0000` is 16, `0o20` is 16); hexadecimal floats such as `0x1.8p1` as `strtod` does.
    public static func value(of text: String) -> Double? {
        let plain = text.filter { $0 != "_" }
        for (prefix, bitsPerDigit) in [("0x", 4), ("0o", 3), ("0b", 1)] where plain.hasPrefix(prefix) {
            let digits = plain.dropFirst(2)
            if prefix == "0x", digits.contains(where: { $0 == "p" || $0 == "P" || $0 == "." }) {
                return finite(Double("0x" + digits))
            }
            return integerValue(digits, bitsPerDigit: bitsPerDigit)
        }
        return finite(Double(plain))
    }

    private static func finite(_ value: Double?) -> Double? {
        guard let value, value.isFinite else { return nil }
        return value
    }

    /// The digits of a power-of-two radix as a `Double`, rounded once: the digits are
    /// rewritten as a hexadecimal float, which `Double(_: String)` rounds correctly.
    private static func integerValue(_ digits: Substring, bitsPerDigit: Int) -> Double? {
        guard !digits.isEmpty else { return nil }
        var bits: [UInt8] = []
        bits.reserveCapacity(digits.count * bitsPerDigit)
        for digit in digits {
            guard let value = digit.hexDigitValue, value < 1 << bitsPerDigit else { return nil }
            for shift in stride(from: bitsPerDigit - 1, through: 0, by: -1) { bits.append(UInt8((value >> shift) & 1)) }
        }
        let significant = bits.drop(while: { $0 == 0 })
        guard !significant.isEmpty else { return 0 }
        // Pad on the left to whole hexadecimal digits.
        let padded = [UInt8](repeating: 0, count: (4 - significant.count % 4) % 4) + significant
        var hex = "0x"
        for start in stride(from: 0, to: padded.count, by: 4) {
            let nibble = padded[start..<(start + 4)].reduce(0) { $0 << 1 | Int($1) }
            hex += String(nibble, radix: 16)
        }
        return finite(Double(hex + "p0"))
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
