import CourseDiagnostics

/// A problem in a LaTeX formula, positioned by UTF-8 byte offset inside the formula.
///
/// The renderer does not know where the formula sits in its chapter; the caller
/// does, and turns the error into a ``Diagnostic`` with ``diagnostic(in:at:)``.
public struct LaTeXError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Bytes from the start of the formula to the start of the problem.
    public var offset: Int
    /// Bytes the problem spans (at least 1).
    public var length: Int
    public var message: String
    /// What would be right, when there is something to suggest.
    public var hint: String?

    public init(offset: Int, length: Int = 1, message: String, hint: String? = nil) {
        self.offset = offset
        self.length = max(1, length)
        self.message = message
        self.hint = hint
    }

    public var description: String { "\(offset): \(message)" }

    /// The file position of this error, for a formula whose first byte is at `start`.
    ///
    /// A newline inside the formula moves to the next file line, column 1, so
    /// display math spanning lines is reported where the problem is. Columns
    /// count UTF-8 bytes, as everywhere in coursegen.
    public func location(in latex: String, at start: SourceLocation) -> SourceLocation {
        var line = start.line
        var column = start.column
        for byte in latex.utf8.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return SourceLocation(file: start.file, line: line, column: column)
    }

    /// This error as a diagnostic at its file position (see ``location(in:at:)``).
    public func diagnostic(in latex: String, at start: SourceLocation) -> Diagnostic {
        .error(message, at: location(in: latex, at: start), length: length, hint: hint)
    }
}
