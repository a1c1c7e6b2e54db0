/// Stable, unique, readable ids for headings, as GitHub makes them:
/// lower-case, punctuation dropped, spaces to `-`, and `-1`, `-2`, … for repeats.
///
/// Ids that coursegen generates itself are never taken: the `reserved` ids (the
/// template's landmarks), and every id of a numbered namespace (`fn-3`, `fnref-3-2`,
/// `xd2-p-s0`: a namespace prefix, digits, then the end or `-`). A heading whose id
/// would fall in a namespace, or whose repeats would, gets `section-` before it:
/// `## fn-1` is `#section-fn-1`.
public struct HeadingSlugger: Sendable {
    private var used: Set<String> = []
    private let numberedPrefixes: [String]
    /// The next repeat number to try for each base id, so that many equal headings stay linear.
    private var nextRepeat: [String: Int] = [:]

    public init(reserved: Set<String> = [], numberedPrefixes: [String] = []) {
        used = reserved
        self.numberedPrefixes = numberedPrefixes
    }

    /// The id for a heading whose visible text is `text`.
    public mutating func slug(for text: String) -> String {
        var base = Self.slugify(text)
        if isGenerated(base) || isGenerated(base + "-1") { base = "section-" + base }
        var candidate = base
        if used.contains(candidate) {
            var n = nextRepeat[base] ?? 1
            repeat {
                candidate = "\(base)-\(n)"
                n += 1
            } while used.contains(candidate)
            nextRepeat[base] = n
        }
        used.insert(candidate)
        return candidate
    }

    /// Whether `id` lies in a numbered namespace: a prefix, one or more digits, then the end or `-`.
    public func isGenerated(_ id: String) -> Bool {
        numberedPrefixes.contains { prefix in
            guard id.hasPrefix(prefix) else { return false }
            let rest = id.utf8.dropFirst(prefix.utf8.count)
            let digits = rest.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            guard !digits.isEmpty else { return false }
            let after = rest.dropFirst(digits.count).first
            return after == nil || after == UInt8(ascii: "-")
        }
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
