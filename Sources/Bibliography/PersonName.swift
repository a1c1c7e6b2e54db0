/// One author or editor of an entry: a person's family and given names, or an organisation
/// written in braces as one name (`{World Health Organization}`).
public struct PersonName: Hashable, Sendable {
    /// The family name with its particles ("van der Maaten"), or the organisation's whole name.
    public var family: String
    /// Given names, empty for an organisation.
    public var given: String
    /// "Jr.", "III".
    public var suffix: String

    public init(family: String, given: String = "", suffix: String = "") {
        self.family = family
        self.given = given
        self.suffix = suffix
    }

    /// "Kingma, Diederik P." (the list's first name), "Kingma, Diederik P., Jr.".
    public var inverted: String {
        guard !given.isEmpty else { return family + (suffix.isEmpty ? "" : ", " + suffix) }
        return family + ", " + given + (suffix.isEmpty ? "" : ", " + suffix)
    }

    /// "Diederik P. Kingma".
    public var natural: String {
        ([given, family].filter { !$0.isEmpty }.joined(separator: " ")) + (suffix.isEmpty ? "" : ", " + suffix)
    }

    /// The names of a BibTeX `author` or `editor` field: `and` at brace depth 0 separates
    /// them; each is "Last, First", "Last, Jr, First" or "First von Last"; a name in braces is
    /// one organisation.
    public static func list(_ latex: String) -> [PersonName] {
        split(latex, separatedBy: { words, i in words[i].lowercased() == "and" }).compactMap(name)
    }

    private static func name(_ words: [String]) -> PersonName? {
        guard !words.isEmpty else { return nil }
        if words.count == 1, let only = words.first, only.hasPrefix("{"), only.hasSuffix("}") {
            return PersonName(family: LaTeXText.plain(only))
        }
        // Commas at depth 0 split "von Last, Jr, First".
        let parts = split(words, byComma: true)
        let text = { (words: [String]) in LaTeXText.plain(words.joined(separator: " ")) }
        switch parts.count {
        case 1:
            // "First von Last": the family name is the last word, with the lower-case words before it.
            var familyStart = words.count - 1
            while familyStart > 0, startsLowercase(words[familyStart - 1]) { familyStart -= 1 }
            if familyStart == 0, words.count > 1 { familyStart = words.count - 1 }
            return PersonName(family: text(Array(words[familyStart...])), given: text(Array(words[..<familyStart])))
        case 2:
            return PersonName(family: text(parts[0]), given: text(parts[1]))
        default:
            return PersonName(family: text(parts[0]), given: text(Array(parts[2...].joined())), suffix: text(parts[1]))
        }
    }

    private static func startsLowercase(_ word: String) -> Bool {
        guard let first = LaTeXText.plain(word).first else { return false }
        return first.isLowercase && !word.hasPrefix("{")
    }

    /// Words of `latex` at brace depth 0 (a braced group stays inside its word).
    static func words(_ latex: String) -> [String] {
        var words: [String] = []
        var current = ""
        var depth = 0
        for character in latex {
            if character == "{" { depth += 1 }
            if character == "}" { depth = max(0, depth - 1) }
            if depth == 0, character.isWhitespace {
                if !current.isEmpty { words.append(current); current = "" }
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    private static func split(_ latex: String, separatedBy isSeparator: ([String], Int) -> Bool) -> [[String]] {
        let all = words(latex)
        var groups: [[String]] = [[]]
        for i in all.indices {
            if isSeparator(all, i) { groups.append([]) } else { groups[groups.count - 1].append(all[i]) }
        }
        return groups.filter { !$0.isEmpty }
    }

    /// Words split at commas outside braces: `["Kingma,", "Diederik"]` → `[["Kingma"], ["Diederik"]]`.
    private static func split(_ words: [String], byComma: Bool) -> [[String]] {
        var parts: [[String]] = [[]]
        for word in words {
            var depth = 0
            var piece = ""
            for character in word {
                if character == "{" { depth += 1 }
                if character == "}" { depth = max(0, depth - 1) }
                if character == ",", depth == 0 {
                    if !piece.isEmpty { parts[parts.count - 1].append(piece) }
                    piece = ""
                    parts.append([])
                } else {
                    piece.append(character)
                }
            }
            if !piece.isEmpty { parts[parts.count - 1].append(piece) }
        }
        return parts
    }
}
