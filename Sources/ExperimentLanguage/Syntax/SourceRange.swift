/// A position inside a directive's text: UTF-8 byte offset (for ordering) and 1-based line and column.
///
/// Columns count Unicode scalars, as ``CourseDiagnostics/SourceLocation`` does, so a
/// position maps to the chapter file through ``CourseDiagnostics/SourceOrigin``. Only
/// this module's lexer and checkers make one, so the memberwise initializer serves.
public struct SourcePosition: Hashable, Sendable, Comparable {
    public var offset: Int
    public var line: Int
    public var column: Int

    public static let start = SourcePosition(offset: 0, line: 1, column: 1)

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool { a.offset < b.offset }
}

/// A half-open span of a directive's text, from `start` up to (not including) `end`.
public struct SourceRange: Hashable, Sendable {
    public var start: SourcePosition
    public var end: SourcePosition

    public init(_ start: SourcePosition, _ end: SourcePosition) {
        self.start = start
        self.end = end
    }

    /// Scalars covered on the first line, at least 1 so that a caret is always drawn. A range
    /// that goes on to later lines covers the rest of its first line (its bytes are at least
    /// as many as that line's scalars left).
    public var length: Int { max(1, start.line == end.line ? end.column - start.column : end.offset - start.offset) }

    /// The smallest range covering both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(min(start, other.start), max(end, other.end))
    }
}
