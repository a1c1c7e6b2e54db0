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

/// What a build knows of one kind of directive fence: how to check it and how to show what
/// it gave. Running is the same for every fence (``DirectiveRunner``), so a handler never runs
/// anything: ``CollectDirectives`` calls ``check(_:diagnostics:)`` once per fence, and
/// ``RenderPages`` calls ``render(_:run:)`` with the fence's results. Both may be called
/// concurrently for different fences and must be deterministic.
public protocol DirectiveHandler: Sendable {
    /// The info-string word this handler takes (`experiment`).
    var name: String { get }
    /// The fence parsed and checked, appending what is wrong to `diagnostics`; `nil` when it
    /// does not check, or when the fence has nothing to run.
    func check(_ block: DirectiveBlock, diagnostics: inout [Diagnostic]) -> Directive?
    /// The fence's HTML fragment from its results (`nil` when nothing ran).
    func render(_ block: DirectiveBlock, run: DirectiveRun?) -> String
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
