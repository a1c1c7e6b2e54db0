/// Compact SVG path data: coordinates rounded to tenths of a drawing unit, written as
/// relative moves (`l`, `h`, `v`) with the fewest separators the grammar allows.
///
/// Rounding happens to absolute positions first and the deltas are taken between the
/// rounded positions, so relative moves never accumulate rounding error.
///
/// The data is built as ASCII bytes in one buffer: a figure's contours are tens of
/// thousands of numbers, and a `String` per number was most of a cached build's drawing.
struct PathData {
    private(set) var bytes: [UInt8] = []
    /// The command letter in force (`M`, `h`, `v`, `l`, `z`), or a space before the first.
    private var command = UInt8(ascii: " ")
    /// Whether a number was written since the last command letter, and whether it has a point.
    private var afterNumber = false
    private var lastHasPoint = false

    var isEmpty: Bool { bytes.isEmpty }

    /// The data as text, e.g. `M10 20h.5v-.5l.5-.5z`.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends a polyline; consecutive points that round to the same position collapse.
    mutating func add(_ points: [Point], closed: Bool = false) {
        guard let first = points.first else { return }
        if bytes.isEmpty { bytes.reserveCapacity(points.count * 6) }
        var x = Self.tenths(first.x), y = Self.tenths(first.y)
        emit(UInt8(ascii: "M"), x, y)
        var drawn = 0
        for point in points.dropFirst() {
            let px = Self.tenths(point.x), py = Self.tenths(point.y)
            let dx = px - x, dy = py - y
            if dx == 0 && dy == 0 { continue }
            if dy == 0 {
                emit(UInt8(ascii: "h"), dx)
            } else if dx == 0 {
                emit(UInt8(ascii: "v"), dy)
            } else {
                emit(UInt8(ascii: "l"), dx, dy)
            }
            x = px
            y = py
            drawn += 1
        }
        if closed && drawn >= 2 {
            bytes.append(UInt8(ascii: "z"))
            command = UInt8(ascii: "z")
            afterNumber = false
        }
    }

    private mutating func emit(_ letter: UInt8, _ first: Int, _ second: Int? = nil) {
        if letter != command || letter == UInt8(ascii: "M") {
            bytes.append(letter)
            command = letter
            afterNumber = false
        }
        number(first)
        if let second { number(second) }
    }

    /// Appends `n` tenths as ``token(_:)`` spells it, after a space unless the grammar
    /// separates the two numbers already (a minus sign, or a second point).
    private mutating func number(_ n: Int) {
        let magnitude = n.magnitude
        let whole = magnitude / 10, fraction = magnitude % 10
        let startsWithPoint = n >= 0 && whole == 0 && fraction != 0
        if afterNumber && !(n < 0 || (startsWithPoint && lastHasPoint)) {
            bytes.append(UInt8(ascii: " "))
        }
        Self.append(n, to: &bytes)
        afterNumber = true
        lastHasPoint = fraction != 0
    }

    static func tenths(_ value: Double) -> Int {
        Math.int((value * 10).rounded(.toNearestOrAwayFromZero))
    }

    /// A number of tenths as text without a leading zero: 5 → ".5", -12 → "-1.2".
    static func token(_ n: Int) -> String {
        var bytes: [UInt8] = []
        append(n, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``token(_:)``'s spelling of `n` tenths to `bytes`.
    static func append(_ n: Int, to bytes: inout [UInt8]) {
        let magnitude = n.magnitude
        var whole = magnitude / 10
        let fraction = magnitude % 10
        if n < 0 { bytes.append(UInt8(ascii: "-")) }
        if whole != 0 || fraction == 0 {
            // The whole part's digits, most significant first (at most 20 of them).
            var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
            withUnsafeMutableBytes(of: &digits) { buffer in
                var start = buffer.count
                repeat {
                    start -= 1
                    buffer[start] = UInt8(ascii: "0") + UInt8(whole % 10)
                    whole /= 10
                } while whole != 0
                bytes.append(contentsOf: buffer[start...])
            }
        }
        if fraction != 0 {
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(ascii: "0") + UInt8(fraction))
        }
    }
}
