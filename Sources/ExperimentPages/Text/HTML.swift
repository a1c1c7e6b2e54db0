import Plotting

/// Escaping for HTML text and attributes, the same as the figures use.
enum HTML {
    static func escape(_ text: String) -> String { MarkupEscaping.escape(text) }
}
