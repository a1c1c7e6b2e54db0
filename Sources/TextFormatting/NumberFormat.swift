/// Every number coursegen writes, in one of a few named styles, locale-free:
///
/// - ``fixed(_:decimals:)``: SVG coordinates, ASCII `-`, trailing zeros trimmed.
/// - ``significant(_:digits:trimmingZeros:)``: text a reader sees on pages and in figures,
///   typographic minus, `1.2×10⁻⁵` outside 10⁻⁴…10⁶.
/// - ``printf(_:_:precision:)``: C's `%.nf`, `%.ne`, `%.ng`, for messages and `coursegen run`.
/// - ``correctlyRoundedSignificant(_:digits:)``: a chapter's `{{ … significant: n }}` reference.
///
/// The first two round through integers; the last two through the C library, whose
/// conversions are correctly rounded. Either way the same value gives the same bytes on
/// every machine.
public enum NumberFormat {
    /// The typographic minus sign, U+2212, used in text a reader sees.
    public static let minus = "\u{2212}"

    /// `x` rounded to `decimals` places with trailing zeros trimmed and ASCII `-`,
    /// as SVG attributes want: `fixed(12.30, decimals: 1)` is `"12.3"`, `fixed(-0.04,
    /// decimals: 1)` is `"0"` (never `"-0"`).
    public static func fixed(_ x: Double, decimals: Int) -> String {
        decimal(x, decimals: decimals, trim: true, minus: "-")
    }

    /// `x` to `digits` significant digits, for text: `significant(0.012345, digits: 3)`
    /// is `"0.0123"`; magnitudes below 10⁻⁴ or from 10⁶ up use a power of ten,
    /// `"1.20×10⁻⁵"`; `∞` and `NaN` are written as such.
    ///
    /// Trailing zeros are kept unless `trimmingZeros` (they state the precision:
    /// `"0.500"`); zero is always `"0"`.
    public static func significant(_ x: Double, digits: Int, trimmingZeros: Bool = false) -> String {
        precondition(digits >= 1 && digits <= 15, "significant digits must be 1…15")
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x < 0 ? minus + "∞" : "∞" }
        if x == 0 { return "0" }
        // Below 10⁻²⁹⁰ the scales used for rounding underflow: round 10³⁰⁰ times the value
        // and write the exponent 300 lower (a subnormal learning rate prints as 1.00×10⁻³²⁰).
        let shift = abs(x) < 1e-290 ? -300 : 0
        let value = shift == 0 ? x : x * 1e300
        var exponent = LibC.int(abs(value).log10Floor)
        // Rounding can carry into the next power of ten (9.996 → 10.0).
        let rounded = roundToSignificant(value, digits: digits, exponent: exponent)
        if abs(rounded) >= pow10(exponent + 1) { exponent += 1 }
        if shift != 0 || exponent < -4 || exponent >= 6 {
            let mantissa = rounded / pow10(exponent)
            let text = decimal(mantissa, decimals: digits - 1, trim: trimmingZeros, minus: minus)
            return text + "×10" + superscript(exponent + shift)
        }
        return decimal(rounded, decimals: max(0, digits - 1 - exponent), trim: trimmingZeros, minus: minus)
    }

    /// `x` in the fewest digits that read back as `x` (Swift's shortest round trip), as a
    /// reader writes it: `0.1`, `3`, `1×10⁻⁸` for `1e-08`, `2.5×10⁻⁵`, typographic minus.
    /// For values the author wrote, such as a sweep's: no digit is added or lost.
    public static func shortest(_ x: Double) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x < 0 ? minus + "∞" : "∞" }
        var text = x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)"
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }), let exponent = Int(text[text.index(after: e)...]) {
            text = String(text[..<e]) + "×10" + superscript(exponent)
        }
        return text.split(separator: "-", omittingEmptySubsequences: false).joined(separator: minus)
    }

    /// C's conversions of a `Double`, as ``printf(_:_:precision:)`` names them.
    public enum Conversion: String, Sendable {
        /// `%.nf`: `n` decimals.
        case fixed = "f"
        /// `%.ne`: a mantissa with `n` decimals and an exponent, `1.5e+07`.
        case exponent = "e"
        /// `%.ng`: `n` significant digits, trailing zeros dropped, `e` notation for
        /// exponents below −4 or from `n` up.
        case general = "g"
    }

    /// `x` as C's `printf("%.<precision><conversion>", x)` writes it: ASCII `-`, `inf`, `nan`.
    /// glibc's conversions are correctly rounded, so the text is the same on every machine.
    public static func printf(_ x: Double, _ conversion: Conversion, precision: Int) -> String {
        LibC.format(x, "%.\(max(0, precision))\(conversion.rawValue)")
    }

    /// `digits` significant digits as `%.<digits>g` writes them, but with a power of ten
    /// (`7.9×10⁻⁵`) rather than C's `7.9e-05` for magnitudes below 10⁻⁴ or from 10⁶ up; the
    /// mantissa's trailing zeros are dropped. ASCII `-`, `inf` and `nan` as C writes them.
    public static func correctlyRoundedSignificant(_ x: Double, digits: Int) -> String {
        let scientific = printf(x, .exponent, precision: digits - 1)
        guard let e = scientific.firstIndex(of: "e"), let exponent = Int(scientific[scientific.index(after: e)...]) else {
            return printf(x, .general, precision: digits)
        }
        if exponent >= -4 && exponent < 6 {
            // %g writes 12345 to two digits as "1.2e+04"; prose wants the rounded number in full.
            if exponent >= digits, let rounded = Double(scientific) { return printf(rounded, .fixed, precision: 0) }
            return printf(x, .general, precision: digits)
        }
        var mantissa = String(scientific[..<e])
        if mantissa.contains(".") {
            while mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa.removeLast() }
        }
        return mantissa + "×10" + superscript(exponent)
    }

    /// `n` written with Unicode superscript digits: `superscript(-3)` is `"⁻³"`.
    public static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        var text = n < 0 ? "⁻" : ""
        for character in String(abs(n)) {
            text.append(digits[Int(character.asciiValue! - 48)])
        }
        return text
    }

    /// Ten to the power `n`, exact for the integer powers a Double can hold exactly.
    public static func pow10(_ n: Int) -> Double {
        // Beyond Double's range the answer is known without a loop of n steps; below 10⁻³⁰⁸
        // the divisor would overflow to ∞, so subnormal powers are 10⁻³⁰⁰ times a normal one.
        if n > 400 { return .infinity }
        if n < -400 { return 0 }
        if n < -300 { return pow10(n + 300) * 1e-300 }
        var result = 1.0
        if n >= 0 {
            for _ in 0..<n { result *= 10 }
        } else {
            // Dividing keeps 10⁻ⁿ correctly rounded; multiplying by 0.1 would not.
            var divisor = 1.0
            for _ in 0..<(-n) { divisor *= 10 }
            result = 1 / divisor
        }
        return result
    }

    static func roundToSignificant(_ x: Double, digits: Int, exponent: Int) -> Double {
        let decimals = digits - 1 - exponent
        if decimals >= 0 {
            let scale = pow10(decimals)
            return (x * scale).rounded(.toNearestOrAwayFromZero) / scale
        }
        let scale = pow10(-decimals)
        return (x / scale).rounded(.toNearestOrAwayFromZero) * scale
    }

    /// The decimal text of `x` rounded to `decimals` places, trailing zeros `trim`med,
    /// negative numbers led by `minus`; zero is `"0"`.
    public static func decimal(_ x: Double, decimals: Int, trim: Bool, minus: String) -> String {
        let scaled = (x * pow10(decimals)).rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < 9e15 else { return x < 0 ? minus + String(-x) : String(x) }
        let integer = Int64(scaled)
        if integer == 0 { return "0" }
        // The digits are written backwards from the end of a buffer, the fraction's first:
        // a figure writes thousands of numbers, and a String per piece was most of their cost.
        let places = max(0, decimals)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: places + 24) { buffer in
            var start = buffer.count
            var magnitude = integer.magnitude
            var written = 0
            // Trailing zeros of the fraction are dropped as they are met, while trimming.
            var trimming = trim && places > 0
            while magnitude != 0 || written <= places {
                let digit = UInt8(magnitude % 10)
                magnitude /= 10
                if written < places, trimming, digit == 0 {
                    written += 1
                    continue
                }
                trimming = false
                if written == places, places > 0, start < buffer.count {
                    start -= 1
                    buffer[start] = UInt8(ascii: ".")
                }
                start -= 1
                buffer[start] = UInt8(ascii: "0") + digit
                written += 1
                if written > places, magnitude == 0 { break }
            }
            let digits = String(decoding: UnsafeBufferPointer(rebasing: buffer[start...]), as: UTF8.self)
            return integer < 0 ? minus + digits : digits
        }
    }
}

extension Double {
    /// ⌊log₁₀ x⌋ for positive finite x, exact at powers of ten (where `log10` may
    /// return 2.9999999999999996 for 1000).
    public var log10Floor: Double {
        var e = LibC.log10(self).rounded(.down)
        if NumberFormat.pow10(LibC.int(e) + 1) <= self { e += 1 }
        if NumberFormat.pow10(LibC.int(e)) > self { e -= 1 }
        return e
    }
}
