/// An image that is a figure: alone in its paragraph with a caption (its alt text), as Pandoc
/// and Quarto read `![caption](plot.svg "title")`, optionally followed by Pandoc's attribute
/// `{#fig:name}`, which names it:
///
///     ![The loss along the valley](img/valley.svg){#fig:valley}
///
/// An image amid text, or with an empty caption, stays an image.
public struct FigureImage: Hashable, Sendable {
    public var url: String
    public var title: String
    /// The caption, which is also the image's alt text.
    public var caption: [Inline]
    /// What is between `{#` and `}` after the image, as written; `nil` when there is no attribute.
    public var id: String?
    /// The attribute as written when it is not `{#…}` (`{fig:valley}`, `{#a b}`): an error to report.
    public var malformedAttribute: String?
    /// The image's `!`.
    public var position: TextPosition

    /// The figure a paragraph is, if it is one.
    public static func figure(in inlines: [Inline]) -> FigureImage? {
        var figure: FigureImage?
        var after = ""
        for inline in inlines {
            switch inline {
            case .image(let url, let title, let alt, let position) where figure == nil:
                figure = FigureImage(url: url, title: title, caption: alt, position: position)
            case .text(let s) where figure != nil: after += s
            case .softBreak, .lineBreak: after += " "
            case .text(let s) where s.allSatisfy(\.isWhitespace): continue
            default: return nil
            }
        }
        guard var figure, !figure.caption.plainText.allSatisfy(\.isWhitespace) else { return nil }
        let attribute = after.trimmingCharacters(whereSeparator: \.isWhitespace)
        if attribute.isEmpty { return figure }
        guard attribute.hasPrefix("{"), attribute.hasSuffix("}") else { return nil }
        let inside = attribute.dropFirst().dropLast()
        if inside.hasPrefix("#"), !inside.dropFirst().isEmpty, !inside.contains(where: \.isWhitespace) {
            figure.id = String(inside.dropFirst())
        } else {
            figure.malformedAttribute = attribute
        }
        return figure
    }
}

extension String {
    func trimmingCharacters(whereSeparator isSeparator: (Character) -> Bool) -> String {
        String(drop(while: isSeparator).reversed().drop(while: isSeparator).reversed())
    }
}
