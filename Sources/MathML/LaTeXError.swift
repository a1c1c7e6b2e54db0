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
    /// count Unicode scalars, as everywhere in coursegen (`offset` counts bytes).
    public func location(in latex: String, at start: SourceLocation) -> SourceLocation {
        let (lines, column) = ScalarColumns.lineAndColumn(ofByte: offset, in: latex.utf8)
        return SourceLocation(file: start.file, line: start.line + lines - 1, column: lines == 1 ? start.column + column - 1 : column)
    }

    /// This error as a diagnostic at its file position (see ``location(in:at:)``).
    public func diagnostic(in latex: String, at start: SourceLocation) -> Diagnostic {
        let scalars = latex.utf8.dropFirst(offset).prefix(length).filter { $0 & 0xC0 != 0x80 }.count
        return .error(message, at: location(in: latex, at: start), length: scalars, hint: hint)
    }
}
