/// A position in a source file, as the user named the file.
///
/// Lines and columns are 1-based. Columns count Unicode scalars, as editors and
/// LSP clients count the character to jump to (`[另一章]` after eighteen Chinese
/// characters is at column 19, not at byte 55); ``DiagnosticPrinter`` turns them
/// into a caret under the right glyph by display width. Line 0 means "no position"
/// (cmark's convention).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { line > 0 ? "\(file):\(line):\(column)" : file }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// Where an embedded text (a fenced block, front matter) sits inside its file,
/// so that positions found inside the text can be reported in the file.
public struct SourceOrigin: Hashable, Sendable {
    /// The file, as the user named it.
    public var file: String
    /// The file line of the text's first line.
    public var line: Int
    /// Scalars before the text's first column on every line (the fence's indentation).
    public var columnOffset: Int

    public init(file: String, line: Int, columnOffset: Int = 0) {
        self.file = file
        self.line = line
        self.columnOffset = columnOffset
    }

    /// The file location of a 1-based line and column inside the embedded text.
    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: self.line + line - 1, column: column + columnOffset)
    }
}
