import CourseDiagnostics
import ExperimentLanguage
import Experiments

/// A fenced code block whose info string's first word names a registered
/// directive, handed over with its exact place in the chapter.
public struct DirectiveBlock: Sendable {
    /// The directive's name, the info string's first word (`experiment`).
    public var name: String
    /// The whole info string.
    public var info: String
    /// The fence's body.
    public var body: String
    /// Where the body's first line is: positions inside `body` map to the chapter file through it.
    public var origin: SourceOrigin
    /// The fence's own position.
    public var location: SourceLocation
    /// A prefix unique in the page, for ids the fragment defines (`d3-`). Ids a fragment
    /// defines start with it or with `x` and its letters and digits (`xd3-p-s0`); headings
    /// never take ids of those forms (``DirectiveBlock/idNamespaces``).
    public var idPrefix: String

    /// The numbered id namespaces of directive fragments, `d<n>-…` and `xd<n>…`.
    public static let idNamespaces = ["d", "xd"]
}

/// What a directive handler returns: an HTML fragment, any diagnostics, and the numbers
/// the prose may quote (`=Result(…)`). A fragment is still shown when there are only warnings.
public struct DirectiveOutput: Sendable {
    public var html: String
    public var diagnostics: [Diagnostic]
    /// The directive's results, for the page's result references; `nil` when it has none to quote.
    public var result: RunOutput?

    public init(html: String, diagnostics: [Diagnostic] = [], result: RunOutput? = nil) {
        self.html = html
        self.diagnostics = diagnostics
        self.result = result
    }
}

/// Turns a directive fence into HTML. Handlers run at build time, may be called
/// concurrently for different fences, and must be deterministic.
public protocol DirectiveHandler: Sendable {
    /// The info-string word this handler takes (`experiment`).
    var name: String { get }
    /// What running the fence would cost, estimated without running it; `nil` when it
    /// does not parse (``render(_:)`` reports why) or costs nothing worth counting.
    func estimate(_ block: DirectiveBlock) -> DirectiveCost?
    func render(_ block: DirectiveBlock) -> DirectiveOutput
}

extension DirectiveHandler {
    public func estimate(_ block: DirectiveBlock) -> DirectiveCost? { nil }
}

/// The handlers a build knows, by name.
public struct DirectiveRegistry: Sendable {
    private var handlers: [String: any DirectiveHandler] = [:]

    public init(_ handlers: [any DirectiveHandler] = []) {
        for handler in handlers { register(handler) }
    }

    public mutating func register(_ handler: any DirectiveHandler) {
        handlers[handler.name.lowercased()] = handler
    }

    public func handler(named name: String) -> (any DirectiveHandler)? {
        handlers[name.lowercased()]
    }

    public var names: [String] { handlers.keys.sorted() }
}
