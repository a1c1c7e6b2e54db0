/// Position markers in test sources, as swift-format's tests write them:
/// `1️⃣`, `2️⃣`, … stand where a diagnostic is expected and are removed from the text.
public struct MarkedText: Sendable {
    /// The text without its markers.
    public let text: String
    /// Each marker's 1-based line and column (in Unicode scalars, as diagnostics count) in ``text``.
    public let markers: [String: (line: Int, column: Int)]

    public static let symbols = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

    public init(_ marked: String) {
        var text = ""
        var markers: [String: (line: Int, column: Int)] = [:]
        var line = 1
        var column = 1
        var index = marked.startIndex
        scan: while index < marked.endIndex {
            for symbol in Self.symbols where marked[index...].hasPrefix(symbol) {
                markers[symbol] = (line, column)
                index = marked.index(index, offsetBy: symbol.count)
                continue scan
            }
            let character = marked[index]
            text.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
            index = marked.index(after: index)
        }
        self.text = text
        self.markers = markers
    }

    /// The marker's position; a test fails loudly (by crashing) on an unknown marker,
    /// which is a broken test, not bad input.
    public subscript(_ symbol: String) -> (line: Int, column: Int) {
        guard let position = markers[symbol] else { preconditionFailure("no marker \(symbol) in the test text") }
        return position
    }
}
