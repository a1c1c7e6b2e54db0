import CourseDiagnostics

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
