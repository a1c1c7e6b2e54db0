/// "Did you mean …?" suggestions, by edit distance.
public enum Suggestion {
    /// The candidate closest to `word`, when it is close enough to be a likely typo:
    /// at most one edit per three characters (at least one), transpositions counting once.
    public static func closest<S: Sequence>(to word: String, in candidates: S) -> String? where S.Element == String {
        let limit = max(1, (word.count + 1) / 3)
        var best: (String, Int)?
        let lowered = word.lowercased()
        let length = lowered.count
        for candidate in candidates {
            // Lengths that differ by more than the limit need more edits than it allows.
            let other = candidate.lowercased()
            guard abs(other.count - length) <= limit else { continue }
            let d = distance(lowered, other)
            if d <= limit, best.map({ d < $0.1 }) ?? true { best = (candidate, d) }
        }
        return best?.0
    }

    /// Optimal-string-alignment distance: insertions, deletions, substitutions and
    /// transpositions of neighbours each cost 1 (`Adma` is one edit from `Adam`).
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        var d = [Int](repeating: 0, count: (a.count + 1) * width)
        for i in 0...a.count { d[i * width] = i }
        for j in 0...b.count { d[j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = Swift.min(d[(i - 1) * width + j] + 1, d[i * width + j - 1] + 1, d[(i - 1) * width + j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = Swift.min(best, d[(i - 2) * width + j - 2] + 1)
                }
                d[i * width + j] = best
            }
        }
        return d[a.count * width + b.count]
    }
}
