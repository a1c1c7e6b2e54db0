import TextFormatting

/// The pages' short name for ``Escaping/html(_:)``, the one HTML escaper.
enum HTML {
    static func escape(_ text: String) -> String { Escaping.html(text) }
}
