/// Stable, unique, readable ids for headings, as GitHub makes them:
/// lower-case, punctuation dropped, spaces to `-`, and `-1`, `-2`, … for repeats.
public struct HeadingSlugger: Sendable {
    private var used: Set<String> = []

    public init(reserved: Set<String> = []) { used = reserved }

    /// The id for a heading whose visible text is `text`.
    public mutating func slug(for text: String) -> String {
        let base = Self.slugify(text)
        var candidate = base
        var n = 1
        while used.contains(candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// The id's base form: letters and digits (any script) kept, spaces and
    /// hyphens to `-`, everything else dropped; `section` when nothing is left.
    public static func slugify(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" {
                out.unicodeScalars.append(scalar)
            } else if scalar == " " || scalar == "-" || scalar == "\t" {
                out += "-"
            }
        }
        return out.isEmpty ? "section" : out
    }
}
