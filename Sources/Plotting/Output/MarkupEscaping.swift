/// Escaping for text in HTML and SVG: `&`, `<`, `>` and `"`, enough for element
/// content and double-quoted attributes. Shared by the figures and the page
/// fragments built on them.
public enum MarkupEscaping {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
