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
