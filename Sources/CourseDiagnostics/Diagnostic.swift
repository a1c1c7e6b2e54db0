/// How bad a ``Diagnostic`` is.
public enum Severity: String, Hashable, Sendable {
    case error, warning, note
}

/// A problem found in the user's input, as a value (swift-syntax style).
///
/// Producers collect diagnostics into an `inout [Diagnostic]` rather than
/// stopping at the first one; ``DiagnosticPrinter`` renders them as
/// `path:line:col: error: message`, the source line, a caret and the hint.
public struct Diagnostic: Hashable, Sendable, Error, CustomStringConvertible {
    public var severity: Severity
    public var message: String
    /// Where the problem is; `nil` for problems of a whole run (a missing folder).
    public var location: SourceLocation?
    /// How many Unicode scalars the caret underlines (at least 1).
    public var length: Int
    /// What would be right, printed after the caret line as `hint: …`.
    public var hint: String?
    /// Further locations that explain the problem (`note:` lines).
    public var notes: [Diagnostic]

    public init(
        _ severity: Severity = .error,
        _ message: String,
        at location: SourceLocation? = nil,
        length: Int = 1,
        hint: String? = nil,
        notes: [Diagnostic] = []
    ) {
        self.severity = severity
        self.message = message
        self.location = location
        self.length = max(1, length)
        self.hint = hint
        self.notes = notes
    }

    public static func error(
        _ message: String, at location: SourceLocation? = nil, length: Int = 1, hint: String? = nil,
        notes: [Diagnostic] = []
    ) -> Diagnostic {
        Diagnostic(.error, message, at: location, length: length, hint: hint, notes: notes)
    }

    public static func note(_ message: String, at location: SourceLocation? = nil, length: Int = 1) -> Diagnostic {
        Diagnostic(.note, message, at: location, length: length)
    }

    /// The one-line form, `path:line:col: error: message`.
    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        return "\(prefix)\(severity.rawValue): \(message)"
    }
}

extension Array where Element == Diagnostic {
    /// Whether any element is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, line and column; diagnostics without a location first.
    /// Stable, so equal positions keep the order they were found in.
    public func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case (nil, nil): return a.offset < b.offset
            case (nil, _): return true
            case (_, nil): return false
            case (let x?, let y?): return x == y ? a.offset < b.offset : x < y
            }
        }.map(\.element)
    }
}
