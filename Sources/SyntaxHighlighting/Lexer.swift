/// The cursor and output that the language lexers share.
///
/// Every lexer moves `position` forward only and looks ahead a bounded number
/// of bytes, so highlighting is linear; interpolations recurse at most
/// ``maximumDepth`` levels, beyond which their text stays part of the string.
class Lexer {
    static let maximumDepth = 32

    let bytes: [UInt8]
    var position = 0
    var output = HTMLBuilder()

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The byte `offset` ahead of the cursor, or 0 past the end.
    final func peek(_ offset: Int = 0) -> UInt8 {
        let index = position + offset
        return index < bytes.count ? bytes[index] : 0
    }

    final var atEnd: Bool { position >= bytes.count }

    /// Emits `bytes[start..<position]` as one token.
    final func emit(from start: Int, as kind: TokenKind?) {
        output.append(bytes[start..<position], as: kind)
    }

    /// Consumes through the end of the line (not the newline) and emits it.
    final func lineComment(from start: Int) {
        while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
        emit(from: start, as: .comment)
    }

    final func finish() -> String {
        output.finish()
        return output.html
    }

    /// Consumes one character: a whole UTF-8 sequence, never part of one.
    final func advanceCharacter() {
        position += 1
        while position < bytes.count, bytes[position] & 0xC0 == 0x80 { position += 1 }
    }

    /// Consumes identifier bytes: ASCII letters, digits, `_`, and anything
    /// outside ASCII (so `θ` and `η₀` stay whole).
    final func identifier() -> String {
        let start = position
        while position < bytes.count, Self.isIdentifierByte(bytes[position]) { position += 1 }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        isLetter(byte) || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    static func isIdentifierByte(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || isDigit(byte)
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    static func isUppercase(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }

    /// Digits in `isDigit` and `_` separators, then an optional fraction and
    /// exponent: the decimal literals Swift and Python share.
    final func decimalNumber(digit isDigit: (UInt8) -> Bool = Lexer.isDigit, exponent: Set<UInt8> = [UInt8(ascii: "e"), UInt8(ascii: "E")]) {
        while isDigit(peek()) || peek() == UInt8(ascii: "_") { position += 1 }
        if peek() == UInt8(ascii: "."), isDigit(peek(1)) {
            position += 1
            while isDigit(peek()) || peek() == UInt8(ascii: "_") { position += 1 }
        }
        if exponent.contains(peek()) {
            let sign = peek(1) == UInt8(ascii: "+") || peek(1) == UInt8(ascii: "-") ? 1 : 0
            if Lexer.isDigit(peek(1 + sign)) {
                position += 1 + sign
                while Lexer.isDigit(peek()) || peek() == UInt8(ascii: "_") { position += 1 }
            }
        }
    }
}
