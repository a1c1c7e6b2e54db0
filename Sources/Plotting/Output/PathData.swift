/// Compact SVG path data: coordinates rounded to tenths of a drawing unit, written as
/// relative moves (`l`, `h`, `v`) with the fewest separators the grammar allows.
///
/// Rounding happens to absolute positions first and the deltas are taken between the
/// rounded positions, so relative moves never accumulate rounding error.
struct PathData {
    private(set) var text = ""
    private var command: Character = " "
    private var lastToken = ""

    var isEmpty: Bool { text.isEmpty }

    /// Appends a polyline; consecutive points that round to the same position collapse.
    mutating func add(_ points: [Point], closed: Bool = false) {
        guard let first = points.first else { return }
        var x = Self.tenths(first.x), y = Self.tenths(first.y)
        emit("M", x, y)
        var drawn = 0
        for point in points.dropFirst() {
            let px = Self.tenths(point.x), py = Self.tenths(point.y)
            let dx = px - x, dy = py - y
            if dx == 0 && dy == 0 { continue }
            if dy == 0 {
                emit("h", dx)
            } else if dx == 0 {
                emit("v", dy)
            } else {
                emit("l", dx, dy)
            }
            x = px
            y = py
            drawn += 1
        }
        if closed && drawn >= 2 {
            text += "z"
            command = "z"
            lastToken = ""
        }
    }

    private mutating func emit(_ letter: Character, _ numbers: Int...) {
        if letter != command || letter == "M" {
            text.append(letter)
            command = letter
            lastToken = ""
        }
        for n in numbers {
            let token = Self.token(n)
            if !lastToken.isEmpty {
                let startsBare = token.first == "-" || (token.first == "." && lastToken.contains("."))
                if !startsBare { text += " " }
            }
            text += token
            lastToken = token
        }
    }

    static func tenths(_ value: Double) -> Int {
        Math.int((value * 10).rounded(.toNearestOrAwayFromZero))
    }

    /// A number of tenths as text without a leading zero: 5 → ".5", -12 → "-1.2".
    static func token(_ n: Int) -> String {
        let magnitude = n.magnitude
        let whole = magnitude / 10, fraction = magnitude % 10
        var text = n < 0 ? "-" : ""
        if whole != 0 || fraction == 0 { text += String(whole) }
        if fraction != 0 { text += "." + String(fraction) }
        return text
    }
}
